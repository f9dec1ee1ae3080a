package dev.autonomy.solve.tsp;

import java.time.Duration;

/**
 * What a run of {@link AntColonyTsp} found and how: the best tour, the iterations and pheromone
 * restarts it took, the wall time, and the seed that reproduces it.
 */
public record TspResult(TspTour tour, long iterations, int restarts, Duration elapsed, long seed) {
  public TspResult {
    if (tour == null) {
      throw new IllegalArgumentException("tour must not be null");
    }
    if (elapsed == null) {
      throw new IllegalArgumentException("elapsed must not be null");
    }
  }
}
