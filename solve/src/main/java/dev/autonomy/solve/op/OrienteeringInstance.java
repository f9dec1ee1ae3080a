package dev.autonomy.solve.op;

/**
 * A benchmark instance in the Tsiligirides / Chao format: points in the plane with scores, the
 * first point the start and the second the end, and a distance budget {@code tmax}. Distances are
 * plain (unrounded) Euclidean unless a {@link DistanceConvention} says otherwise.
 */
public record OrienteeringInstance(String name, double[] x, double[] y, double[] prize, double tmax) {
  public OrienteeringInstance {
    if (x.length != y.length || x.length != prize.length) {
      throw new IllegalArgumentException(
          "x, y and prize must have the same length, were " + x.length + ", " + y.length + ", " + prize.length);
    }
    if (x.length < 2) {
      throw new IllegalArgumentException("an instance needs a start and an end, had " + x.length + " points");
    }
    x = x.clone();
    y = y.clone();
    prize = prize.clone();
  }

  public int size() {
    return x.length;
  }

  /** The problem with plain Euclidean costs ({@link DistanceConvention#EXACT}), start 0 and end 1. */
  public OrienteeringProblem toProblem() {
    return toProblem(DistanceConvention.EXACT);
  }

  /** The problem with costs under {@code distances}, start 0 and end 1. */
  public OrienteeringProblem toProblem(DistanceConvention distances) {
    if (distances == null) {
      throw new IllegalArgumentException("distances must not be null");
    }
    int n = x.length;
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cost[i][j] = distances.leg(Math.hypot(x[i] - x[j], y[i] - y[j]));
      }
    }
    return new OrienteeringProblem(cost, prize, 0, 1, distances.budget(tmax));
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  @Override
  public double[] prize() {
    return prize.clone();
  }
}
