package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.text.data.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubsampleTest {
  /** 600 "a", 300 "b", 99 "c" and one "d": a rare label the sample must keep. */
  static List<Example> skewed() {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String label = i < 600 ? "a" : i < 900 ? "b" : i < 999 ? "c" : "d";
      out.add(new Example("text " + i, label));
    }
    return out;
  }

  static Map<String, Long> counts(List<Example> examples) {
    return examples.stream().collect(Collectors.groupingBy(Example::label, Collectors.counting()));
  }

  @Test
  void stratified_keepsEachLabelsShare_andEveryLabel() {
    List<Example> sample = Subsample.stratified(skewed(), 100, 7);
    assertThat(sample).hasSize(100);
    Map<String, Long> counts = counts(sample);
    assertThat(counts.get("a")).isBetween(59L, 61L);
    assertThat(counts.get("b")).isBetween(29L, 31L);
    assertThat(counts.get("c")).isBetween(9L, 11L);
    assertThat(counts.get("d")).isEqualTo(1L);
    assertThat(skewed()).containsAll(sample);
    assertThat(sample).doesNotHaveDuplicates();
  }

  @Test
  void stratified_sameSeedSameSample_otherSeedAnother_inTheOriginalOrder() {
    List<Example> one = Subsample.stratified(skewed(), 100, 7);
    assertThat(Subsample.stratified(skewed(), 100, 7)).isEqualTo(one);
    assertThat(Subsample.stratified(skewed(), 100, 8)).isNotEqualTo(one);
    List<Integer> positions = one.stream().map(e -> Integer.parseInt(e.text().substring(5))).toList();
    assertThat(positions).isSorted();
  }

  @Test
  void stratified_drawsAcrossTheWholeLabelNotItsFirstExamples() {
    List<Example> sample = Subsample.stratified(skewed(), 100, 7);
    Function<Example, Integer> position = e -> Integer.parseInt(e.text().substring(5));
    // "a" fills positions 0-599: a draw of 60 reaches well past its first 60.
    assertThat(sample.stream().filter(e -> e.label().equals("a")).map(position).max(Integer::compare).orElseThrow())
        .isGreaterThan(300);
  }

  @Test
  void stratified_smallData_isTakenWhole() {
    List<Example> small = skewed().subList(590, 610);
    assertThat(Subsample.stratified(small, 100, 7)).isEqualTo(small);
    assertThat(Subsample.stratified(skewed(), 1000, 7)).isEqualTo(skewed());
  }

  @Test
  void stratified_moreLabelsThanSeats_takesOneOfEach() {
    List<Example> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(new Example("t" + i, "label" + (i % 10)));
    }
    assertThat(counts(Subsample.stratified(many, 5, 1))).hasSize(10).allSatisfy((label, n) -> assertThat(n).isEqualTo(1L));
  }
}
