package dev.autonomy.solve.aco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RouletteWheelTest {

  @Test
  void spin_picksInProportionToWeight_andNeverAZeroWeight() {
    double[] weights = {1.0, 0.0, 3.0, 0.0};
    SplittableRandom random = new SplittableRandom(42);
    int[] counts = new int[weights.length];
    int spins = 40_000;

    for (int i = 0; i < spins; i++) {
      counts[RouletteWheel.spin(weights, 4.0, random)]++;
    }

    assertThat(counts[1]).isZero();
    assertThat(counts[3]).isZero();
    assertThat(counts[2] / (double) spins).isCloseTo(0.75, within(0.02));
  }

  @Test
  void spin_givesTheLastPositiveWeight_whenRoundingOvershoots() {
    // A total larger than the weights' sum stands in for a sum rounded up.
    double[] weights = {1.0, 2.0, 0.0};

    assertThat(RouletteWheel.spin(weights, 1e9, new SplittableRandom(1))).isEqualTo(1);
  }

  @Test
  void spin_givesMinusOne_whenNoWeightIsPositive() {
    assertThat(RouletteWheel.spin(new double[] {0.0, 0.0}, 0.0, new SplittableRandom(1))).isEqualTo(-1);
  }
}
