package dev.autonomy.engine.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A seeded synthetic person with realistic rhythms: an office worker who runs outdoors on Tuesdays,
 * Thursdays and Saturdays when it is dry, goes to the gym on Mondays and Wednesdays (and instead of
 * a rained-out run), sleeps less before weekends and catches up on Sundays, buys coffee on
 * workdays, groceries on Saturdays and now and then something bigger after a poor night. Weather
 * follows a two-state Markov chain. Everything is noisy; nothing depends on the wall clock.
 */
public final class SyntheticPerson {
  private static final String[] GOOD_NOTES = {
    "Felt great after the run, lots of energy",
    "Cooked a healthy dinner with vegetables",
    "Slept well and woke up refreshed",
    "Long walk in the park at lunch",
    "Drank plenty of water today",
  };
  private static final String[] BAD_NOTES = {
    "Skipped lunch and ate chips at my desk",
    "Too much coffee, could not sleep",
    "Ordered fast food again, feeling sluggish",
    "Stayed up late scrolling on my phone",
    "Stressful day, had a few drinks",
  };

  private SyntheticPerson() {}

  /** Generates {@code days} days ending the day before {@code today}. */
  public static List<SyntheticDay> generate(LocalDate today, int days, RandomGenerator random) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, was " + days);
    }
    List<SyntheticDay> out = new ArrayList<>(days);
    boolean raining = false;
    double fatigue = 0;
    for (int i = days; i >= 1; i--) {
      LocalDate date = today.minusDays(i);
      DayOfWeek dow = date.getDayOfWeek();
      boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      // Rain spells: 25% chance to start, 55% to continue.
      raining = random.nextDouble() < (raining ? 0.55 : 0.25);
      String weather = raining ? "rain" : random.nextDouble() < 0.4 ? "cloud" : "sun";

      // Sleep: later bedtime on Friday and Saturday nights, catch-up on Sunday; fatigue lengthens it.
      double bedtime = 23.0 + random.nextGaussian() * 0.4 + (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 1.0 : 0);
      double sleep = 420 + random.nextGaussian() * 30 + (dow == DayOfWeek.SUNDAY ? 50 : 0) + (weekend ? 20 : 0) + fatigue * 25;
      sleep = clamp(sleep, 240, 620);

      SyntheticDay.Workout workout = null;
      boolean runDay = dow == DayOfWeek.TUESDAY || dow == DayOfWeek.THURSDAY || dow == DayOfWeek.SATURDAY;
      boolean gymDay = dow == DayOfWeek.MONDAY || dow == DayOfWeek.WEDNESDAY;
      boolean skip = random.nextDouble() < 0.12 + (sleep < 360 ? 0.3 : 0);
      if (!skip && runDay && !raining) {
        double km = clamp(5 + random.nextGaussian() * 1.2 + (dow == DayOfWeek.SATURDAY ? 3 : 0), 2, 14);
        double minutes = km * (5.6 + random.nextGaussian() * 0.3);
        workout = new SyntheticDay.Workout("Running", weekend ? 9.5 : 18.5, minutes, km, km * 62, true);
      } else if (!skip && (gymDay || (runDay && raining))) {
        double minutes = clamp(55 + random.nextGaussian() * 10, 30, 80);
        workout = new SyntheticDay.Workout("TraditionalStrengthTraining", 18.25, minutes, 0, minutes * 6.5, false);
      } else if (!skip && dow == DayOfWeek.SUNDAY && !raining && random.nextDouble() < 0.6) {
        double km = clamp(25 + random.nextGaussian() * 6, 10, 45);
        workout = new SyntheticDay.Workout("Cycling", 10.0, km * 3.2, km, km * 28, true);
      }
      fatigue = 0.6 * fatigue + (workout == null ? 0 : workout.minutes() / 60.0) - 0.3;
      fatigue = clamp(fatigue, 0, 3);

      int[] hourly = new int[24];
      double wakeHour = (bedtime + sleep / 60.0) - 24;
      for (int h = 0; h < 24; h++) {
        if (h < wakeHour || h >= 23) {
          continue;
        }
        double base = weekend ? 380 : (h == 8 || h == 18 ? 900 : h >= 9 && h < 17 ? 250 : 420);
        if (raining) {
          base *= 0.75;
        }
        hourly[h] = (int) Math.max(0, base * (0.7 + 0.6 * random.nextDouble()));
      }
      if (workout != null && workout.km() > 0 && !"Cycling".equals(workout.activity())) {
        hourly[(int) workout.startHour()] += (int) (workout.km() * 1350);
      }

      List<SyntheticDay.Purchase> purchases = new ArrayList<>();
      if (!weekend && random.nextDouble() < 0.8) {
        purchases.add(new SyntheticDay.Purchase(8.6, round2(3.2 + random.nextDouble() * 1.5), "coffee", "Coffee on the way to work"));
      }
      if (dow == DayOfWeek.SATURDAY) {
        purchases.add(new SyntheticDay.Purchase(11, round2(55 + random.nextGaussian() * 15), "groceries", "Weekly groceries"));
      }
      if (random.nextDouble() < (sleep < 380 ? 0.25 : 0.06)) {
        purchases.add(new SyntheticDay.Purchase(21, round2(40 + random.nextDouble() * 110), "shopping", "Online order"));
      }
      if (!weekend && random.nextDouble() < 0.3) {
        purchases.add(new SyntheticDay.Purchase(12.5, round2(9 + random.nextDouble() * 6), "restaurant", "Lunch out"));
      }

      String note = null;
      if (random.nextDouble() < 0.3) {
        boolean good = workout != null ? random.nextDouble() < 0.8 : random.nextDouble() < 0.35;
        String[] pool = good ? GOOD_NOTES : BAD_NOTES;
        note = pool[random.nextInt(pool.length)];
      }
      out.add(new SyntheticDay(date, weather, hourly, workout, bedtime, sleep, purchases, note));
    }
    return out;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
