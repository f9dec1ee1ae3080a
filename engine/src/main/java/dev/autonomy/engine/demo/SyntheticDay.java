package dev.autonomy.engine.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated day of the synthetic person: what the weather was and what they did. The demo writes
 * these as real files (Apple Health export, GPX, events CSV) and imports them like a person's own.
 *
 * @param date the local date
 * @param weather "sun", "cloud" or "rain"
 * @param hourlySteps steps per hour of the day, 24 values
 * @param workout the workout done that day, or null
 * @param sleepStartHour when the night before this day's morning began (hours after the previous midnight, e.g. 23.2)
 * @param sleepMinutes minutes asleep that night
 * @param purchases purchases made that day
 * @param note a note written that day, or null
 */
public record SyntheticDay(
    LocalDate date,
    String weather,
    int[] hourlySteps,
    Workout workout,
    double sleepStartHour,
    double sleepMinutes,
    List<Purchase> purchases,
    String note) {

  /** A workout: activity (Apple's HKWorkoutActivityType suffix), start hour, minutes, km, kcal, outdoor. */
  public record Workout(String activity, double startHour, double minutes, double km, double kcal, boolean outdoor) {}

  /** A purchase: hour of day, amount in EUR, category, text. */
  public record Purchase(double hour, double amount, String category, String text) {}

  public int steps() {
    int sum = 0;
    for (int s : hourlySteps) {
      sum += s;
    }
    return sum;
  }
}
