package dev.autonomy.plan.trip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Best-ratio cheapest insertion: a stand-in for the ant colony while it is being written, and a
 * baseline. Deterministic; ignores the seed and the time.
 */
final class GreedyOrienteering implements OrienteeringSolver {
  @Override
  public int[] solve(double[][] cost, double[] prize, int start, int end, double budget, Duration time, long seed) {
    List<Integer> route = new ArrayList<>(List.of(start, end));
    double length = cost[start][end];
    boolean[] used = new boolean[prize.length];
    used[start] = true;
    used[end] = true;
    while (true) {
      int bestNode = -1;
      int bestPos = -1;
      double bestRatio = -1;
      double bestAdd = 0;
      for (int v = 0; v < prize.length; v++) {
        if (used[v] || prize[v] <= 0) {
          continue;
        }
        for (int pos = 1; pos < route.size(); pos++) {
          int a = route.get(pos - 1);
          int b = route.get(pos);
          double add = cost[a][v] + cost[v][b] - cost[a][b];
          if (length + add <= budget) {
            double ratio = prize[v] / Math.max(1e-9, add);
            if (ratio > bestRatio) {
              bestRatio = ratio;
              bestNode = v;
              bestPos = pos;
              bestAdd = add;
            }
          }
        }
      }
      if (bestNode < 0) {
        break;
      }
      route.add(bestPos, bestNode);
      used[bestNode] = true;
      length += bestAdd;
    }
    return route.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String name() {
    return "greedy insertion";
  }
}
