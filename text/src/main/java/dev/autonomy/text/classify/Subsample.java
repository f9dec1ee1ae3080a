package dev.autonomy.text.classify;

import dev.autonomy.core.Requires;
import dev.autonomy.text.data.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, stratified subsample of labelled examples: each label keeps about its share of the
 * sample, and every label keeps at least one example, so a small sample still sees every class.
 */
final class Subsample {
  private Subsample() {}

  /**
   * Up to {@code size} of {@code examples}, in their original order. With no more than {@code size}
   * examples all of them are returned. Otherwise each label gets {@code size * n_label / n} examples
   * rounded down, at least one (so with more labels than {@code size} the sample has one per label
   * and exceeds {@code size}), and the seats left over go to the labels with the largest remainders
   * (the earlier label on a tie); which examples of a label are taken is drawn with {@code seed}.
   * The same examples, size and seed give the same sample.
   */
  static List<Example> stratified(List<Example> examples, int size, long seed) {
    Requires.positive(size, "subsample size");
    if (examples.size() <= size) {
      return List.copyOf(examples);
    }
    Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byLabel.computeIfAbsent(examples.get(i).label(), l -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = new ArrayList<>(byLabel.values());
    int[] quota = new int[groups.size()];
    double[] remainder = new double[groups.size()];
    int seated = 0;
    for (int g = 0; g < groups.size(); g++) {
      double share = (double) size * groups.get(g).size() / examples.size();
      quota[g] = Math.max(1, (int) Math.floor(share));
      remainder[g] = share - Math.floor(share);
      seated += quota[g];
    }
    while (seated < size) {
      int best = -1;
      for (int g = 0; g < groups.size(); g++) {
        if (quota[g] < groups.get(g).size() && (best < 0 || remainder[g] > remainder[best])) {
          best = g;
        }
      }
      quota[best]++;
      remainder[best] = -1; // one extra seat per label before any label gets a second
      seated++;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] picked = new int[seated];
    int n = 0;
    for (int g = 0; g < groups.size(); g++) {
      int[] members = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
      // A partial Fisher-Yates shuffle: the first quota[g] places end up a uniform draw.
      for (int i = 0; i < quota[g]; i++) {
        int j = i + random.nextInt(members.length - i);
        int t = members[i];
        members[i] = members[j];
        members[j] = t;
        picked[n++] = members[i];
      }
    }
    Arrays.sort(picked);
    List<Example> out = new ArrayList<>(picked.length);
    for (int i : picked) {
      out.add(examples.get(i));
    }
    return out;
  }
}
