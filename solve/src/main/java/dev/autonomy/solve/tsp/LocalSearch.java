package dev.autonomy.solve.tsp;

import java.util.random.RandomGenerator;

/**
 * 2-opt and Or-opt (segments of 1 to 3 cities, either orientation) over nearest-neighbour lists,
 * with a queue of active cities in place of don't-look bits being cleared (a city leaves the queue
 * when no move around it improves; the end points of every applied move re-enter it). First
 * improvement. One instance per worker thread: it owns its scratch arrays.
 */
final class LocalSearch {
  private final CandidateGraph graph;
  private final int n;
  private final int width;
  private final int[] tour;
  private final int[] pos;
  private final int[] queue;
  private final boolean[] queued;
  private int head;
  private int size;

  LocalSearch(CandidateGraph graph, int width) {
    this.graph = graph;
    this.n = graph.n;
    this.width = Math.min(width, graph.k);
    this.tour = new int[n];
    this.pos = new int[n];
    this.queue = new int[n];
    this.queued = new boolean[n];
  }

  /** Improves {@code order} in place until it is 2-opt and Or-opt optimal on the candidate lists. */
  void improve(int[] order, RandomGenerator rng) {
    if (n < 8) {
      return;
    }
    System.arraycopy(order, 0, tour, 0, n);
    for (int i = 0; i < n; i++) {
      pos[tour[i]] = i;
    }
    // Random processing order, so that ants explore different local optima.
    head = 0;
    size = 0;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    for (int c : perm) {
      push(c);
    }
    while (size > 0) {
      int c = queue[head];
      head = head + 1 == n ? 0 : head + 1;
      size--;
      queued[c] = false;
      if (twoOpt(c, true) || twoOpt(c, false) || orOpt(c, true) || orOpt(c, false)) {
        push(c);
      }
    }
    System.arraycopy(tour, 0, order, 0, n);
  }

  private void push(int c) {
    if (!queued[c]) {
      queued[c] = true;
      int at = head + size;
      queue[at >= n ? at - n : at] = c;
      size++;
    }
  }

  private int succ(int c) {
    int p = pos[c] + 1;
    return tour[p == n ? 0 : p];
  }

  private int pred(int c) {
    int p = pos[c] - 1;
    return tour[p < 0 ? n - 1 : p];
  }

  private int next(int c, boolean forward) {
    return forward ? succ(c) : pred(c);
  }

  private boolean twoOpt(int c1, boolean forward) {
    int s1 = next(c1, forward);
    int d1 = graph.d(c1, s1);
    int base = c1 * graph.k;
    for (int r = 0; r < width; r++) {
      int h = graph.neighbours[base + r];
      int dch = graph.d(c1, h);
      if (dch >= d1) {
        break;
      }
      int sh = next(h, forward);
      int gain = d1 + graph.d(h, sh) - dch - graph.d(s1, sh);
      if (gain > 0) {
        exchange(c1, s1, h, sh);
        push(s1);
        push(h);
        push(sh);
        return true;
      }
    }
    return false;
  }

  /**
   * Moves a segment of 1..3 cities starting at {@code c1} (running in direction {@code forward})
   * between two adjacent cities elsewhere, in either orientation, if that shortens the tour.
   */
  private boolean orOpt(int c1, boolean forward) {
    int sEnd = c1;
    for (int len = 1; len <= 3 && len + 3 <= n; len++) {
      if (len > 1) {
        sEnd = next(sEnd, forward);
      }
      int p = next(c1, !forward);
      int nx = next(sEnd, forward);
      int removeGain = graph.d(p, c1) + graph.d(sEnd, nx) - graph.d(p, nx);
      if (removeGain <= 0) {
        continue;
      }
      if (tryInsert(c1, sEnd, len, p, nx, removeGain, c1, forward)
          || (len > 1 && tryInsert(c1, sEnd, len, p, nx, removeGain, sEnd, forward))) {
        return true;
      }
    }
    return false;
  }

  private boolean tryInsert(
      int sStart, int sEnd, int len, int p, int nx, int removeGain, int anchor, boolean forward) {
    int base = anchor * graph.k;
    for (int r = 0; r < width; r++) {
      int h = graph.neighbours[base + r];
      if (graph.d(anchor, h) >= removeGain) {
        return false;
      }
      if (inSegment(h, sStart, len, forward)) {
        continue;
      }
      // Edge (h, next h), then edge (prev h, h); anchor becomes adjacent to h either way.
      for (int side = 0; side < 2; side++) {
        int u = side == 0 ? h : next(h, !forward);
        int v = side == 0 ? next(h, forward) : h;
        if (v == p || inSegment(u, sStart, len, forward) || inSegment(v, sStart, len, forward)) {
          continue;
        }
        // Forward insertion puts sStart next to u; which one is chosen follows from the anchor.
        boolean forwardInsert = (anchor == sStart) == (side == 0);
        int add =
            forwardInsert
                ? graph.d(u, sStart) + graph.d(sEnd, v) - graph.d(u, v)
                : graph.d(u, sEnd) + graph.d(sStart, v) - graph.d(u, v);
        if (removeGain - add > 0) {
          exchange(p, sStart, u, v);
          if (u != nx) {
            exchange(p, u, nx, sEnd);
          }
          if (forwardInsert && len > 1) {
            exchange(u, sEnd, sStart, v);
          }
          push(p);
          push(nx);
          push(sStart);
          push(sEnd);
          push(u);
          push(v);
          return true;
        }
      }
    }
    return false;
  }

  private boolean inSegment(int c, int sStart, int len, boolean forward) {
    int s = sStart;
    for (int i = 0; i < len; i++) {
      if (s == c) {
        return true;
      }
      s = next(s, forward);
    }
    return false;
  }

  /**
   * Removes edges {a, a2} and {b, b2} and adds {a, b} and {a2, b2}, where a2 follows a and b2
   * follows b in the same direction.
   */
  private void exchange(int a, int a2, int b, int b2) {
    if (succ(a) == a2) {
      reverse(pos[a2], pos[b]);
    } else {
      reverse(pos[b], pos[a2]);
    }
  }

  /** Reverses positions i..j (inclusive, wrapping), or the complement when that is shorter. */
  private void reverse(int i, int j) {
    int len = j - i;
    if (len < 0) {
      len += n;
    }
    len++;
    if (2 * len > n) {
      int ni = j + 1 == n ? 0 : j + 1;
      int nj = i == 0 ? n - 1 : i - 1;
      i = ni;
      j = nj;
      len = n - len;
    }
    for (int s = len / 2; s > 0; s--) {
      int a = tour[i];
      int b = tour[j];
      tour[i] = b;
      pos[b] = i;
      tour[j] = a;
      pos[a] = j;
      i = i + 1 == n ? 0 : i + 1;
      j = j == 0 ? n - 1 : j - 1;
    }
  }
}
