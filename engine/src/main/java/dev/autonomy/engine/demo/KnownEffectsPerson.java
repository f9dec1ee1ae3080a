package dev.autonomy.engine.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A seeded synthetic person whose situation effects are known, to measure whether the engine
 * learns them from files alone: rain changes their steps by {@link Effects#rainSteps} against their
 * other days, and a day they work out outdoors has {@link Effects#outdoorSteps} more steps than a
 * day they work out indoors. Weather and the place of a workout are drawn independently of each
 * other and of the weekday, so those two numbers are the true contrasts the engine should find.
 */
public final class KnownEffectsPerson {
  /** Steps on a weekday and on a weekend day before any effect. */
  static final double WEEKDAY_STEPS = 8_000;
  static final double WEEKEND_STEPS = 6_500;
  /** Steps a workout adds whatever its place (a walk to the gym, the warm-up). */
  static final double WORKOUT_STEPS = 1_500;
  /** Day-to-day noise of the steps (standard deviation). */
  static final double NOISE_STEPS = 1_200;
  static final double RAIN_CHANCE = 0.3;
  static final double WORKOUT_CHANCE = 0.55;
  static final double OUTDOOR_CHANCE = 0.5;

  /**
   * The true effects.
   *
   * @param rainSteps steps on a rainy day minus steps on another day
   * @param outdoorSteps steps on a day with an outdoor workout minus a day with an indoor one
   */
  public record Effects(double rainSteps, double outdoorSteps) {}

  private KnownEffectsPerson() {}

  /** {@code days} days ending the day before {@code today}. */
  public static List<SyntheticDay> generate(LocalDate today, int days, Effects effects, RandomGenerator random) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, was " + days);
    }
    List<SyntheticDay> out = new ArrayList<>(days);
    for (int i = days; i >= 1; i--) {
      LocalDate date = today.minusDays(i);
      boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean rain = random.nextDouble() < RAIN_CHANCE;
      String weather = rain ? "rain" : random.nextDouble() < 0.5 ? "sun" : "cloud";
      double steps = (weekend ? WEEKEND_STEPS : WEEKDAY_STEPS) + random.nextGaussian() * NOISE_STEPS
          + (rain ? effects.rainSteps() : 0);
      SyntheticDay.Workout workout = null;
      double workoutSteps = 0;
      if (random.nextDouble() < WORKOUT_CHANCE) {
        boolean outdoor = random.nextDouble() < OUTDOOR_CHANCE;
        double minutes = 40 + random.nextDouble() * 20;
        workoutSteps = WORKOUT_STEPS + (outdoor ? effects.outdoorSteps() : 0);
        workout = outdoor
            ? new SyntheticDay.Workout("Running", 18.0, minutes, minutes / 6.0, minutes * 10, true)
            : new SyntheticDay.Workout("TraditionalStrengthTraining", 18.0, minutes, 0, minutes * 6.5, false);
      }
      int[] hourly = spread(Math.max(0, steps), workoutSteps, random);
      double sleep = 450 + random.nextGaussian() * 25;
      out.add(new SyntheticDay(date, weather, hourly, workout, 23.0, sleep, List.of(), null));
    }
    return out;
  }

  /** The day's steps over its waking hours (7:00 to 22:00), the workout's in its hour (18:00). */
  private static int[] spread(double steps, double workoutSteps, RandomGenerator random) {
    int[] hourly = new int[24];
    double[] weight = new double[24];
    double total = 0;
    for (int h = 7; h < 22; h++) {
      weight[h] = 0.5 + random.nextDouble();
      total += weight[h];
    }
    for (int h = 7; h < 22; h++) {
      hourly[h] = (int) Math.round(steps * weight[h] / total);
    }
    hourly[18] += (int) Math.round(Math.max(0, workoutSteps));
    return hourly;
  }
}
