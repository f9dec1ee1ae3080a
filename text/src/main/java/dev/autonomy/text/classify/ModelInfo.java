package dev.autonomy.text.classify;

import dev.autonomy.core.Requires;
import java.time.Instant;
import java.util.Map;

/**
 * Provenance of a text model: the data it learnt from, the settings, the seed, when, and how well
 * it did.
 *
 * @param dataSource the file as named when training
 * @param format the format that read it
 * @param dataHash SHA-256 prefix of every split's texts and labels ({@code Dataset.hash()})
 * @param trainExamples examples the head was fitted on
 * @param settings the head's hyper-parameters
 * @param seed the seed of the split and the training
 * @param created when training finished
 * @param epochs epochs run; bestEpoch the one kept
 * @param scores named scores ("dev_macro_f1", "test_accuracy", ...)
 */
public record ModelInfo(
    String dataSource,
    String format,
    String dataHash,
    int trainExamples,
    HeadSettings settings,
    long seed,
    Instant created,
    int epochs,
    int bestEpoch,
    Map<String, Double> scores) {
  public ModelInfo {
    Requires.nonBlank(dataSource, "info.dataSource");
    Requires.nonBlank(format, "info.format");
    Requires.nonBlank(dataHash, "info.dataHash");
    Requires.nonNull(settings, "info.settings");
    Requires.nonNull(created, "info.created");
    scores = Map.copyOf(scores);
  }
}
