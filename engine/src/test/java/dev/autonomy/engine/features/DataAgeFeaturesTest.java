package dev.autonomy.engine.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.desire.SyntheticPerson;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataAgeFeaturesTest {
  /** 70 days from Monday 2024-01-01: the last day of data, day 69, is Sunday 2024-03-10. */
  private static final int DAYS = 70;
  private static final LocalDate LAST = SyntheticPerson.START.plusDays(DAYS - 1);
  private static final DailyTable FRESH = Cleaner.withDefaults().clean(SyntheticPerson.signals(DAYS, 7)).table();

  /** The same person whose sleep records stop on {@code lastSleep} (the night after it). */
  static DailyTable sleepUntil(LocalDate lastSleep) {
    List<Signal> signals = SyntheticPerson.signals(DAYS, 7).stream()
        .filter(s -> s.kind() != SignalKind.SLEEP || !Cleaner.dateOf(s).isAfter(lastSleep))
        .toList();
    return Cleaner.withDefaults().clean(signals).table();
  }

  @Test
  void forDay_tenDaysAfterTheLastSleepRecord_marksLastNightsSleepMissingWithTheDateOfItsLastData() {
    LocalDate day = LAST.plusDays(1);
    LocalDate lastSleep = day.minusDays(10);
    FeatureVector x = new ContextFeatures(sleepUntil(lastSleep)).forDay(day, Map.of());

    assertThat(x.isMissing(Feature.SLEEP_LAST_NIGHT.code())).isTrue();
    assertThat(x.isMissing(Feature.SLEEP_VS_28D.code())).isTrue();
    assertThat(x.meaning(Feature.SLEEP_LAST_NIGHT.code()))
        .contains("left out").contains("no sleep data since " + lastSleep);
    assertThat(x.age().of(Feature.SLEEP_LAST_NIGHT.code()).orElseThrow().date()).isEqualTo(lastSleep);
    assertThat(x.age().staleDays(Feature.SLEEP_LAST_NIGHT.code())).hasValue(9);
    assertThat(x.age().notes()).containsExactly("no sleep data since " + lastSleep);
    // the 4-week routine still has nights to read; steps and active minutes reach yesterday
    assertThat(x.isMissing(Feature.SLEEP_SAME_WEEKDAY.code())).isFalse();
    for (String fresh : List.of(Feature.STEPS_YESTERDAY.code(), Feature.ACTIVE_MIN_7D_MEAN.code())) {
      assertThat(x.isMissing(fresh)).as(fresh).isFalse();
      assertThat(x.age().staleDays(fresh)).as(fresh).hasValue(0);
    }
  }

  @Test
  void forDay_onFreshData_datesTheMeasuredFeaturesAndMarksNothingMissing() {
    LocalDate day = LAST.plusDays(1);
    FeatureVector x = new ContextFeatures(FRESH).forDay(day, Map.of());
    assertThat(x.age().day()).isEqualTo(day);
    assertThat(x.age().byFeature()).containsKeys(Feature.STEPS_YESTERDAY.code(), Feature.SLEEP_LAST_NIGHT.code(),
        Feature.ACTIVE_MIN_SAME_WEEKDAY.code());
    assertThat(x.age().byFeature().values()).allSatisfy(n -> {
      assertThat(n.missing()).isFalse();
      assertThat(n.date()).isEqualTo(LAST);
    });
    assertThat(x.age().notes()).isEmpty();
    assertThat(x.meanings().values()).noneMatch(m -> m.contains("left out") || m.contains("data since"));
    // calendar, stated and event features are never dated
    assertThat(x.age().of(Feature.WEEKEND.code())).isEmpty();
    assertThat(x.age().of(Feature.SPEND_7D.code())).isEmpty();
  }

  @Test
  void forDay_asDataAges_losesYesterdayFirstThenTheWeekThenTheRoutine() {
    ContextFeatures features = new ContextFeatures(FRESH);
    FeatureVector twoDays = features.forDay(LAST.plusDays(2), Map.of());
    assertThat(twoDays.isMissing(Feature.STEPS_YESTERDAY.code())).isTrue();
    assertThat(twoDays.isMissing(Feature.STEPS_7D_MEAN.code())).isFalse();
    assertThat(twoDays.meaning(Feature.STEPS_YESTERDAY.code())).endsWith("no steps data since " + LAST);

    FeatureVector tenDays = features.forDay(LAST.plusDays(10), Map.of());
    assertThat(tenDays.isMissing(Feature.STEPS_7D_MEAN.code())).isTrue();
    assertThat(tenDays.isMissing(Feature.STEPS_7D_VS_28D.code())).isTrue();
    assertThat(tenDays.isMissing(Feature.STEPS_SAME_WEEKDAY.code())).isFalse();
    assertThat(tenDays.age().notes())
        .containsExactlyInAnyOrder("no steps data since " + LAST, "no active minutes data since " + LAST,
            "no sleep data since " + LAST);

    FeatureVector fiveWeeks = features.forDay(LAST.plusDays(35), Map.of());
    assertThat(fiveWeeks.isMissing(Feature.STEPS_SAME_WEEKDAY.code())).isTrue();
    assertThat(fiveWeeks.isMissing(Feature.SLEEP_SAME_WEEKDAY.code())).isTrue();
  }

  @Test
  void meanings_onAMondayAfterDataThatEndsOnASunday_describeTheMonday() {
    assertThat(LAST.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    LocalDate monday = LAST.plusDays(1);
    FeatureVector x = new ContextFeatures(FRESH).at(new Situation(monday.atTime(9, 30).atZone(SyntheticPerson.ZONE),
        Map.of()));

    assertThat(x.value(Feature.WEEKEND.code())).hasValue(0.0);
    assertThat(x.meaning(Feature.WEEKEND.code())).isEqualTo("it is a weekday (Monday), not a weekend day");
    assertThat(x.meanings().values()).noneMatch(m -> m.contains("it is a weekend day"));
    assertThat(x.meaning(Feature.DOW_SIN.code())).contains("Monday");
    assertThat(x.meaning(Feature.STEPS_YESTERDAY.code())).contains("Sunday " + LAST);
    assertThat(x.meaning(Feature.SLEEP_LAST_NIGHT.code())).contains("from Sunday " + LAST + " into Monday");
    assertThat(x.meaning(Feature.STEPS_TODAY_SO_FAR.code())).contains("Monday " + monday);
    assertThat(x.meaning(Feature.STEPS_SAME_WEEKDAY.code())).contains("on Mondays");
    assertThat(x.meaning(Feature.NOTES_HEALTH.code())).contains("Sunday " + LAST);
  }

  @Test
  void meanings_followTheSituationsDay_notTheDatasLastDay() {
    LocalDate wednesday = LAST.plusDays(10);
    assertThat(wednesday.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    FeatureVector x = new ContextFeatures(FRESH).at(new Situation(wednesday.atTime(18, 0).atZone(SyntheticPerson.ZONE),
        Map.of()));
    assertThat(x.meaning(Feature.WEEKEND.code())).contains("Wednesday");
    assertThat(x.meaning(Feature.STEPS_YESTERDAY.code())).contains("Tuesday " + wednesday.minusDays(1))
        .contains("no steps data since " + LAST);
    LocalDate saturday = LAST.minusDays(1);
    FeatureVector weekend = new ContextFeatures(FRESH).forDay(saturday, Map.of());
    assertThat(weekend.value(Feature.WEEKEND.code())).hasValue(1.0);
    assertThat(weekend.meaning(Feature.WEEKEND.code())).isEqualTo("it is a weekend day (Saturday)");
  }

  @Test
  void notesIn_findsEveryDataAgeNoteInAText() {
    assertThat(DataAge.notesIn("your usual level; no sleep data since 2026-11-20, no steps data since 2026-11-18: x"))
        .containsExactly("no sleep data since 2026-11-20", "no steps data since 2026-11-18");
    assertThat(DataAge.notesIn("no timed step data since 2026-11-20, so the hours before count as your usual"))
        .containsExactly("no timed step data since 2026-11-20");
    assertThat(DataAge.notesIn("your steps yesterday (against your usual)")).isEmpty();
    assertThat(DataAge.notesIn(null)).isEmpty();
  }

  @Test
  void dataAge_rejectsDatedFeaturesWithoutADayOrWithDataFromThatDay() {
    LocalDate day = LocalDate.of(2026, 11, 30);
    var newest = new DataAge.Newest("sleep", day, false);
    assertThatThrownBy(() -> new DataAge(null, Map.of("sleep_last_night_h", newest)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sleep_last_night_h");
    assertThatThrownBy(() -> new DataAge(day, Map.of("sleep_last_night_h", newest)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the day described");
    assertThatThrownBy(() -> new FeatureVector(List.of("a"), List.of(1.0), Map.of(),
        new DataAge(day, Map.of("b", new DataAge.Newest("sleep", day.minusDays(1), false)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
  }

  @Test
  void with_takesAGivenValueAsItIs_soTheFeatureIsNoLongerMissing() {
    FeatureVector x = new ContextFeatures(FRESH).forDay(LAST.plusDays(3), Map.of());
    assertThat(x.isMissing(Feature.STEPS_YESTERDAY.code())).isTrue();
    FeatureVector given = x.with(Feature.STEPS_YESTERDAY.code(), 9000, "the steps you told us");
    assertThat(given.isMissing(Feature.STEPS_YESTERDAY.code())).isFalse();
    assertThat(given.isMissing(Feature.ACTIVE_MIN_YESTERDAY.code())).isTrue();
  }
}
