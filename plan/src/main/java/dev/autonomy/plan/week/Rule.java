package dev.autonomy.plan.week;

import dev.autonomy.core.Requires;
import java.util.function.Predicate;

/**
 * A hard rule of the person's: a plan never places a session the rule does not allow.
 *
 * @param name how the person said it ("never swim")
 * @param allows true if the placed session is allowed
 */
public record Rule(String name, Predicate<PlacedSession> allows) {
  public Rule {
    Requires.nonBlank(name, "name");
    Requires.nonNull(allows, "allows");
  }

  /** "never CATEGORY". */
  static Rule never(String category) {
    return new Rule("never " + category, s -> !s.session().category().equalsIgnoreCase(category));
  }

  /** "max N minutes on weekdays". */
  static Rule maxMinutesOnWeekdays(int minutes) {
    return new Rule("max " + minutes + " minutes on weekdays", s -> !s.weekday() || s.session().minutes() <= minutes);
  }
}
