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
 * @param populationEffect how much of the intensity (before clipping to 0..1) came from a
 *     population prior learned across many persons rather than from the person's own data: the
 *     rest, {@code intensity - populationEffect}, is theirs. 0 when no population prior was used.
 */
public record Desire(
    DesireType type, double intensity, double confidence, List<Contribution> contributions, double populationEffect) {
  public Desire {
    Requires.nonNull(type, "type");
    Requires.unitInterval(intensity, "intensity");
    Requires.unitInterval(confidence, "confidence");
    contributions = List.copyOf(contributions);
    Requires.finite(populationEffect, "populationEffect");
  }

  /** A desire predicted from the person's own data alone. */
  public Desire(DesireType type, double intensity, double confidence, List<Contribution> contributions) {
    this(type, intensity, confidence, contributions, 0.0);
  }
}
