package dev.autonomy.engine.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MomentModelTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  static final LocalDate START = LocalDate.of(2026, 9, 1);
  static final Provenance WATCH = new Provenance("export.zip", "apple-health", "watch", Modality.SENSED);
  static final Provenance PHONE = new Provenance("export.zip", "apple-health", "phone", Modality.SENSED);

  static Signal steps(LocalDate day, int hour, double count, Provenance p) {
    ZonedDateTime start = day.atTime(hour, 0).atZone(ZONE);
    return new Signal(SignalKind.STEPS, start.toInstant(), start.plusHours(1).toInstant(), ZONE, count, "count", "hourly", "", p);
  }

  /** A person who runs at 7:00 most mornings and is quiet in the evening, with noise. */
  static List<Signal> morningRunner(int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Signal> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      LocalDate day = START.plusDays(d);
      boolean runs = random.nextDouble() < 0.85;
      for (int h = 0; h < 24; h++) {
        double base = h < 6 ? 0 : h < 22 ? 250 + random.nextInt(300) : 30;
        if (runs && h == 7) {
          base += 6000 + random.nextInt(2000);
        }
        out.add(steps(day, h, base, WATCH));
      }
    }
    return out;
  }

  @Test
  void blockSeries_keepsTheLargerDeviceCount_ignoresDailyTotals_andKnowsMissingDays() {
    LocalDate day = START;
    ZonedDateTime midnight = day.atStartOfDay(ZONE);
    List<Signal> signals = List.of(
        steps(day, 7, 3000, WATCH),
        steps(day, 7, 2500, PHONE),
        steps(day, 8, 400, PHONE),
        new Signal(SignalKind.STEPS, midnight.toInstant(), midnight.plusDays(1).toInstant(), ZONE, 12000, "count", "daily", "", WATCH));

    BlockSeries series = BlockSeries.of(signals, 3);

    // Block 06-09h: the watch counted 3000, the phone 2500 + 400; the same steps are not added up.
    assertThat(series.steps(day, 2)).contains(3000.0);
    assertThat(series.steps(day, 0)).contains(0.0);
    assertThat(series.steps(day.plusDays(1), 2)).isEmpty();
    assertThatThrownBy(() -> BlockSeries.of(signals, 5)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("divide the day");
  }

  @Test
  void leastAbsoluteDeviations_isNotPulledByOneHugeValue_andNoNearbyPointIsBetter() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 200;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double v = random.nextDouble();
      x[i] = new double[] {1.0, v};
      y[i] = 0.2 + 0.5 * v + 0.02 * (random.nextDouble() - 0.5);
    }
    y[0] = 50;
    double[] w = LeastAbsoluteDeviations.fit(x, y, 1e-6);

    assertThat(w[0]).isCloseTo(0.2, org.assertj.core.api.Assertions.within(0.02));
    assertThat(w[1]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.03));
    double best = LeastAbsoluteDeviations.objective(x, y, w, 1e-6);
    for (int j = 0; j < 2; j++) {
      for (double step : new double[] {-0.01, 0.01}) {
        double[] nudged = w.clone();
        nudged[j] += step;
        assertThat(LeastAbsoluteDeviations.objective(x, y, nudged, 1e-6)).isGreaterThanOrEqualTo(best - 1e-6);
      }
    }
  }

  @Test
  void aMorningRoutine_givesAClearlyHigherMoveBeforeItThanLateInTheEvening() {
    BlockSeries series = BlockSeries.of(morningRunner(60, 1), 3);
    MomentModel model = MomentModel.train(series, START, START.plusDays(59)).orElseThrow();
    LocalDate next = START.plusDays(60);

    double morning = model.predict(series, next, series.blockOf(6)).intensity();
    double evening = model.predict(series, next, series.blockOf(21)).intensity();

    assertThat(morning).isGreaterThan(evening + 0.3);
    assertThat(model.predict(series, next, series.blockOf(6)).contributions().get(0).meaning()).contains("usual");
  }

  @Test
  void fewerThanAWeekOfTimedData_givesNoMomentModel() {
    BlockSeries series = BlockSeries.of(morningRunner(MomentModel.MIN_DAYS - 1, 1), 3);
    assertThat(MomentModel.train(series, START, START.plusDays(30))).isEmpty();
  }

  @Test
  void evaluation_ofARoutine_beatsTheBaselines_withIntervalsAroundItsEstimate_andRepeatsForASeed() {
    BlockSeries series = BlockSeries.of(morningRunner(60, 2), 3);

    MomentEvaluation.Row row = MomentEvaluation.evaluate(series, 14, 7);

    assertThat(row.days()).isEqualTo(14);
    assertThat(row.modelMae()).isBetween(row.modelCiLow(), row.modelCiHigh());
    assertThat(row.ratio()).isBetween(row.ratioCiLow(), row.ratioCiHigh());
    assertThat(row.modelMae()).isLessThan(Math.min(row.baselineBlockMeanMae(), row.baselineYesterdayMae()));
    assertThat(MomentEvaluation.evaluate(series, 14, 7)).isEqualTo(row);
    assertThatThrownBy(() -> MomentEvaluation.evaluate(series, 55, 7)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("days of timed step data");
  }
}
