package dev.autonomy.engine.desire;

import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic person with a real weekly rhythm: a gym habit on Tuesdays and Thursdays, a long
 * walk on Saturdays, quiet Sundays, noise on top; sleep longer after active days; small purchases.
 * One daily signal per kind, from one device.
 */
public final class SyntheticPerson {
  public static final ZoneId ZONE = ZoneId.of("Europe/Zurich");
  public static final LocalDate START = LocalDate.of(2024, 1, 1);
  static final Provenance WATCH = new Provenance("synthetic.csv", "test", "watch", Modality.SENSED);

  private SyntheticPerson() {}

  public static Signal daily(SignalKind kind, LocalDate day, double value, Provenance p) {
    Instant start = day.atStartOfDay(ZONE).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
    String unit = kind.isMoney() ? "CHF" : kind.canonicalUnit();
    return new Signal(kind, start, end, ZONE, value, unit, "", "", p);
  }

  /** Base active minutes by weekday. */
  static double activeBase(DayOfWeek d) {
    return switch (d) {
      case TUESDAY, THURSDAY -> 75;
      case SATURDAY -> 60;
      case SUNDAY -> 10;
      default -> 25;
    };
  }

  public static List<Signal> signals(int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Signal> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      LocalDate day = START.plusDays(i);
      double active = Math.max(0, activeBase(day.getDayOfWeek()) + 8 * gaussian(random));
      double steps = Math.max(100, 3000 + 90 * active + 800 * gaussian(random));
      out.add(daily(SignalKind.ACTIVE_MINUTES, day, Math.rint(active), WATCH));
      out.add(daily(SignalKind.STEPS, day, Math.rint(steps), WATCH));
      out.add(daily(SignalKind.DISTANCE, day, Math.rint(steps * 0.75), WATCH));
      double sleepMinutes = 400 + 0.6 * active + 20 * gaussian(random);
      Instant wake = day.plusDays(1).atTime(7, 0).atZone(ZONE).toInstant();
      out.add(new Signal(SignalKind.SLEEP, wake.minusSeconds((long) (sleepMinutes * 60)), wake, ZONE,
          Math.rint(sleepMinutes), "min", "asleep", "", WATCH));
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || random.nextDouble() < 0.3) {
        Instant at = day.atTime(15, 0).atZone(ZONE).toInstant();
        out.add(new Signal(SignalKind.PURCHASE, at, at, ZONE, Math.rint(20 + 30 * random.nextDouble()), "CHF",
            "groceries", "", WATCH));
      }
    }
    return out;
  }

  static double gaussian(SplittableRandom random) {
    double u = Math.max(1e-12, random.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
