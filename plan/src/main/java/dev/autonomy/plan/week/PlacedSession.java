package dev.autonomy.plan.week;

import dev.autonomy.core.Requires;
import java.time.DayOfWeek;

/** A session on a day: what a {@link Rule} judges. */
public record PlacedSession(DayOfWeek day, SessionCandidate session) {
  public PlacedSession {
    Requires.nonNull(day, "day");
    Requires.nonNull(session, "session");
  }

  boolean weekday() {
    return day.getValue() <= 5;
  }
}
