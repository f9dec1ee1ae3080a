package dev.autonomy.core.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignalBoundsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Provenance P = new Provenance("x.csv", "test", "Watch", Modality.SENSED);

  private static Signal steps(Instant start, Instant end, double value) {
    return new Signal(SignalKind.STEPS, start, end, ZoneOffset.UTC, value, "count", "", "", P);
  }

  @Test
  void withinBoundsIsFine_andEachBoundNamesItsField() {
    Instant t = Instant.parse("2026-11-29T10:00:00Z");
    assertThat(SignalBounds.problem(steps(t, t.plusSeconds(60), 100), NOW)).isEmpty();
    // a few hours ahead (a clock or zone a little off) is still fine; two days is not
    assertThat(SignalBounds.problem(steps(NOW.plusSeconds(6 * 3600), NOW.plusSeconds(6 * 3600), 1), NOW)).isEmpty();
    assertThat(SignalBounds.problem(steps(NOW.plusSeconds(2 * 86_400), NOW.plusSeconds(2 * 86_400), 1), NOW))
        .hasValueSatisfying(m -> assertThat(m).startsWith("field 'start'"));
    assertThat(SignalBounds.problem(steps(Instant.parse("1989-12-31T23:00:00Z"), t, 1), NOW))
        .hasValueSatisfying(m -> assertThat(m).startsWith("field 'start'").contains("before 1990-01-01"));
    assertThat(SignalBounds.problem(steps(Instant.parse("2026-01-01T00:00:00Z"), t, 1), NOW))
        .hasValueSatisfying(m -> assertThat(m).startsWith("field 'end'").contains("more than 62 days"));
    assertThat(SignalBounds.problem(steps(t, t, 1e308), NOW)).hasValueSatisfying(m -> assertThat(m).startsWith("field 'value'"));
  }
}
