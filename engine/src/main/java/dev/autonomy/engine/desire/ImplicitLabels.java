package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * The implicit label of each desire on a day: what the person actually did, as 0..1 against their
 * own yardsticks ({@link LabelScale}). Only observed days make labels; imputed days never do.
 *
 * <table>
 *   <caption>How each label is derived from day d</caption>
 *   <tr><th>desire</th><th>label(d)</th><th>needs</th></tr>
 *   <tr><td>move</td><td>mean of min(1, active minutes(d) / own P90) and min(1, steps(d) / own
 *       P90), over those observed</td><td>active minutes or steps</td></tr>
 *   <tr><td>rest</td><td>mean of the sleep score clip((sleep(d) - own P10) / (own P90 - own P10))
 *       of the night after d, and 1 - move(d), over those available</td><td>sleep or activity</td></tr>
 *   <tr><td>explore</td><td>mean of min(1, trip distance(d) / own P90 of trip days) and min(1,
 *       distance(d) / own P90), over those observed; for a person with trips, a day with distance
 *       but no trip record counts as trip 0 (also outside the span of their trips)</td><td>trips or
 *       distance</td></tr>
 *   <tr><td>buy</td><td>rank of spend(d) among the person's training days (mid-rank, 0..1); spend =
 *       purchases, else transaction outflows</td><td>purchases or transactions</td></tr>
 *   <tr><td>save</td><td>1 - min(1, spend(d) / mean daily income) when there is income, else 1 -
 *       buy(d)</td><td>purchases or transactions</td></tr>
 * </table>
 */
public final class ImplicitLabels {
  private final DailyTable table;
  private final LabelScale scale;

  public ImplicitLabels(DailyTable table, LabelScale scale) {
    this.table = Requires.nonNull(table, "table");
    this.scale = Requires.nonNull(scale, "scale");
  }

  public LabelScale scale() {
    return scale;
  }

  public OptionalDouble label(DesireType type, LocalDate day) {
    double v = switch (type) {
      case MOVE -> move(day);
      case REST -> rest(day);
      case EXPLORE -> explore(day);
      case BUY -> buy(day);
      case SAVE -> save(day);
    };
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(Math.max(0.0, Math.min(1.0, v)));
  }

  private double ratio(SignalKind kind, LocalDate day, double p90) {
    DailyValue v = table.get(kind, day);
    if (v.status() != DayStatus.OBSERVED || !(p90 > 0)) {
      return Double.NaN;
    }
    return Math.min(1.0, v.value() / p90);
  }

  private static double meanOf(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : 0.5 * (a + b);
  }

  private double move(LocalDate day) {
    return meanOf(ratio(SignalKind.ACTIVE_MINUTES, day, scale.activeP90()),
        ratio(SignalKind.STEPS, day, scale.stepsP90()));
  }

  private double rest(LocalDate day) {
    double sleepScore = Double.NaN;
    DailyValue sleep = table.get(SignalKind.SLEEP, day);
    if (sleep.status() == DayStatus.OBSERVED && scale.sleepP90() > scale.sleepP10()) {
      sleepScore = Math.max(0, Math.min(1, (sleep.value() - scale.sleepP10()) / (scale.sleepP90() - scale.sleepP10())));
    }
    double move = move(day);
    return meanOf(sleepScore, Double.isNaN(move) ? Double.NaN : 1.0 - move);
  }

  /**
   * Trips are events: the table has them only inside the span from the person's first to last
   * recorded trip. A day outside that span on which the person's distance was recorded is a day
   * without a trip (0), not a day without trip data; otherwise the label would silently switch to
   * distance alone (about twice as high on an ordinary day) before the first and after the latest
   * trip, which on held-out days depends on whether a later trip exists.
   */
  private double explore(LocalDate day) {
    double distance = ratio(SignalKind.DISTANCE, day, scale.distanceP90());
    double trip = Double.NaN;
    DailyValue t = table.get(SignalKind.TRIP, day);
    if (scale.tripP90() > 0) {
      if (t.status() == DayStatus.OBSERVED) {
        trip = Math.min(1.0, t.value() / scale.tripP90());
      } else if (t.status() == DayStatus.MISSING && !Double.isNaN(distance)) {
        trip = 0.0;
      }
    }
    return meanOf(trip, distance);
  }

  private double buy(LocalDate day) {
    double s = spend(table, day);
    return Double.isNaN(s) ? Double.NaN : scale.spendRank(s);
  }

  private double save(LocalDate day) {
    double s = spend(table, day);
    if (Double.isNaN(s)) {
      return Double.NaN;
    }
    if (scale.incomePerDay() > 0) {
      return 1.0 - Math.min(1.0, s / scale.incomePerDay());
    }
    double buy = scale.spendRank(s);
    return Double.isNaN(buy) ? Double.NaN : 1.0 - buy;
  }

  /** The day's spending: purchases when the person has any, else transaction outflows; NaN when neither. */
  static double spend(DailyTable table, LocalDate day) {
    DailyValue p = table.get(SignalKind.PURCHASE, day);
    if (p.status() == DayStatus.OBSERVED) {
      return p.value();
    }
    if (!table.series(SignalKind.PURCHASE).isEmpty()) {
      return Double.NaN;
    }
    DailyValue t = table.get(SignalKind.TRANSACTION, day);
    return t.status() == DayStatus.OBSERVED ? Math.max(0.0, -t.value()) : Double.NaN;
  }
}
