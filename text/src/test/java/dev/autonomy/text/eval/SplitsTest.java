package dev.autonomy.text.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SplitsTest {
  @Property(tries = 50)
  void stratified_isAPartitionAndSeeded(@ForAll @IntRange(min = 3, max = 300) int n, @ForAll long seed) {
    int[] y = IntStream.range(0, n).map(i -> i % 3).toArray();
    Splits.Split a = Splits.stratified(y, 0.1, 0.2, new SplittableRandom(seed));
    Splits.Split b = Splits.stratified(y, 0.1, 0.2, new SplittableRandom(seed));
    assertThat(a.train()).isEqualTo(b.train());
    int[] all = IntStream.concat(IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.dev())), Arrays.stream(a.test())).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, n).toArray());
  }

  @Test
  void stratified_keepsClassShares() {
    int[] y = IntStream.range(0, 1000).map(i -> i < 900 ? 0 : 1).toArray();
    Splits.Split s = Splits.stratified(y, 0.1, 0.1, new SplittableRandom(1));
    assertThat(Arrays.stream(s.test()).filter(i -> y[i] == 1).count()).isEqualTo(10);
    assertThat(Arrays.stream(s.dev()).filter(i -> y[i] == 1).count()).isEqualTo(10);
    assertThat(s.train()).hasSize(800);
  }

  @Test
  void kFold_coversEveryIndexOnce() {
    int[] y = IntStream.range(0, 103).map(i -> i % 4).toArray();
    int[][] folds = Splits.kFold(y, 5, new SplittableRandom(3));
    assertThat(Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray()).isEqualTo(IntStream.range(0, 103).toArray());
    for (int[] f : folds) {
      assertThat(f.length).isBetween(20, 21);
      assertThat(Splits.complement(103, f)).hasSize(103 - f.length);
    }
  }
}
