package dev.autonomy.solve.tsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LocalSearchTest {

  @Property(tries = 60)
  void improve_keepsAPermutationAndNeverLengthens(
      @ForAll @IntRange(min = 8, max = 300) int n, @ForAll long seed) {
    TspInstance instance = AntColonyTspTest.random(n, seed);
    CandidateGraph graph = new CandidateGraph(instance, 12);
    int[] tour = new int[n];
    for (int i = 0; i < n; i++) {
      tour[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = tour[i];
      tour[i] = tour[j];
      tour[j] = t;
    }
    long before = instance.tourLength(tour);

    new LocalSearch(graph, 12).improve(tour, random);

    long after = instance.verifiedLength(tour);
    assertThat(after).isLessThanOrEqualTo(before);
    if (n >= 30) {
      assertThat(after).isLessThan(before); // a random tour of 30+ cities always has an improving move
    }
  }
}
