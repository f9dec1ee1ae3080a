package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
  private static double[] uniform(SplittableRandom random, int n) {
    return random.doubles(n).toArray();
  }

  @Test
  void run_isDeterministicForASeed() {
    SplittableRandom random = new SplittableRandom(3);
    List<double[]> series = List.of(uniform(random, 12), uniform(random, 12), uniform(random, 12));
    PairedBootstrap.Result a = PairedBootstrap.DEFAULT.run(series);
    PairedBootstrap.Result b = PairedBootstrap.DEFAULT.run(series);
    assertThat(a).isEqualTo(b);
    assertThat(PairedBootstrap.DEFAULT.withSeed(99).run(series)).isNotEqualTo(a);
  }

  @Property(tries = 200)
  void run_intervalsContainTheSampleMeanAndTheMeanDifference(
      @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 1) Double> values, @ForAll long seed) {
    double[] first = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] second = Arrays.stream(first).map(v -> 1 - v * v).toArray();
    PairedBootstrap.Result r = new PairedBootstrap(200, 0.95, seed).run(List.of(first, second));
    double mean1 = Arrays.stream(first).average().orElseThrow();
    double mean2 = Arrays.stream(second).average().orElseThrow();
    assertThat(widened(r.means().get(0)).contains(mean1)).as("%s contains %s", r.means().get(0), mean1).isTrue();
    assertThat(widened(r.means().get(1)).contains(mean2)).as("%s contains %s", r.means().get(1), mean2).isTrue();
    assertThat(widened(r.difference(1)).contains(mean1 - mean2)).as("%s", r.difference(1)).isTrue();
  }

  /** Rounding: a resampled mean may differ from the sample mean in the last bits. */
  private static PairedBootstrap.Interval widened(PairedBootstrap.Interval i) {
    return new PairedBootstrap.Interval(i.low() - 1e-12, i.high() + 1e-12);
  }

  @Test
  void run_coversTheTrueMeanAboutAsOftenAsItsLevel() {
    SplittableRandom random = new SplittableRandom(17);
    int covered = 0;
    int trials = 300;
    for (int t = 0; t < trials; t++) {
      double[] sample = uniform(random, 30);
      if (new PairedBootstrap(500, 0.95, random.nextLong()).run(List.of(sample)).means().get(0).contains(0.5)) {
        covered++;
      }
    }
    // A percentile bootstrap of 30 points covers a little less than 95%.
    assertThat(covered / (double) trials).isBetween(0.88, 0.99);
  }

  @Test
  void run_pairsTheDraws_soAConstantShiftHasAPointDifferenceWhateverTheSpread() {
    double[] model = uniform(new SplittableRandom(5), 14);
    double[] baseline = Arrays.stream(model).map(v -> v + 0.1).toArray();
    PairedBootstrap.Result r = PairedBootstrap.DEFAULT.run(List.of(model, baseline));
    assertThat(r.means().get(0).high() - r.means().get(0).low()).isGreaterThan(0.1);
    assertThat(r.difference(1).low()).isCloseTo(-0.1, within(1e-12));
    assertThat(r.difference(1).high()).isCloseTo(-0.1, within(1e-12));
  }

  @Test
  void run_rejectsSeriesOfDifferentLengthsOrNoUnits() {
    assertThatThrownBy(() -> PairedBootstrap.DEFAULT.run(List.of(new double[3], new double[4])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series 0 has 3, series 1 has 4");
    assertThatThrownBy(() -> PairedBootstrap.DEFAULT.run(List.of(new double[0])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one unit");
    assertThatThrownBy(() -> new PairedBootstrap(10, 0.95, 1)).hasMessageContaining("resamples must be >= 100, was 10");
    assertThatThrownBy(() -> new PairedBootstrap(1000, 1.0, 1)).hasMessageContaining("level must be in (0, 1), was 1.0");
  }

  @Test
  void quantile_interpolatesBetweenOrderStatistics() {
    double[] sorted = {0, 1, 2, 3, 4};
    assertThat(PairedBootstrap.quantile(sorted, 0)).isEqualTo(0);
    assertThat(PairedBootstrap.quantile(sorted, 0.5)).isEqualTo(2);
    assertThat(PairedBootstrap.quantile(sorted, 0.125)).isEqualTo(0.5);
    assertThat(PairedBootstrap.quantile(sorted, 1)).isEqualTo(4);
  }
}
