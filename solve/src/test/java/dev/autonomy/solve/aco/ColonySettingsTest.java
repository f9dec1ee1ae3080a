package dev.autonomy.solve.aco;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColonySettingsTest {

  @Test
  void with_rejectsABadValue_namingTheSetting() {
    ColonySettings defaults = ColonySettings.of(10, 1.0, 1.0, 0.1);

    assertThatThrownBy(() -> defaults.withRho(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rho must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> defaults.withAlpha(Double.NaN))
        .hasMessage("alpha must be a finite number >= 0, was NaN");
    assertThatThrownBy(() -> defaults.withAnts(0)).hasMessage("ants must be >= 1, was 0");
  }
}
