package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.DesiresNow;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.Feature;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Predictions on data older than what it describes: left out, said, and less sure. */
class StaleDataDesireTest {
  private static final int DAYS = 70;
  private static final LocalDate LAST = SyntheticPerson.START.plusDays(DAYS - 1);
  private static final String SLEEP = Feature.SLEEP_LAST_NIGHT.code();

  private static DailyTable table(LocalDate lastSleep) {
    List<Signal> signals = SyntheticPerson.signals(DAYS, 11).stream()
        .filter(s -> s.kind() != SignalKind.SLEEP || !Cleaner.dateOf(s).isAfter(lastSleep))
        .toList();
    return Cleaner.withDefaults().clean(signals).table();
  }

  private static final DailyTable FRESH = table(LAST);
  private static final LinearDesireModel MODEL =
      new DesireTrainer(DesireTrainerSettings.defaults(1)).train(new ContextFeatures(FRESH), Goals.none());

  private static Situation at(LocalDate day) {
    return new Situation(day.atTime(18, 0).atZone(SyntheticPerson.ZONE), Map.of("place", "outdoor"));
  }

  /** The desires whose model gives last night's sleep a weight. */
  private static List<DesireType> restingOnSleep() {
    List<DesireType> out = new ArrayList<>();
    for (DesireType t : MODEL.types()) {
      LinearHead h = MODEL.head(t);
      int i = h.inputs().indexOf(SLEEP);
      if (i >= 0 && h.weights().get(i) != 0.0) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void predict_tenDaysAfterTheLastSleepRecord_givesNoSleepDeviation_butSaysSinceWhen() {
    LocalDate day = LAST.plusDays(1);
    LocalDate lastSleep = day.minusDays(10);
    Situation situation = at(day);
    FeatureVector x = new ContextFeatures(table(lastSleep)).at(situation);
    assertThat(restingOnSleep()).isNotEmpty();

    List<Desire> desires = MODEL.predictAll(x);
    for (Desire d : desires) {
      boolean usesSleep = restingOnSleep().contains(d.type());
      List<Contribution> sleep = d.contributions().stream().filter(c -> c.input().equals(SLEEP)).toList();
      assertThat(sleep).as(d.type().code()).hasSize(usesSleep ? 1 : 0);
      for (Contribution c : sleep) {
        assertThat(c.value()).isZero();
        assertThat(c.effect()).isZero();
        assertThat(c.meaning()).contains("no sleep data since " + lastSleep).doesNotContain("against your usual");
      }
      if (usesSleep) {
        assertThat(d.contributions()).filteredOn(c -> c.input().equals("usual_level")).singleElement()
            .satisfies(c -> assertThat(c.meaning()).contains("no sleep data since " + lastSleep));
      }
      // left out means taken at the person's usual: the same as stating the training mean
      LinearHead head = MODEL.head(d.type());
      int i = head.inputs().indexOf(SLEEP);
      if (i >= 0) {
        FeatureVector atMean = x.with(SLEEP, head.means().get(i), null);
        assertThat(MODEL.predict(atMean, d.type()).intensity()).as(d.type().code())
            .isCloseTo(d.intensity(), within(1e-12));
      }
    }
    assertThat(new DesiresNow(situation, desires, Map.of(), List.of()).dataAge()).containsExactly("no sleep data since " + lastSleep);
    assertThat(new DesiresNow(situation, desires, Map.of(), List.of()).view()).containsEntry("data_age",
        List.of("no sleep data since " + lastSleep));
  }

  @Test
  void confidence_fourteenDaysAfterTheLastData_isLowerThanTheDayAfter() {
    ContextFeatures features = new ContextFeatures(FRESH);
    for (DesireType t : MODEL.types()) {
      Desire dayAfter = MODEL.predict(features.at(at(LAST.plusDays(1))), t);
      Desire twoWeeks = MODEL.predict(features.at(at(LAST.plusDays(14))), t);
      if (dayAfter.confidence() > 0) {
        assertThat(twoWeeks.confidence()).as(t.code()).isLessThan(dayAfter.confidence());
      }
      assertThat(twoWeeks.contributions()).as(t.code()).filteredOn(c -> c.input().equals("usual_level"))
          .allSatisfy(c -> assertThat(c.meaning()).contains("no new data for 13 days"));
    }
    assertThat(LinearHead.staleFactor(0)).isEqualTo(1.0);
    assertThat(LinearHead.staleFactor(7)).isCloseTo(0.5, within(1e-12));
    assertThat(LinearHead.staleFactor(14)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void predict_onFreshData_isWhatItWasBeforeDataAge() {
    ContextFeatures features = new ContextFeatures(FRESH);
    for (int offset : new int[] {1, 0, -6, -20}) {
      FeatureVector dated = features.at(at(LAST.plusDays(offset)));
      assertThat(dated.age().byFeature().values()).noneMatch(n -> n.missing());
      // the vector as it was before data age: the same values and meanings, undated
      FeatureVector undated = new FeatureVector(dated.names(), dated.values(), dated.meanings());
      for (DesireType t : MODEL.types()) {
        assertThat(MODEL.predict(dated, t)).as("%s on day %d", t.code(), offset).isEqualTo(MODEL.predict(undated, t));
      }
      assertThat(new DesiresNow(at(LAST.plusDays(offset)), MODEL.predictAll(dated), Map.of(), List.of()).view())
          .containsEntry("data_age", List.of());
    }
  }

  @Test
  void train_onFreshData_learnsTheSameModelAsFromUndatedVectors() {
    ImplicitLabels labels = new ImplicitLabels(FRESH, LabelScale.fit(FRESH, SyntheticPerson.START, LAST));
    DesireDataset dated = DesireDataset.from(new ContextFeatures(FRESH), labels, SyntheticPerson.START, LAST);
    DesireDataset undated = new DesireDataset(dated.days().stream()
        .map(d -> new DesireDataset.LabelledDay(d.day(),
            new FeatureVector(d.x().names(), d.x().values(), d.x().meanings()), d.labels()))
        .toList());
    DesireTrainer trainer = new DesireTrainer(DesireTrainerSettings.defaults(1));
    assertThat(trainer.train(dated, Goals.none()).toJson()).isEqualTo(trainer.train(undated, Goals.none()).toJson());
    assertThat(trainer.train(dated, Goals.none()).toJson()).isEqualTo(MODEL.toJson());
  }

  @Test
  void predict_onAMondayAfterDataThatEndsOnASunday_neverCallsItAWeekendDay() {
    LocalDate monday = LAST.plusDays(1);
    assertThat(monday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    FeatureVector x = new ContextFeatures(FRESH).at(at(monday));
    for (Desire d : MODEL.predictAll(x)) {
      assertThat(d.contributions()).extracting(Contribution::meaning).noneMatch(m -> m.contains("it is a weekend day"));
      d.contributions().stream().filter(c -> c.input().equals(Feature.WEEKEND.code())).forEach(c ->
          assertThat(c.meaning()).startsWith("it is a weekday (Monday)"));
    }
  }
}
