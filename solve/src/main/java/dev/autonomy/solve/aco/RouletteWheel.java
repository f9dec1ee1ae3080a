package dev.autonomy.solve.aco;

import java.util.random.RandomGenerator;

/**
 * Fitness-proportional choice, the step at the heart of every ant's walk. One random draw per
 * spin, so that a seed fixes the walk.
 */
public final class RouletteWheel {
  private RouletteWheel() {}

  /**
   * Picks an index with probability proportional to its weight; indices whose weight is not
   * positive are never picked. If rounding leaves the draw past the end, the last positive weight
   * wins.
   *
   * @param total the sum of {@code weights}, which the caller has already computed
   * @return the index picked, or -1 when no weight is positive
   */
  public static int spin(double[] weights, double total, RandomGenerator random) {
    double pick = random.nextDouble() * total;
    int picked = -1;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        picked = i;
        pick -= weights[i];
        if (pick < 0) {
          break;
        }
      }
    }
    return picked;
  }
}
