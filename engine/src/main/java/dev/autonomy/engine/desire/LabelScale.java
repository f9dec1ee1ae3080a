package dev.autonomy.engine.desire;

import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The person's own yardsticks for the implicit labels, measured on observed days of a date range
 * (the training days, so that test days never shape their own labels). NaN means "no data".
 *
 * @param activeP90 90th percentile of daily active minutes
 * @param stepsP90 90th percentile of daily steps
 * @param sleepP10 10th percentile of nightly sleep minutes
 * @param sleepP90 90th percentile of nightly sleep minutes
 * @param distanceP90 90th percentile of daily distance (m)
 * @param tripP90 90th percentile of daily trip distance (m), over days with a trip
 * @param spendDays sorted daily spending over the range (purchases, else transaction outflows)
 * @param incomePerDay mean daily income (transaction inflows), NaN when there is none
 */
public record LabelScale(
    double activeP90,
    double stepsP90,
    double sleepP10,
    double sleepP90,
    double distanceP90,
    double tripP90,
    List<Double> spendDays,
    double incomePerDay) {
  public LabelScale {
    spendDays = spendDays.stream().sorted().toList();
  }

  public static LabelScale fit(DailyTable table, LocalDate from, LocalDate to) {
    double[] active = observed(table, SignalKind.ACTIVE_MINUTES, from, to, v -> v.value());
    double[] steps = observed(table, SignalKind.STEPS, from, to, v -> v.value());
    double[] sleep = observed(table, SignalKind.SLEEP, from, to, v -> v.value());
    double[] distance = observed(table, SignalKind.DISTANCE, from, to, v -> v.value());
    double[] trips = Arrays.stream(observed(table, SignalKind.TRIP, from, to, v -> v.value()))
        .filter(v -> v > 0).toArray();
    List<Double> spend = new ArrayList<>();
    double income = 0;
    int moneyDays = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      double s = ImplicitLabels.spend(table, d);
      if (!Double.isNaN(s)) {
        spend.add(s);
      }
      DailyValue tx = table.get(SignalKind.TRANSACTION, d);
      if (tx.status() == DayStatus.OBSERVED) {
        moneyDays++;
        income += Math.max(0.0, tx.value());
      }
    }
    return new LabelScale(
        percentile(active, 0.9), percentile(steps, 0.9), percentile(sleep, 0.1), percentile(sleep, 0.9),
        percentile(distance, 0.9), percentile(trips, 0.9), spend,
        moneyDays > 0 && income > 0 ? income / moneyDays : Double.NaN);
  }

  private static double[] observed(DailyTable table, SignalKind kind, LocalDate from, LocalDate to,
      ToDoubleFunction<DailyValue> f) {
    return table.series(kind).subMap(from, true, to, true).values().stream()
        .filter(v -> v.status() == DayStatus.OBSERVED)
        .mapToDouble(f)
        .toArray();
  }

  /** Linear-interpolation percentile (type 7); NaN for no values. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double h = (v.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  /** Share of training spend days at or below {@code spend} (mid-rank), 0..1; NaN without data. */
  double spendRank(double spend) {
    if (spendDays.isEmpty()) {
      return Double.NaN;
    }
    long below = spendDays.stream().filter(s -> s < spend).count();
    long equal = spendDays.stream().filter(s -> s == spend).count();
    return (below + 0.5 * equal) / spendDays.size();
  }
}
