package dev.autonomy.engine.situation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SituationHistoryTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final Provenance WATCH = new Provenance("export.zip", "apple-health", "Watch", Modality.SENSED);

  private static DailyTable table(Map<SignalKind, Map<LocalDate, Double>> values) {
    Map<SignalKind, Map<LocalDate, DailyValue>> byKind = new EnumMap<>(SignalKind.class);
    values.forEach((kind, days) -> {
      Map<LocalDate, DailyValue> series = new TreeMap<>();
      days.forEach((d, v) -> series.put(d, new DailyValue(v, DayStatus.OBSERVED, false)));
      byKind.put(kind, series);
    });
    return new DailyTable(byKind);
  }

  private static Signal workout(LocalDate day, String activity, String place) {
    var start = day.atTime(18, 0).toInstant(ZoneOffset.UTC);
    return new Signal(SignalKind.WORKOUT, start, start.plusSeconds(2400), ZoneOffset.UTC, 40, "min", activity, place, WATCH);
  }

  @Test
  void weatherComesFromTheConditionElseFromPrecipitationAndTemperature() {
    int rain = SignalKind.WEATHER_CONDITIONS.indexOf("rain");
    int fog = SignalKind.WEATHER_CONDITIONS.indexOf("fog");
    SituationHistory h = SituationHistory.of(table(Map.of(
        SignalKind.WEATHER, Map.of(DAY, (double) rain, DAY.plusDays(1), (double) fog),
        SignalKind.PRECIPITATION, Map.of(DAY.plusDays(2), 4.0, DAY.plusDays(3), 0.2, DAY.plusDays(4), 6.0),
        SignalKind.TEMPERATURE, Map.of(DAY.plusDays(4), -3.0, DAY.plusDays(5), 27.0))), List.of());
    assertThat(h.records("weather")).isTrue();
    assertThat(h.had("weather", "rain", DAY)).contains(true);
    assertThat(h.had("weather", "cloud", DAY.plusDays(1))).contains(true);
    assertThat(h.had("weather", "rain", DAY.plusDays(2))).contains(true);
    assertThat(h.had("weather", "rain", DAY.plusDays(3))).contains(false);
    // without a condition, dry says nothing about sun or cloud
    assertThat(h.had("weather", "sun", DAY.plusDays(3))).isEmpty();
    assertThat(h.had("weather", "snow", DAY.plusDays(4))).contains(true);
    assertThat(h.had("weather", "rain", DAY.plusDays(4))).contains(false);
    assertThat(h.had("weather", "hot", DAY.plusDays(5))).contains(true);
    assertThat(h.had("weather", "rain", DAY.plusDays(9))).isEmpty();
  }

  @Test
  void placeComesFromWhatTheSourceRecordedElseFromTheActivity_andOutdoorsWinsADay() {
    SituationHistory h = SituationHistory.of(table(Map.of()), List.of(
        workout(DAY, "running", "outdoor"),
        workout(DAY.plusDays(1), "running", "indoor"),
        workout(DAY.plusDays(2), "yoga", ""),
        workout(DAY.plusDays(3), "running", ""),
        workout(DAY.plusDays(4), "traditional_strength_training", ""),
        workout(DAY.plusDays(4), "hiking", "")));
    assertThat(h.records("place")).isTrue();
    assertThat(h.had("place", "outdoor", DAY)).contains(true);
    assertThat(h.had("place", "indoor", DAY.plusDays(1))).contains(true);
    assertThat(h.had("place", "indoor", DAY.plusDays(2))).contains(true);
    assertThat(h.had("place", "outdoor", DAY.plusDays(3))).isEmpty();
    assertThat(h.had("place", "outdoor", DAY.plusDays(4))).contains(true);
  }

  @Test
  void statedWordsMapToTheHistorysWords() {
    assertThat(SituationHistory.canonical("weather", "Rainy")).contains("rain");
    assertThat(SituationHistory.canonical("weather", "clear")).contains("sun");
    assertThat(SituationHistory.canonical("weather", "overcast")).contains("cloud");
    assertThat(SituationHistory.canonical("weather", "windy")).isEqualTo(Optional.empty());
    assertThat(SituationHistory.canonical("place", "outdoors")).contains("outdoor");
    assertThat(SituationHistory.canonical("place", "any")).isEmpty();
  }
}
