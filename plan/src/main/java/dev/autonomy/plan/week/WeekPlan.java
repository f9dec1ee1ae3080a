package dev.autonomy.plan.week;

import java.util.List;

/**
 * A 7-day training plan.
 *
 * @param days Monday first
 * @param load the week's load (minutes x effort)
 * @param loadCap the most load allowed (infinite without history)
 * @param satisfaction total predicted satisfaction
 * @param fitness satisfaction minus soft penalties (hard day after hard day, repeated sessions)
 * @param generations how many generations the GA ran
 * @param seed the seed: same input and seed, same plan
 */
public record WeekPlan(List<DayPlan> days, double load, double loadCap, double satisfaction, double fitness, long generations, long seed) {
  public WeekPlan {
    days = List.copyOf(days);
  }
}
