package dev.autonomy.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.desire.SyntheticPerson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanerTest {
  private static final LocalDate START = SyntheticPerson.START;
  private static final Provenance WATCH = new Provenance("other-export.csv", "test", "watch", Modality.SENSED);
  private static final Provenance PHONE = new Provenance("phone.csv", "test", "phone", Modality.SENSED);

  private static boolean onDay(Signal s, int day, SignalKind... kinds) {
    return List.of(kinds).contains(s.kind()) && Cleaner.dateOf(s).equals(START.plusDays(day));
  }

  /** 60 days with planted problems; returns the signals. */
  private static List<Signal> planted() {
    List<Signal> signals = new ArrayList<>(SyntheticPerson.signals(60, 7));
    Signal steps5 = signals.stream().filter(s -> onDay(s, 5, SignalKind.STEPS)).findFirst().orElseThrow();
    // exact duplicate, arriving in another file
    signals.add(new Signal(steps5.kind(), steps5.start(), steps5.end(), steps5.zone(), steps5.value(),
        steps5.unit(), "", "", WATCH));
    // the phone counting the same day's walking, less than the watch
    Signal steps10 = signals.stream().filter(s -> onDay(s, 10, SignalKind.STEPS)).findFirst().orElseThrow();
    signals.add(new Signal(SignalKind.STEPS, steps10.start().plusSeconds(3600 * 8), steps10.start().plusSeconds(3600 * 9),
        steps10.zone(), 500, "count", "", "", PHONE));
    // impossible values
    signals.add(SyntheticPerson.daily(SignalKind.STEPS, START.plusDays(12), -500, WATCH));
    Instant noon = START.plusDays(3).atTime(12, 0).atZone(SyntheticPerson.ZONE).toInstant();
    signals.add(new Signal(SignalKind.HEART_RATE, noon, noon, SyntheticPerson.ZONE, 400, "count/min", "", "", WATCH));
    signals.add(new Signal(SignalKind.HEART_RATE, noon, noon.plusSeconds(60), SyntheticPerson.ZONE, 72, "count/min", "", "", WATCH));
    signals.add(new Signal(SignalKind.BODY_MASS, noon, noon, SyntheticPerson.ZONE, 1000, "kg", "", "", WATCH));
    signals.add(new Signal(SignalKind.SLEEP, noon, noon.plusSeconds(25 * 3600), SyntheticPerson.ZONE, 1400, "min",
        "asleep", "", WATCH));
    // an outlier day: ten times the usual steps
    signals.removeIf(s -> onDay(s, 30, SignalKind.STEPS));
    signals.add(SyntheticPerson.daily(SignalKind.STEPS, START.plusDays(30), 60_000, WATCH));
    // a 3-day gap, and a day the watch was not worn
    signals.removeIf(s -> onDay(s, 40, SignalKind.STEPS, SignalKind.ACTIVE_MINUTES)
        || onDay(s, 41, SignalKind.STEPS, SignalKind.ACTIVE_MINUTES)
        || onDay(s, 42, SignalKind.STEPS, SignalKind.ACTIVE_MINUTES));
    signals.removeIf(s -> onDay(s, 50, SignalKind.STEPS));
    signals.add(SyntheticPerson.daily(SignalKind.STEPS, START.plusDays(50), 0, WATCH));
    return signals;
  }

  @Test
  void clean_findsPlantedDuplicatesImpossibleValuesOutliersAndGaps() {
    CleanResult result = Cleaner.withDefaults().clean(planted());
    KindQuality steps = result.report().kind("steps").orElseThrow();
    assertThat(steps.duplicatesRemoved()).isEqualTo(2);
    assertThat(steps.impossibleRemoved()).isEqualTo(1);
    assertThat(steps.nonWearDays()).isEqualTo(1);
    assertThat(steps.gaps()).isEqualTo(2);
    assertThat(steps.longestGapDays()).isEqualTo(3);
    assertThat(steps.outliersFlagged()).isEqualTo(1);
    assertThat(steps.daysImputed()).isEqualTo(4);
    assertThat(steps.daysCovered()).isEqualTo(56);
    assertThat(steps.coveragePercent()).isEqualTo(Math.round(1000.0 * 56 / 60) / 10.0);
    assertThat(result.report().kind("heart_rate").orElseThrow().impossibleRemoved()).isEqualTo(1);
    assertThat(result.report().kind("body_mass").orElseThrow().impossibleRemoved()).isEqualTo(1);
    assertThat(result.report().kind("sleep").orElseThrow().impossibleRemoved()).isEqualTo(1);

    DailyTable table = result.table();
    Signal watch10 = SyntheticPerson.signals(60, 7).stream().filter(s -> onDay(s, 10, SignalKind.STEPS))
        .findFirst().orElseThrow();
    assertThat(table.get(SignalKind.STEPS, START.plusDays(10)).value())
        .as("the phone's overlapping steps are not added to the watch's").isEqualTo(watch10.value());
    assertThat(table.get(SignalKind.STEPS, START.plusDays(30)).outlier()).isTrue();
    assertThat(table.get(SignalKind.STEPS, START.plusDays(30)).value()).isEqualTo(60_000);
    assertThat(result.kept()).noneMatch(s -> s.value() < 0 && s.kind() == SignalKind.STEPS);
  }

  @Test
  void clean_keepsOneGranularityPerDevice() {
    List<Signal> signals = new ArrayList<>();
    LocalDate day = START.plusDays(3);
    var zone = SyntheticPerson.ZONE;
    Instant midnight = day.atStartOfDay(zone).toInstant();
    signals.add(new Signal(SignalKind.STEPS, midnight, day.plusDays(1).atStartOfDay(zone).toInstant(), zone, 9000,
        "count", "daily", "", WATCH));
    for (int h = 0; h < 24; h++) {
      signals.add(new Signal(SignalKind.STEPS, midnight.plusSeconds(3600L * h), midnight.plusSeconds(3600L * (h + 1)),
          zone, 370, "count", "hourly", "", WATCH));
    }
    CleanResult result = Cleaner.withDefaults().clean(signals);
    assertThat(result.table().get(SignalKind.STEPS, day).value()).isEqualTo(9000);
    assertThat(result.report().kind("steps").orElseThrow().duplicatesRemoved()).isEqualTo(24);
  }

  @Test
  void clean_marksImputedDaysAndNeverMixesThemWithObserved() {
    DailyTable table = Cleaner.withDefaults().clean(planted()).table();
    for (int day : new int[] {40, 41, 42, 50}) {
      LocalDate d = START.plusDays(day);
      DailyValue v = table.get(SignalKind.STEPS, d);
      assertThat(v.status()).as("day %s", d).isEqualTo(DayStatus.IMPUTED);
      assertThat(table.observed(SignalKind.STEPS, d)).isEmpty();
      List<Double> sameWeekday = new ArrayList<>();
      for (int w = 1; w <= 4; w++) {
        table.observed(SignalKind.STEPS, d.minusWeeks(w)).ifPresent(sameWeekday::add);
      }
      sameWeekday.sort(Double::compare);
      int n = sameWeekday.size();
      double median = n % 2 == 1 ? sameWeekday.get(n / 2) : (sameWeekday.get(n / 2 - 1) + sameWeekday.get(n / 2)) / 2;
      assertThat(v.value()).isEqualTo(median);
    }
    assertThat(table.get(SignalKind.STEPS, START.plusDays(41)).status()).isEqualTo(DayStatus.IMPUTED);
    assertThat(table.get(SignalKind.STEPS, START.plusDays(39)).status()).isEqualTo(DayStatus.OBSERVED);
    assertThat(table.series(SignalKind.PURCHASE).values())
        .as("a day without purchases is an observed zero, not a gap")
        .allMatch(v -> v.status() == DayStatus.OBSERVED)
        .anyMatch(v -> v.value() == 0.0);
  }

  @Test
  void clean_cleanSeriesHasNothingToReport() {
    CleanResult result = Cleaner.withDefaults().clean(SyntheticPerson.signals(60, 7));
    KindQuality steps = result.report().kind("steps").orElseThrow();
    assertThat(steps.duplicatesRemoved() + steps.impossibleRemoved() + steps.gaps() + steps.daysImputed()).isZero();
    assertThat(steps.coveragePercent()).isEqualTo(100.0);
    DailyTable upTo = result.table().until(START.plusDays(9));
    assertThat(upTo.lastDate()).contains(START.plusDays(9));
    assertThat(upTo.get(SignalKind.STEPS, START.plusDays(9))).isEqualTo(result.table().get(SignalKind.STEPS, START.plusDays(9)));
  }

  @Test
  void report_rendersAsTableAndJson() throws Exception {
    QualityReport report = Cleaner.withDefaults().clean(planted()).report();
    String text = report.toText();
    assertThat(text).contains("kind", "coverage", "steps", "heart_rate", "imputed 4 missing days");
    String json = new ObjectMapper().writeValueAsString(report.toMap());
    Map<?, ?> parsed = new ObjectMapper().readValue(json, Map.class);
    List<?> kinds = (List<?>) parsed.get("kinds");
    Map<?, ?> steps = kinds.stream().map(k -> (Map<?, ?>) k).filter(k -> k.get("kind").equals("steps")).findFirst()
        .orElseThrow();
    assertThat(steps.get("duplicates_removed")).isEqualTo(2);
    assertThat(steps.get("first_date")).isEqualTo(START.toString());
    String direct = new ObjectMapper().writeValueAsString(report);
    assertThat(direct).contains("\"days_covered\"", "\"first_date\":\"" + START + "\"");
  }

  private static Signal weather(SignalKind kind, LocalDate day, int hour, double value, String category, Provenance p) {
    Instant at = day.atTime(hour, 0).atZone(SyntheticPerson.ZONE).toInstant();
    Instant from = kind == SignalKind.PRECIPITATION ? at.minusSeconds(3600) : at;
    return new Signal(kind, from, at, SyntheticPerson.ZONE, value, kind.canonicalUnit(), category, "", p);
  }

  private static int code(String condition) {
    return SignalKind.WEATHER_CONDITIONS.indexOf(condition);
  }

  @Test
  void clean_rollsUpWeather_meanTemperatureOneSumOfPrecipitationMostFrequentCondition() {
    Provenance station = new Provenance("weather.csv", "weather", "meteostat", Modality.SENSED);
    LocalDate d1 = START;
    LocalDate d2 = START.plusDays(1);
    List<Signal> signals = List.of(
        weather(SignalKind.TEMPERATURE, d1, 9, 10, "hourly", station),
        weather(SignalKind.TEMPERATURE, d1, 15, 20, "hourly", station),
        weather(SignalKind.TEMPERATURE, d1, 16, 70, "hourly", station),
        weather(SignalKind.PRECIPITATION, d1, 9, 1.0, "hourly", station),
        weather(SignalKind.PRECIPITATION, d1, 10, 2.0, "hourly", station),
        new Signal(SignalKind.PRECIPITATION, d1.atStartOfDay(SyntheticPerson.ZONE).toInstant(),
            d2.atStartOfDay(SyntheticPerson.ZONE).toInstant(), SyntheticPerson.ZONE, 3.5, "mm", "daily", "", station),
        weather(SignalKind.WEATHER, d1, 9, code("rain"), "rain", station),
        weather(SignalKind.WEATHER, d1, 10, code("rain"), "rain", station),
        weather(SignalKind.WEATHER, d1, 11, code("cloud"), "cloud", station),
        weather(SignalKind.WEATHER, d2, 9, code("sun"), "sun", station),
        weather(SignalKind.WEATHER, d2, 10, code("storm"), "storm", station),
        weather(SignalKind.TEMPERATURE, START.plusDays(2), 12, 5, "hourly", station));
    CleanResult result = Cleaner.withDefaults().clean(signals);
    DailyTable table = result.table();
    assertThat(table.get(SignalKind.TEMPERATURE, d1).value()).isEqualTo(15.0);
    assertThat(result.report().kind("temperature").orElseThrow().impossibleRemoved()).isEqualTo(1);
    assertThat(table.get(SignalKind.PRECIPITATION, d1).value())
        .as("the day's own total, not added to its hours").isEqualTo(3.5);
    assertThat(table.get(SignalKind.WEATHER, d1).value()).isEqualTo(code("rain"));
    assertThat(table.get(SignalKind.WEATHER, d2).value()).as("a tie goes to the worse weather").isEqualTo(code("storm"));
    assertThat(table.get(SignalKind.TEMPERATURE, d2).status()).as("a day without weather is missing, not zero")
        .isEqualTo(DayStatus.MISSING);
  }

  @Test
  void clean_neverFlagsAWeatherConditionAsAnOutlier() {
    Provenance station = new Provenance("weather.csv", "weather", "open-meteo", Modality.SENSED);
    List<Signal> signals = new ArrayList<>();
    List<String> days = List.of("sun", "sun", "cloud", "storm", "sun", "cloud");
    for (int day = 0; day < days.size(); day++) {
      signals.add(weather(SignalKind.WEATHER, START.plusDays(day), 12, code(days.get(day)), days.get(day), station));
    }
    CleanResult result = Cleaner.withDefaults().clean(signals);
    assertThat(result.report().kind("weather").orElseThrow().outliersFlagged())
        .as("as a number the storm day lies 9 MADs from the median").isZero();
    assertThat(result.table().get(SignalKind.WEATHER, START.plusDays(3)).value()).isEqualTo(code("storm"));
  }

  @Test
  void twoIdenticalPurchasesAreTwoEvents_butTwoIdenticalStepSamplesAreOne() {
    Instant t = Instant.parse("2026-11-20T08:30:00Z");
    Provenance file = new Provenance("spending.csv", "events", "", Modality.SELF_REPORTED);
    Provenance watch = new Provenance("export.zip", "apple-health", "Watch", Modality.SENSED);
    Signal coffee = new Signal(SignalKind.PURCHASE, t, t, ZoneOffset.UTC, 3.5, "EUR", "coffee", "Coffee", file);
    Signal sample = new Signal(SignalKind.STEPS, t, t.plusSeconds(600), ZoneOffset.UTC, 800, "count", "", "", watch);
    CleanResult r = Cleaner.withDefaults().clean(List.of(coffee, coffee, sample, sample));
    LocalDate day = LocalDate.of(2026, 11, 20);
    assertThat(r.table().value(SignalKind.PURCHASE, day)).contains(7.0);
    assertThat(r.table().value(SignalKind.STEPS, day)).contains(800.0);
  }
}
