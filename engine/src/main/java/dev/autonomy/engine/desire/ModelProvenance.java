package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a desire model came from: the trainer and its settings, the seed, the span of days it
 * learned from, and the format version, so the vault can store it and a person can read it.
 *
 * @param trainer what made it ("tribuo LinearSGDTrainer(SquaredLoss, AdaGrad) + ridge rows", "configured")
 * @param settings the trainer's hyper-parameters as text
 * @param seed the seed the trainer used
 * @param dataFrom first day of training data (ISO date) or "" when configured
 * @param dataTo last day of training data (ISO date) or ""
 * @param version the model format version
 */
public record ModelProvenance(
    String trainer, Map<String, String> settings, long seed, String dataFrom, String dataTo, String version) {
  public static final String CURRENT_VERSION = "autonomy-desire-linear/1";

  public ModelProvenance {
    Requires.nonBlank(trainer, "trainer");
    settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    dataFrom = dataFrom == null ? "" : dataFrom;
    dataTo = dataTo == null ? "" : dataTo;
    Requires.nonBlank(version, "version");
  }

  public static ModelProvenance configured(String description) {
    return new ModelProvenance("configured: " + description, Map.of(), 0L, "", "", CURRENT_VERSION);
  }
}
