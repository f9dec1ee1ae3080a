package dev.autonomy.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SolverLimitsTest {
  @Test
  void limits_rejectNonPositiveTimeAndStagnation() {
    assertThatThrownBy(() -> new SolverLimits(Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTime must be > 0");
    assertThatThrownBy(() -> new SolverLimits(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStagnantIterations must be >= 1, was 0");
    assertThatThrownBy(() -> new SolverLimits(null, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofTime_neverStopsOnStagnation() {
    assertThat(SolverLimits.ofTime(Duration.ofSeconds(2)).maxStagnantIterations()).isEqualTo(Integer.MAX_VALUE);
  }
}
