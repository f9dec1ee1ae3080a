package dev.autonomy.solve.op;

/**
 * An orienteering problem: find a path from {@code start} to {@code end} (they may be the same
 * node, for a loop) whose total cost is at most {@code budget} and that collects the most prize.
 * {@code cost[i][j]} is the cost of going from i to j (it may differ from j to i: walking times on a
 * map). A node's prize counts once, start and end included.
 *
 * <p>The arrays are copied in and out, so a problem is immutable.
 */
public record OrienteeringProblem(double[][] cost, double[] prize, int start, int end, double budget) {

  public OrienteeringProblem {
    if (cost == null) {
      throw new IllegalArgumentException("cost must not be null");
    }
    if (prize == null) {
      throw new IllegalArgumentException("prize must not be null");
    }
    int n = cost.length;
    if (n == 0) {
      throw new IllegalArgumentException("cost must have at least 1 row, had 0");
    }
    if (prize.length != n) {
      throw new IllegalArgumentException(
          "prize must have one entry per node (" + n + "), had " + prize.length);
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      if (cost[i] == null || cost[i].length != n) {
        throw new IllegalArgumentException(
            "cost must be square: row " + i + " has " + (cost[i] == null ? "no" : cost[i].length)
                + " entries, expected " + n);
      }
      copy[i] = cost[i].clone();
      for (int j = 0; j < n; j++) {
        double c = copy[i][j];
        if (!(c >= 0) || Double.isInfinite(c)) {
          throw new IllegalArgumentException(
              "cost[" + i + "][" + j + "] must be a finite number >= 0, was " + c);
        }
      }
    }
    cost = copy;
    prize = prize.clone();
    for (int i = 0; i < n; i++) {
      if (!(prize[i] >= 0) || Double.isInfinite(prize[i])) {
        throw new IllegalArgumentException("prize[" + i + "] must be a finite number >= 0, was " + prize[i]);
      }
    }
    if (start < 0 || start >= n) {
      throw new IllegalArgumentException("start must be in 0.." + (n - 1) + ", was " + start);
    }
    if (end < 0 || end >= n) {
      throw new IllegalArgumentException("end must be in 0.." + (n - 1) + ", was " + end);
    }
    if (!(budget >= 0) || Double.isInfinite(budget)) {
      throw new IllegalArgumentException("budget must be a finite number >= 0, was " + budget);
    }
  }

  public int size() {
    return prize.length;
  }

  @Override
  public double[][] cost() {
    double[][] copy = new double[cost.length][];
    for (int i = 0; i < cost.length; i++) {
      copy[i] = cost[i].clone();
    }
    return copy;
  }

  @Override
  public double[] prize() {
    return prize.clone();
  }

  /** Cost of one arc, without copying. */
  public double cost(int from, int to) {
    return cost[from][to];
  }

  /** Prize of one node, without copying. */
  double prize(int node) {
    return prize[node];
  }

  /** Total cost of a route, summed in order. */
  public double length(int[] route) {
    double length = 0;
    for (int i = 0; i + 1 < route.length; i++) {
      length += cost[route[i]][route[i + 1]];
    }
    return length;
  }

  /** Prize of the distinct nodes of a route. */
  public double score(int[] route) {
    boolean[] seen = new boolean[prize.length];
    double score = 0;
    for (int node : route) {
      if (!seen[node]) {
        seen[node] = true;
        score += prize[node];
      }
    }
    return score;
  }

  /**
   * Checks that a route starts at start, ends at end, visits no node twice (except start = end),
   * and keeps to the budget; returns the solution with its score and length recomputed.
   *
   * @throws IllegalArgumentException naming the first rule broken
   */
  public OrienteeringSolution verify(int[] route) {
    if (route.length < 2 || route[0] != start || route[route.length - 1] != end) {
      throw new IllegalArgumentException(
          "route must run from " + start + " to " + end + " with at least those two entries");
    }
    boolean[] seen = new boolean[prize.length];
    for (int i = 0; i < route.length; i++) {
      int node = route[i];
      if (node < 0 || node >= prize.length) {
        throw new IllegalArgumentException("route[" + i + "] = " + node + " is not a node");
      }
      boolean closing = i == route.length - 1 && start == end;
      if (seen[node] && !closing) {
        throw new IllegalArgumentException("route[" + i + "] = " + node + " is visited twice");
      }
      seen[node] = true;
    }
    double length = length(route);
    if (length > budget) {
      throw new IllegalArgumentException("route length " + length + " exceeds the budget " + budget);
    }
    return new OrienteeringSolution(route, score(route), length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OrienteeringProblem p
        && p.start == start && p.end == end
        && Double.compare(p.budget, budget) == 0
        && java.util.Arrays.equals(p.prize, prize)
        && java.util.Arrays.deepEquals(p.cost, cost);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(java.util.Arrays.deepHashCode(cost), java.util.Arrays.hashCode(prize), start, end, budget);
  }

  @Override
  public String toString() {
    return "OrienteeringProblem[n=" + prize.length + ", start=" + start + ", end=" + end + ", budget=" + budget + "]";
  }
}
