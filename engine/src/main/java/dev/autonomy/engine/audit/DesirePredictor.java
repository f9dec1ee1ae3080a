package dev.autonomy.engine.audit;

import dev.autonomy.core.desire.DesireType;
import java.time.Instant;
import java.util.Map;

/**
 * The person's predicted desire intensities at a past moment, in the context they stated then. The
 * audit compares what was shown with what was wanted; passing this in keeps the audit free of the
 * model's training and lets tests state the wants exactly.
 */
@FunctionalInterface
interface DesirePredictor {
  /** Intensity (0..1) of each desire at {@code at} given the stated context. */
  Map<DesireType, Double> intensities(Instant at, Map<String, String> stated);

  /** A predictor that knows nothing; the audit then reports no predicted shares. */
  static DesirePredictor none() {
    return (at, stated) -> Map.of();
  }
}
