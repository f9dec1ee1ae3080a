package dev.autonomy.core.desire;

import dev.autonomy.core.Requires;
import java.util.List;

/**
 * A predicted desire in a context.
 *
 * @param type which desire
 * @param intensity how strong, 0..1
 * @param confidence how sure the model is, 0..1 (little data or far-from-history contexts lower it)
 * @param contributions the inputs that drove the prediction, largest effect first
 */
public record Desire(DesireType type, double intensity, double confidence, List<Contribution> contributions) {
  public Desire {
    Requires.nonNull(type, "type");
    Requires.unitInterval(intensity, "intensity");
    Requires.unitInterval(confidence, "confidence");
    contributions = List.copyOf(contributions);
  }
}
