package dev.autonomy.plan;

/**
 * How long a planner's genetic algorithm runs: its population, and when it stops (after this many
 * generations without progress, or this many in all). Shared by the week and basket planners.
 */
public record GaLimits(int populationSize, int steadyGenerations, int maxGenerations) {
  public GaLimits {
    if (populationSize < 2) {
      throw new IllegalArgumentException("populationSize must be >= 2, was " + populationSize);
    }
    if (steadyGenerations < 1 || maxGenerations < 1) {
      throw new IllegalArgumentException(
          "generation limits must be >= 1, were " + steadyGenerations + " and " + maxGenerations);
    }
  }
}
