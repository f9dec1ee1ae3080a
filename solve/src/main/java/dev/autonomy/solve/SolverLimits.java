package dev.autonomy.solve;

import java.time.Duration;

/**
 * When a solver stops: after {@code maxTime} of wall-clock time, or after {@code
 * maxStagnantIterations} iterations in a row that did not improve the best solution, whichever
 * comes first. Use {@link #ofTime(Duration)} to stop on time only.
 *
 * <p>A run that stops on stagnation is reproducible: the same seed gives the same answer. A run cut
 * short by the time limit may stop after a different number of iterations on a slower machine.
 */
public record SolverLimits(Duration maxTime, int maxStagnantIterations) {

  public SolverLimits {
    if (maxTime == null) {
      throw new IllegalArgumentException("maxTime must not be null");
    }
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("maxTime must be > 0, was " + maxTime);
    }
    if (maxStagnantIterations < 1) {
      throw new IllegalArgumentException(
          "maxStagnantIterations must be >= 1, was " + maxStagnantIterations);
    }
  }

  /** Stops on time only. */
  public static SolverLimits ofTime(Duration maxTime) {
    return new SolverLimits(maxTime, Integer.MAX_VALUE);
  }

  /** The same time limit with a stagnation limit. */
  public SolverLimits withMaxStagnantIterations(int iterations) {
    return new SolverLimits(maxTime, iterations);
  }
}
