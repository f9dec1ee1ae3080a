/**
 * Weekly training plans: sessions placed on days by a Jenetics genetic algorithm that never breaks
 * the person's rules, free time or load cap ({@link dev.autonomy.plan.week.WeekPlanner}).
 */
package dev.autonomy.plan.week;
