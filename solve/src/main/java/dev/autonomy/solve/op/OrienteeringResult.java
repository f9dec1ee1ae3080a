package dev.autonomy.solve.op;

import java.time.Duration;

/** What a run of {@link AntColonyOrienteering} found, how many iterations and restarts it took, and its seed. */
public record OrienteeringResult(
    OrienteeringSolution solution, long iterations, int restarts, Duration elapsed, long seed) {
  public OrienteeringResult {
    if (solution == null || elapsed == null) {
      throw new IllegalArgumentException("solution and elapsed must not be null");
    }
  }
}
