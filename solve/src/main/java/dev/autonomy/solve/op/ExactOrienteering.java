package dev.autonomy.solve.op;

import java.util.Arrays;

/**
 * The exact optimum of a small orienteering problem (at most {@value #MAX_INNER} nodes besides
 * start and end) by dynamic programming over subsets: the shortest path from the start through a
 * set of nodes ending at each of them. Memory grows as 2^k * k; use it to check heuristics.
 */
public final class ExactOrienteering {
  public static final int MAX_INNER = 19;

  private ExactOrienteering() {}

  public static OrienteeringSolution solve(OrienteeringProblem problem) {
    int n = problem.size();
    int start = problem.start();
    int end = problem.end();
    int[] inner = java.util.stream.IntStream.range(0, n).filter(v -> v != start && v != end).toArray();
    int k = inner.length;
    if (k > MAX_INNER) {
      throw new IllegalArgumentException(
          "exact search handles at most " + MAX_INNER + " nodes besides start and end, had " + k);
    }
    if (problem.cost(start, end) > problem.budget()) {
      throw new IllegalArgumentException("the budget " + problem.budget() + " cannot reach the end");
    }
    double[] dp = new double[(1 << k) * Math.max(k, 1)];
    Arrays.fill(dp, Double.POSITIVE_INFINITY);
    for (int v = 0; v < k; v++) {
      dp[(1 << v) * k + v] = problem.cost(start, inner[v]);
    }
    double bestScore = -1;
    double bestLength = 0;
    int bestSet = 0;
    int bestLast = -1;
    double base = problem.prize(start) + (end != start ? problem.prize(end) : 0);
    double direct = problem.cost(start, end);
    bestScore = base;
    bestLength = direct;
    for (int set = 1; set < (1 << k); set++) {
      double score = base;
      for (int u = 0; u < k; u++) {
        if ((set >> u & 1) != 0) {
          score += problem.prize(inner[u]);
        }
      }
      for (int v = 0; v < k; v++) {
        double d = dp[set * k + v];
        if (d > problem.budget()) {
          continue; // unreachable, or already over: costs are non-negative
        }
        double total = d + problem.cost(inner[v], end);
        if (total <= problem.budget()
            && (score > bestScore || (score == bestScore && total < bestLength))) {
          bestScore = score;
          bestLength = total;
          bestSet = set;
          bestLast = v;
        }
        for (int w = 0; w < k; w++) {
          if ((set >> w & 1) == 0) {
            int next = set | (1 << w);
            double nd = d + problem.cost(inner[v], inner[w]);
            if (nd < dp[next * k + w]) {
              dp[next * k + w] = nd;
            }
          }
        }
      }
    }
    return problem.verify(trace(problem, inner, dp, k, bestSet, bestLast));
  }

  private static int[] trace(OrienteeringProblem problem, int[] inner, double[] dp, int k, int set, int last) {
    int count = Integer.bitCount(set);
    int[] route = new int[count + 2];
    route[0] = problem.start();
    route[route.length - 1] = problem.end();
    int at = count;
    while (last >= 0) {
      route[at--] = inner[last];
      int prevSet = set & ~(1 << last);
      int prev = -1;
      if (prevSet != 0) {
        double target = dp[set * k + last];
        double bestGap = Double.POSITIVE_INFINITY;
        for (int u = 0; u < k; u++) {
          if ((prevSet >> u & 1) != 0 && dp[prevSet * k + u] != Double.POSITIVE_INFINITY) {
            double gap = Math.abs(dp[prevSet * k + u] + problem.cost(inner[u], inner[last]) - target);
            if (gap < bestGap) {
              bestGap = gap;
              prev = u;
            }
          }
        }
      }
      set = prevSet;
      last = prev;
    }
    return route;
  }
}
