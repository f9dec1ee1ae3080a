package dev.autonomy.solve.aco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParallelAntsTest {

  /** Each ant records its first draw; the draws must not depend on how many threads ran them. */
  private static long[] draws(int threads) {
    long[] drawn = new long[7];
    try (ParallelAnts<Object> ants = new ParallelAnts<>(threads, 7, 100, Object::new, "test-ant")) {
      ants.run(new SplittableRandom(3), (worker, ant, random) -> drawn[ant] = random.nextLong());
    }
    return drawn;
  }

  @Test
  void run_givesEachAntTheSameGenerator_whateverTheThreads() {
    assertThat(draws(3)).containsExactly(draws(1));
  }

  @Test
  void run_reportsAFailedAnt() {
    try (ParallelAnts<Object> ants = new ParallelAnts<>(2, 4, 100, Object::new, "test-ant")) {
      assertThatThrownBy(() -> ants.run(new SplittableRandom(1), (worker, ant, random) -> {
            if (ant == 1) {
              throw new IllegalArgumentException("boom");
            }
          }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("an ant failed")
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }
  }
}
