package dev.autonomy.plan.week;

import java.time.DayOfWeek;
import java.util.Optional;

/**
 * One day of a week plan.
 *
 * @param day the day
 * @param session the session, or empty for rest
 * @param satisfaction its predicted satisfaction (0 for rest)
 * @param why why this session (or rest) is here, and which constraint bound the day
 */
public record DayPlan(DayOfWeek day, Optional<SessionCandidate> session, double satisfaction, String why) {
  boolean rest() {
    return session.isEmpty();
  }
}
