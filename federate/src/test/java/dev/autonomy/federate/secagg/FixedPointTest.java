package dev.autonomy.federate.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixedPointTest {
  @Test
  void encode_clipsAndRoundsToTheQuantum() {
    FixedPoint encoding = new FixedPoint(2, 3.0);

    assertThat(encoding.encode(new double[] {0.3, -0.3, 10, -10, 1.125}))
        .containsExactly(1, -1, 12, -12, 5);
    assertThat(encoding.decode(new long[] {1, -1, 12, -12, 5}))
        .containsExactly(0.25, -0.25, 3.0, -3.0, 1.25);
  }

  @Test
  void maxSummands_isTheOverflowBoundOfTheSignedSum() {
    FixedPoint encoding = FixedPoint.DEFAULT;
    long largest = Math.round(Math.scalb(encoding.clip(), encoding.fractionBits()));

    assertThat(encoding.maxSummands()).isEqualTo((1L << 29) - 1);
    // n clipped inputs fit in a signed long; n + 1 of them wrap around.
    assertThat(Math.multiplyHigh(largest, encoding.maxSummands())).isZero();
    assertThat(largest * encoding.maxSummands()).isPositive();
    assertThat(largest * (encoding.maxSummands() + 1)).isNegative();
  }

  @Test
  void constructor_refusesSettingsThatCannotSumTwoInputs() {
    assertThatThrownBy(() -> new FixedPoint(40, 1e7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fixed point: clip * 2^fractionBits must be <= 2^62");
    assertThatThrownBy(() -> new FixedPoint(24, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed point: clip must be a finite number > 0, was NaN");
    assertThatThrownBy(() -> FixedPoint.DEFAULT.encode(new double[] {0, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed point: coordinate 1 must be a finite number, was NaN");
  }
}
