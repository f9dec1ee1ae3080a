package dev.autonomy.text.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Seeded stratified splits over class indices: every class is shuffled on its own and dealt out in
 * proportion, so each part keeps the class balance. Same seed, same split.
 */
public final class Splits {
  private Splits() {}

  /** Indices of a train/dev/test split. */
  public record Split(int[] train, int[] dev, int[] test) {}

  /** A stratified split with the given dev and test fractions (the rest is train). */
  public static Split stratified(int[] y, double devFraction, double testFraction, RandomGenerator random) {
    if (!(devFraction >= 0 && testFraction >= 0 && devFraction + testFraction < 1)) {
      throw new IllegalArgumentException(
          "dev and test fractions must be >= 0 and sum below 1, were " + devFraction + " and " + testFraction);
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> dev = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> members : byClass(y).values()) {
      shuffle(members, random);
      int n = members.size();
      int nTest = (int) Math.round(n * testFraction);
      int nDev = (int) Math.round(n * devFraction);
      if (n >= 3) {
        nTest = testFraction > 0 ? Math.max(1, nTest) : 0;
        nDev = devFraction > 0 ? Math.max(1, nDev) : 0;
      }
      nTest = Math.min(nTest, n);
      nDev = Math.min(nDev, n - nTest);
      test.addAll(members.subList(0, nTest));
      dev.addAll(members.subList(nTest, nTest + nDev));
      train.addAll(members.subList(nTest + nDev, n));
    }
    return new Split(ints(train), ints(dev), ints(test));
  }

  /** Stratified k folds: fold f's indices are the held-out part of round f. */
  public static int[][] kFold(int[] y, int k, RandomGenerator random) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2, was " + k);
    }
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    int offset = 0;
    for (List<Integer> members : byClass(y).values()) {
      shuffle(members, random);
      for (int i = 0; i < members.size(); i++) {
        folds.get((offset + i) % k).add(members.get(i));
      }
      offset += members.size();
    }
    int[][] out = new int[k][];
    for (int f = 0; f < k; f++) {
      out[f] = ints(folds.get(f));
    }
    return out;
  }

  /** Every index not in {@code held}. */
  public static int[] complement(int n, int[] held) {
    boolean[] out = new boolean[n];
    for (int i : held) {
      out[i] = true;
    }
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!out[i]) {
        rest.add(i);
      }
    }
    return ints(rest);
  }

  private static Map<Integer, List<Integer>> byClass(int[] y) {
    Map<Integer, List<Integer>> by = new TreeMap<>();
    for (int i = 0; i < y.length; i++) {
      by.computeIfAbsent(y[i], c -> new ArrayList<>()).add(i);
    }
    return by;
  }

  private static void shuffle(List<Integer> list, RandomGenerator random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
