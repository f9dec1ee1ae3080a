package dev.autonomy.solve.op;

import java.util.random.RandomGenerator;

/**
 * Local search on one orienteering route, for one worker thread (it owns its scratch arrays):
 * 2-opt and node relocation to shorten the route (asymmetric costs handled exactly), greedy
 * insertion of unvisited nodes by prize per added cost, and drop-and-refill (remove one node, then
 * insert greedily; kept when the score rises, or stays equal on a shorter route).
 */
final class RouteSearch {
  private static final double EPS = 1e-9;

  private final double[][] c;
  private final double[] prize;
  private final int n;
  private final double budget;
  private final boolean[] eligible;
  final boolean[] inRoute;
  final int[] route;
  int size;
  private final int[] saved;
  private final double[] forward;
  private final double[] backward;

  RouteSearch(double[][] cost, double[] prize, double budget, boolean[] eligible) {
    this.c = cost;
    this.prize = prize;
    this.n = prize.length;
    this.budget = budget;
    this.eligible = eligible.clone();
    this.inRoute = new boolean[n];
    this.route = new int[n + 1];
    this.saved = new int[n + 1];
    this.forward = new double[n + 2];
    this.backward = new double[n + 2];
  }

  /** Loads a route (start first, end last). */
  void load(int[] nodes, int length) {
    java.util.Arrays.fill(inRoute, false);
    System.arraycopy(nodes, 0, route, 0, length);
    size = length;
    for (int i = 0; i < size; i++) {
      inRoute[route[i]] = true;
    }
  }

  double length() {
    double length = 0;
    for (int i = 0; i + 1 < size; i++) {
      length += c[route[i]][route[i + 1]];
    }
    return length;
  }

  double score() {
    double score = 0;
    for (int v = 0; v < n; v++) {
      if (inRoute[v]) {
        score += prize[v];
      }
    }
    return score;
  }

  /** Runs every move to a local optimum. */
  void improve(RandomGenerator rng) {
    boolean changed = true;
    int rounds = 0;
    while (changed && rounds++ < 50) {
      shorten();
      changed = insertGreedy() > 0;
      changed |= dropAndRefill(rng);
    }
    shorten();
    insertGreedy();
  }

  /** 2-opt and relocation until neither shortens the route. */
  void shorten() {
    boolean improved = true;
    while (improved) {
      improved = twoOpt() || relocate();
    }
  }

  private boolean twoOpt() {
    if (size < 4) {
      return false;
    }
    forward[0] = 0;
    backward[0] = 0;
    for (int i = 0; i + 1 < size; i++) {
      forward[i + 1] = forward[i] + c[route[i]][route[i + 1]];
      backward[i + 1] = backward[i] + c[route[i + 1]][route[i]];
    }
    for (int i = 1; i < size - 2; i++) {
      int a = route[i - 1];
      int b = route[i];
      for (int j = i + 1; j < size - 1; j++) {
        int d = route[j];
        int e = route[j + 1];
        double before = c[a][b] + (forward[j] - forward[i]) + c[d][e];
        double after = c[a][d] + (backward[j] - backward[i]) + c[b][e];
        if (after < before - EPS) {
          for (int lo = i, hi = j; lo < hi; lo++, hi--) {
            int t = route[lo];
            route[lo] = route[hi];
            route[hi] = t;
          }
          return true;
        }
      }
    }
    return false;
  }

  private boolean relocate() {
    for (int i = 1; i < size - 1; i++) {
      int a = route[i - 1];
      int v = route[i];
      int b = route[i + 1];
      double saving = c[a][v] + c[v][b] - c[a][b];
      if (saving <= EPS) {
        continue;
      }
      for (int j = 0; j < size - 1; j++) {
        if (j == i - 1 || j == i) {
          continue;
        }
        int p = route[j];
        int q = route[j + 1];
        double add = c[p][v] + c[v][q] - c[p][q];
        if (add < saving - EPS) {
          removeAt(i);
          insertAt(j < i ? j + 1 : j, v);
          return true;
        }
      }
    }
    return false;
  }

  /** Inserts unvisited nodes, best prize per added cost first, while the budget allows. */
  int insertGreedy() {
    int added = 0;
    double length = length();
    while (true) {
      int bestNode = -1;
      int bestPos = -1;
      double bestRatio = -1;
      for (int v = 0; v < n; v++) {
        if (inRoute[v] || !eligible[v]) {
          continue;
        }
        double minAdd = Double.MAX_VALUE;
        int minPos = -1;
        for (int j = 0; j < size - 1; j++) {
          double add = c[route[j]][v] + c[v][route[j + 1]] - c[route[j]][route[j + 1]];
          if (add < minAdd) {
            minAdd = add;
            minPos = j;
          }
        }
        if (length + minAdd > budget) {
          continue;
        }
        double ratio = prize[v] / Math.max(minAdd, EPS);
        if (ratio > bestRatio) {
          bestRatio = ratio;
          bestNode = v;
          bestPos = minPos;
        }
      }
      if (bestNode < 0) {
        return added;
      }
      insertAt(bestPos + 1, bestNode);
      double exact = length();
      if (exact > budget) { // rounding put it over: undo and stop
        removeAt(bestPos + 1);
        return added;
      }
      length = exact;
      added++;
    }
  }

  /** Tries removing each node and refilling greedily; keeps the first change that helps. */
  private boolean dropAndRefill(RandomGenerator rng) {
    if (size <= 2) {
      return false;
    }
    double score = score();
    double length = length();
    int savedSize = size;
    System.arraycopy(route, 0, saved, 0, size);
    int inner = size - 2;
    int offset = rng.nextInt(inner);
    for (int k = 0; k < inner; k++) {
      int i = 1 + (offset + k) % inner;
      int v = route[i];
      removeAt(i);
      eligible[v] = false;
      shorten();
      insertGreedy();
      eligible[v] = true;
      double newScore = score();
      double newLength = length();
      if (newScore > score + EPS || (newScore > score - EPS && newLength < length - EPS)) {
        return true;
      }
      restore(savedSize);
    }
    return false;
  }

  private void restore(int savedSize) {
    for (int i = 0; i < size; i++) {
      inRoute[route[i]] = false;
    }
    System.arraycopy(saved, 0, route, 0, savedSize);
    size = savedSize;
    for (int i = 0; i < size; i++) {
      inRoute[route[i]] = true;
    }
  }

  private void removeAt(int i) {
    int v = route[i];
    System.arraycopy(route, i + 1, route, i, size - i - 1);
    size--;
    inRoute[v] = false; // only inner nodes are removed, and they appear once
  }

  private void insertAt(int i, int v) {
    System.arraycopy(route, i, route, i + 1, size - i);
    route[i] = v;
    size++;
    inRoute[v] = true;
  }
}
