package dev.autonomy.engine.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.desire.SyntheticPerson;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextFeaturesTest {
  private static final DailyTable TABLE = Cleaner.withDefaults().clean(SyntheticPerson.signals(60, 3)).table();

  @Test
  void forDay_doesNotReadTheDayItPredicts() {
    ContextFeatures features = new ContextFeatures(TABLE);
    for (int i = 1; i < 60; i++) {
      LocalDate d = SyntheticPerson.START.plusDays(i);
      FeatureVector before = features.forDay(d, Map.of());
      DailyTable changed = TABLE;
      for (SignalKind kind : List.of(SignalKind.STEPS, SignalKind.ACTIVE_MINUTES, SignalKind.SLEEP,
          SignalKind.PURCHASE, SignalKind.DISTANCE)) {
        changed = changed.with(kind, d, new DailyValue(12_345, DayStatus.OBSERVED, false));
      }
      changed = changed.with(SignalKind.STEPS, d.plusDays(1), new DailyValue(99, DayStatus.OBSERVED, false));
      assertThat(new ContextFeatures(changed).forDay(d, Map.of())).as("features of %s", d).isEqualTo(before);
    }
  }

  @Test
  void forDay_readsYesterday() {
    LocalDate d = SyntheticPerson.START.plusDays(30);
    DailyTable changed = TABLE.with(SignalKind.STEPS, d.minusDays(1), new DailyValue(12_345, DayStatus.OBSERVED, false))
        .with(SignalKind.SLEEP, d.minusDays(1), new DailyValue(300, DayStatus.OBSERVED, false));
    FeatureVector x = new ContextFeatures(changed).forDay(d, Map.of());
    assertThat(x.value(Feature.STEPS_YESTERDAY.code()).orElseThrow()).isEqualTo(12_345);
    assertThat(x.value(Feature.SLEEP_LAST_NIGHT.code()).orElseThrow()).isEqualTo(5.0);
    assertThat(x.value(Feature.SLEEP_VS_28D.code()).orElseThrow()).isLessThan(1.0);
  }

  @Test
  void forDay_encodesCalendarAndStatedContext() {
    LocalDate saturday = LocalDate.of(2024, 1, 13);
    FeatureVector x = new ContextFeatures(TABLE).forDay(saturday,
        Map.of("place", "outdoor", "weather", "rain", "free_minutes", "90", "budget", "30"));
    assertThat(x.value("weekend").orElseThrow()).isEqualTo(1.0);
    assertThat(x.value("place_outdoor").orElseThrow()).isEqualTo(1.0);
    assertThat(x.value("place_indoor").orElseThrow()).isEqualTo(0.0);
    assertThat(x.value("weather_rain").orElseThrow()).isEqualTo(1.0);
    assertThat(x.value("weather_sun").orElseThrow()).isEqualTo(0.0);
    assertThat(x.value("free_hours").orElseThrow()).isEqualTo(1.5);
    assertThat(x.value("budget_vs_daily_spend").orElseThrow()).isGreaterThan(0.0);
    assertThat(x.meaning("steps_7d_vs_28d")).contains("28-day");
    assertThat(x.names()).containsAll(Feature.dailyCodes());
    assertThatThrownBy(() -> new ContextFeatures(TABLE).forDay(saturday, Map.of("budget", "lots")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget");
  }

  @Test
  void at_addsTodaySoFarFromSignalsThatEndedBeforeTheMoment() {
    LocalDate day = SyntheticPerson.START.plusDays(40);
    var zone = SyntheticPerson.ZONE;
    List<Signal> intraday = List.of(
        new Signal(SignalKind.STEPS, day.atTime(8, 0).atZone(zone).toInstant(), day.atTime(9, 0).atZone(zone).toInstant(),
            zone, 1200, "count", "", "", new dev.autonomy.core.signal.Provenance("x", "test", "watch",
                dev.autonomy.core.signal.Modality.SENSED)),
        new Signal(SignalKind.STEPS, day.atTime(11, 0).atZone(zone).toInstant(), day.atTime(12, 0).atZone(zone).toInstant(),
            zone, 800, "count", "", "", new dev.autonomy.core.signal.Provenance("x", "test", "watch",
                dev.autonomy.core.signal.Modality.SENSED)));
    ContextFeatures features = new ContextFeatures(TABLE, Map.of(day.minusDays(1), 0.9), intraday);
    FeatureVector x = features.at(new Situation(day.atTime(10, 30).atZone(zone), Map.of()));
    assertThat(x.value("steps_today_so_far").orElseThrow()).isEqualTo(1200);
    assertThat(x.value("notes_health").orElseThrow()).isEqualTo(0.9);
    assertThat(x.value("hour_sin").orElseThrow()).isCloseTo(Math.sin(2 * Math.PI * 10.5 / 24), org.assertj.core.data.Offset.offset(1e-12));
  }
}
