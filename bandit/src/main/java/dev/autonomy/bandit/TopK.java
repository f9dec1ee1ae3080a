package dev.autonomy.bandit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Greedy selection by score: highest first, a tie going to the lower index so rankings repeat. */
final class TopK {
  private TopK() {}

  /** How many items a list of {@code k} over {@code n} candidates shows; {@code k} must be >= 1. */
  static int shown(int k, int n) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, was " + k);
    }
    return Math.min(k, n);
  }

  /** The indices of the {@code k} highest scores ({@code k <= scores.length}), highest first. */
  static int[] of(double[] scores, int k) {
    int n = scores.length;
    if (k * 8 > n) {
      Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
      int[] top = new int[k];
      for (int i = 0; i < k; i++) {
        top[i] = order[i];
      }
      return top;
    }
    int[] top = new int[k];
    boolean[] taken = new boolean[n];
    for (int slot = 0; slot < k; slot++) {
      int best = best(scores, taken);
      top[slot] = best;
      taken[best] = true;
    }
    return top;
  }

  /** The index of the highest score not yet taken ({@code -1} when all are). */
  static int best(double[] scores, boolean[] taken) {
    int best = -1;
    for (int i = 0; i < scores.length; i++) {
      if (!taken[i] && (best < 0 || scores[i] > scores[best])) {
        best = i;
      }
    }
    return best;
  }

  /** The one-hot distribution on the highest score: a deterministic policy's first slot. */
  static double[] oneHotOnBest(double[] scores) {
    double[] p = new double[scores.length];
    p[best(scores, new boolean[scores.length])] = 1;
    return p;
  }
}
