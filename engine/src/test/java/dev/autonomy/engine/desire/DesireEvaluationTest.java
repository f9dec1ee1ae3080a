package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.quality.Cleaner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DesireEvaluationTest {
  @Test
  void model_beatsBothBaselinesOnAPersonWithAWeeklyRhythm() {
    int wins = 0;
    for (long seed = 1; seed <= 5; seed++) {
      ContextFeatures features = new ContextFeatures(
          Cleaner.withDefaults().clean(SyntheticPerson.signals(84, seed)).table());
      DesireEvaluation.Result result = DesireEvaluation.evaluate(
          features, new DesireTrainer(DesireTrainerSettings.defaults(seed)), Goals.none(), 14);
      DesireEvaluation.Row move = result.row(DesireType.MOVE).orElseThrow();
      assertThat(move.days()).isEqualTo(14);
      if (move.modelMae() < move.baselineMeanMae() && move.modelMae() < move.baselineYesterdayMae()) {
        wins++;
      }
    }
    assertThat(wins).as("persons (of 5) where the move model beats both baselines").isGreaterThanOrEqualTo(4);
  }

  @Test
  void split_holdsOutTheLastDays() {
    ContextFeatures features = new ContextFeatures(Cleaner.withDefaults().clean(SyntheticPerson.signals(50, 9)).table());
    DesireEvaluation.Result result = DesireEvaluation.evaluate(
        features, new DesireTrainer(DesireTrainerSettings.defaults(1)), Goals.none(), 10);
    assertThat(result.testFrom()).isEqualTo(SyntheticPerson.START.plusDays(40));
    assertThat(result.trainTo()).isEqualTo(SyntheticPerson.START.plusDays(39));
    assertThat(result.model().provenance().dataTo()).isLessThanOrEqualTo(result.trainTo().toString());
    assertThat(DesireEvaluation.evaluate(features, new DesireTrainer(DesireTrainerSettings.defaults(1)), Goals.none())
        .testFrom()).isEqualTo(SyntheticPerson.START.plusDays(40));
    assertThat(DesireEvaluation.defaultTestDays(90)).isEqualTo(14);
    assertThat(DesireEvaluation.defaultTestDays(31)).isEqualTo(6);
  }

  @Test
  void row_usesTheJsonNamesOfTheCli_keepingTheFirstFiveAndAddingTheIntervals() throws Exception {
    PairedBootstrap.Interval ci = new PairedBootstrap.Interval(0.05, 0.15);
    String json = new ObjectMapper().writeValueAsString(
        new DesireEvaluation.Row("move", 14, 0.1, 0.2, 0.3, 0.25, ci, ci, ci, ci, ci, ci, ci));
    Map<String, Object> m = new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    assertThat(m.keySet()).containsExactlyInAnyOrder(
        "desire", "days", "model_mae", "baseline_mean_mae", "baseline_yesterday_mae",
        "baseline_median_mae", "model_ci_low", "model_ci_high", "baseline_mean_ci_low", "baseline_mean_ci_high",
        "baseline_median_ci_low", "baseline_median_ci_high", "baseline_yesterday_ci_low",
        "baseline_yesterday_ci_high", "diff_mean_ci_low", "diff_mean_ci_high", "diff_median_ci_low",
        "diff_median_ci_high", "diff_yesterday_ci_low", "diff_yesterday_ci_high", "best_baseline", "verdict");
    assertThat(m).containsEntry("model_ci_low", 0.05).containsEntry("diff_yesterday_ci_high", 0.15)
        .containsEntry("best_baseline", "mean").containsEntry("verdict", "worse than mean");
  }

  private static ContextFeatures person(List<Signal> signals) {
    return new ContextFeatures(Cleaner.withDefaults().clean(signals).table());
  }

  private static DesireEvaluation.Result evaluate(ContextFeatures features, long seed, int testDays) {
    return DesireEvaluation.evaluate(features, new DesireTrainer(DesireTrainerSettings.defaults(seed)), Goals.none(),
        testDays);
  }

  @Test
  void evaluation_intervalsContainTheirPointEstimates() {
    for (long seed = 1; seed <= 3; seed++) {
      for (DesireEvaluation.Row r : evaluate(person(SyntheticPerson.signals(84, seed)), seed, 14).rows()) {
        assertThat(contains(r.modelCi(), r.modelMae())).as("model %s", r).isTrue();
        assertThat(contains(r.baselineMeanCi(), r.baselineMeanMae())).as("mean %s", r).isTrue();
        assertThat(contains(r.baselineMedianCi(), r.baselineMedianMae())).as("median %s", r).isTrue();
        assertThat(contains(r.baselineYesterdayCi(), r.baselineYesterdayMae())).as("yesterday %s", r).isTrue();
        for (String b : r.baselines()) {
          assertThat(contains(r.difference(b), r.modelMae() - r.baselineMae(b))).as("model - %s: %s", b, r).isTrue();
        }
      }
    }
  }

  /** Up to rounding in the last bits. */
  private static boolean contains(PairedBootstrap.Interval i, double x) {
    return i.low() - 1e-12 <= x && x <= i.high() + 1e-12;
  }

  @Test
  void verdict_beatsAllForTheMoveModelOfAPersonWithAWeeklyRhythm() {
    int beats = 0;
    for (long seed = 1; seed <= 5; seed++) {
      if (evaluate(person(SyntheticPerson.signals(84, seed)), seed, 14).row(DesireType.MOVE).orElseThrow().verdict()
          .equals(DesireEvaluation.BEATS_ALL)) {
        beats++;
      }
    }
    assertThat(beats).as("persons (of 5) whose move model beats all baselines beyond doubt").isGreaterThanOrEqualTo(4);
  }

  @Test
  void verdict_rarelyBeatsAllOnAPersonWhoseDaysArePureNoise() {
    int rows = 0;
    int beats = 0;
    List<String> verdicts = new ArrayList<>();
    for (long seed = 1; seed <= 10; seed++) {
      for (DesireEvaluation.Row r : evaluate(person(noisePerson(84, seed)), seed, 14).rows()) {
        rows++;
        verdicts.add(r.desire() + ": " + r.verdict());
        if (r.verdict().equals(DesireEvaluation.BEATS_ALL)) {
          beats++;
        }
      }
    }
    assertThat(rows).isGreaterThanOrEqualTo(30);
    assertThat(beats).as("rows (of %d) that claim to beat all baselines on noise: %s", rows, verdicts).isLessThanOrEqualTo(rows / 10);
  }

  /** Every day drawn alike, independent of the weekday and of the days before: nothing to learn. */
  static List<Signal> noisePerson(int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Signal> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      LocalDate day = SyntheticPerson.START.plusDays(i);
      double active = Math.rint(80 * random.nextDouble());
      double steps = Math.rint(2000 + 12000 * random.nextDouble());
      out.add(SyntheticPerson.daily(SignalKind.ACTIVE_MINUTES, day, active, SyntheticPerson.WATCH));
      out.add(SyntheticPerson.daily(SignalKind.STEPS, day, steps, SyntheticPerson.WATCH));
      out.add(SyntheticPerson.daily(SignalKind.DISTANCE, day, Math.rint(steps * 0.75), SyntheticPerson.WATCH));
      double sleepMinutes = 330 + 150 * random.nextDouble();
      Instant wake = day.plusDays(1).atTime(7, 0).atZone(SyntheticPerson.ZONE).toInstant();
      out.add(new Signal(SignalKind.SLEEP, wake.minusSeconds((long) (sleepMinutes * 60)), wake, SyntheticPerson.ZONE,
          Math.rint(sleepMinutes), "min", "asleep", "", SyntheticPerson.WATCH));
    }
    return out;
  }

  @Test
  void evaluation_isDeterministic_andTheBootstrapSeedMovesOnlyTheIntervals() {
    ContextFeatures features = person(SyntheticPerson.signals(60, 4));
    DesireTrainer trainer = new DesireTrainer(DesireTrainerSettings.defaults(4));
    List<DesireEvaluation.Row> a = DesireEvaluation.evaluate(features, trainer, Goals.none(), 12).rows();
    List<DesireEvaluation.Row> b = DesireEvaluation.evaluate(features, trainer, Goals.none(), 12).rows();
    assertThat(a).isEqualTo(b);
    List<DesireEvaluation.Row> other =
        DesireEvaluation.evaluate(features, trainer, Goals.none(), 12, PairedBootstrap.DEFAULT.withSeed(5)).rows();
    assertThat(other).extracting(DesireEvaluation.Row::modelMae).isEqualTo(a.stream().map(DesireEvaluation.Row::modelMae).toList());
    assertThat(other).extracting(DesireEvaluation.Row::modelCi).isNotEqualTo(a.stream().map(DesireEvaluation.Row::modelCi).toList());
  }

  @Test
  void median_isTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
    assertThat(DesireEvaluation.median(new double[] {0.9, 0.1, 0.2})).isEqualTo(0.2);
    assertThat(DesireEvaluation.median(new double[] {0.9, 0.1, 0.2, 0.4})).isEqualTo(0.3, within(1e-15));
  }

  private static DesireEvaluation.Row row(int days, PairedBootstrap.Interval mean, PairedBootstrap.Interval median,
      PairedBootstrap.Interval yesterday) {
    PairedBootstrap.Interval ci = new PairedBootstrap.Interval(0.1, 0.3);
    return new DesireEvaluation.Row("move", days, 0.2, 0.25, 0.35, 0.24, ci, ci, ci, ci, mean, median, yesterday);
  }

  @Test
  void verdict_beatsAllOnlyWhenEveryDifferenceIsSurelyBelowZero() {
    PairedBootstrap.Interval below = new PairedBootstrap.Interval(-0.2, -0.01);
    PairedBootstrap.Interval across = new PairedBootstrap.Interval(-0.2, 0.01);
    PairedBootstrap.Interval above = new PairedBootstrap.Interval(0.01, 0.2);
    PairedBootstrap.Interval tie = new PairedBootstrap.Interval(-1e-17, 1e-17);
    assertThat(row(14, below, below, below).verdict()).isEqualTo("beats all");
    assertThat(row(14, below, across, below).verdict()).isEqualTo("cannot tell");
    assertThat(row(14, tie, below, below).verdict()).isEqualTo("cannot tell");
    assertThat(row(14, above, below, below).verdict()).isEqualTo("worse than mean");
    assertThat(row(14, above, above, below).verdict()).as("the better of the two is named").isEqualTo("worse than median");
    assertThat(row(DesireEvaluation.VERDICT_MIN_DAYS - 1, below, below, below).verdict()).isEqualTo("cannot tell");
    assertThat(row(14, below, below, below).bestBaseline()).isEqualTo("median");
  }
}
