package dev.autonomy.solve.tsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.solve.SharedData;
import dev.autonomy.solve.SolverLimits;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AntColonyTspTest {

  private static TspInstance shared(String name) {
    return TsplibReader.read(SharedData.require("tsplib/tsp/" + name + ".tsp"));
  }

  /** Seeded and statistical: a short run lands within a few per cent of the optimum. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"berlin52, 7542", "eil51, 426"})
  void shortRun_isWithinTwoPercentOfOptimum(String name, long optimum) {
    TspInstance instance = shared(name);
    for (long seed = 1; seed <= 3; seed++) {
      TspTour tour = AntColonyTsp.solve(instance, SolverLimits.ofTime(Duration.ofMillis(500)), seed);

      assertThat(instance.verifiedLength(tour.order())).isEqualTo(tour.length());
      assertThat((double) tour.length()).isLessThanOrEqualTo(optimum * 1.02);
    }
  }

  @Test
  void sameSeed_sameTour_whateverTheThreads() {
    TspInstance instance = shared("eil51");
    SolverLimits limits = new SolverLimits(Duration.ofMinutes(1), 30);

    TspResult one = AntColonyTsp.builder().threads(1).build().run(instance, limits, 7);
    TspResult again = AntColonyTsp.builder().threads(1).build().run(instance, limits, 7);
    TspResult twoThreads = AntColonyTsp.builder().threads(2).build().run(instance, limits, 7);

    assertThat(again.tour()).isEqualTo(one.tour());
    assertThat(twoThreads.tour()).isEqualTo(one.tour());
    assertThat(twoThreads.iterations()).isEqualTo(one.iterations());
  }

  @Test
  void stagnationLimit_stopsTheRun() {
    TspInstance instance = shared("berlin52");
    TspResult result =
        AntColonyTsp.builder().build().run(instance, new SolverLimits(Duration.ofMinutes(1), 5), 3);
    assertThat(result.elapsed()).isLessThan(Duration.ofMinutes(1));
    assertThat(result.iterations()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void targetLength_stopsAsSoonAsReached() {
    TspInstance instance = shared("berlin52");
    TspResult result = AntColonyTsp.builder().targetLength(8000).build()
        .run(instance, SolverLimits.ofTime(Duration.ofMinutes(1)), 3);
    assertThat(result.tour().length()).isLessThanOrEqualTo(8000);
    assertThat(result.elapsed()).isLessThan(Duration.ofMinutes(1));
  }

  /** Invariant: every reported tour is a permutation whose recomputed length equals the reported one. */
  @Property(tries = 40)
  void tours_arePermutationsWithTheReportedLength(
      @ForAll @IntRange(min = 1, max = 120) int n, @ForAll long seed) {
    TspInstance instance = random(n, seed);
    TspTour tour = AntColonyTsp.solve(instance, new SolverLimits(Duration.ofMillis(200), 3), seed);

    assertThat(instance.verifiedLength(tour.order())).isEqualTo(tour.length());
  }

  /** Tiny instances are solved exactly; the colony must match the exact answer for 10 cities. */
  @Property(tries = 20)
  void tenCities_matchExhaustiveSearch(@ForAll long seed) {
    TspInstance ten = random(10, seed);
    TspInstance nine = subInstance(ten, 9);
    long exactNine = SmallTsp.exact(nine).length();

    assertThat(AntColonyTsp.solve(nine, new SolverLimits(Duration.ofSeconds(1), 20), seed).length())
        .isEqualTo(exactNine);
    long colony = AntColonyTsp.solve(ten, new SolverLimits(Duration.ofSeconds(1), 50), seed).length();
    assertThat(colony).isEqualTo(bruteForce(ten));
  }

  static TspInstance random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextInt(1000);
      y[i] = random.nextInt(1000);
    }
    return TspInstance.ofCoordinates("random" + n, EdgeWeightType.EUC_2D, x, y);
  }

  private static TspInstance subInstance(TspInstance instance, int n) {
    int[] m = new int[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i * n + j] = instance.distance(i, j);
      }
    }
    return TspInstance.ofMatrix("sub", n, m);
  }

  private static long bruteForce(TspInstance instance) {
    int n = instance.dimension();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return permute(instance, order, 1, Long.MAX_VALUE);
  }

  private static long permute(TspInstance instance, int[] order, int from, long best) {
    if (from == order.length) {
      return Math.min(best, instance.tourLength(order));
    }
    for (int i = from; i < order.length; i++) {
      int t = order[from];
      order[from] = order[i];
      order[i] = t;
      best = permute(instance, order, from + 1, best);
      order[i] = order[from];
      order[from] = t;
    }
    return best;
  }
}
