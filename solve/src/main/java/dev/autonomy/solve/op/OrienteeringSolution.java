package dev.autonomy.solve.op;

import java.util.Arrays;

/**
 * A route (0-based nodes, start first, end last), the prize it collects and its total cost.
 */
public record OrienteeringSolution(int[] route, double score, double length) {
  public OrienteeringSolution {
    if (route == null || route.length < 2) {
      throw new IllegalArgumentException("route must hold at least start and end");
    }
    if (!(score >= 0) || Double.isInfinite(score)) {
      throw new IllegalArgumentException("score must be a finite number >= 0, was " + score);
    }
    if (!(length >= 0) || Double.isInfinite(length)) {
      throw new IllegalArgumentException("length must be a finite number >= 0, was " + length);
    }
    route = route.clone();
  }

  @Override
  public int[] route() {
    return route.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OrienteeringSolution s
        && Arrays.equals(s.route, route)
        && Double.compare(s.score, score) == 0
        && Double.compare(s.length, length) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(route) * 31 + Double.hashCode(score);
  }

  @Override
  public String toString() {
    return "OrienteeringSolution[score=" + score + ", length=" + length + ", route=" + Arrays.toString(route) + "]";
  }
}
