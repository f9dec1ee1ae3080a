package dev.autonomy.plan.trip;

import java.time.Duration;

/** Picks and orders prize nodes within a cost budget; the route starts at start and ends at end. */
interface OrienteeringSolver {
  int[] solve(double[][] cost, double[] prize, int start, int end, double budget, Duration time, long seed);

  String name();
}
