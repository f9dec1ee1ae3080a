package dev.autonomy.engine.rule;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.rule.PersonRule;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person writes into constraints. The grammar is small on purpose, so that a rule
 * means exactly what it says; anything else is refused with the forms that are understood.
 *
 * <pre>
 *   never WORD                        never swim / never gym (matches activity, id, name, tags)
 *   max N minutes [on DAYS]           DAYS: weekdays, weekends, mondays ... sundays
 *   max cost N  |  max N euros|dollars|yuan
 *   max effort N                      effort is 0..10
 *   no indoor|outdoor [on DAYS | when weather=VALUE]
 * </pre>
 */
public final class RuleParser {
  public static final String FORMS =
      "never WORD | max N minutes [on weekdays|weekends|mondays..] | max cost N | max effort N"
          + " | no outdoor|indoor [on DAYS | when weather=rain]";

  private static final Pattern NEVER = Pattern.compile("never\\s+([\\p{L}\\p{N}-]+)");
  private static final Pattern MAX_MINUTES = Pattern.compile("max(?:imum)?\\s+(\\d+)\\s*(?:min|mins|minutes)(?:\\s+(?:on|during)\\s+(\\w+))?");
  private static final Pattern MAX_COST = Pattern.compile("max(?:imum)?\\s+(?:cost|spend)\\s+(\\d+(?:\\.\\d+)?)|max(?:imum)?\\s+(\\d+(?:\\.\\d+)?)\\s*(?:euros?|eur|dollars?|usd|yuan|cny|€|\\$)");
  private static final Pattern MAX_EFFORT = Pattern.compile("max(?:imum)?\\s+effort\\s+(\\d+(?:\\.\\d+)?)");
  private static final Pattern NO_PLACE = Pattern.compile("no\\s+(indoor|outdoor)(?:\\s+on\\s+(\\w+)|\\s+when\\s+weather\\s*=\\s*(\\w+))?");

  private RuleParser() {}

  public static List<Constraint> parseAll(List<PersonRule> rules) {
    return rules.stream().map(RuleParser::parse).toList();
  }

  /** Parses one rule or throws an error listing the understood forms. */
  public static Constraint parse(PersonRule rule) {
    String text = rule.text().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m;
    if ((m = NEVER.matcher(text)).matches()) {
      String word = m.group(1);
      // Whether an option mentions the word never changes: remember it per option object.
      Map<Option, Boolean> memo = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
      return constraint(rule, (o, s) -> memo.computeIfAbsent(o, x -> Words.mentions(x, word))
          ? Optional.of(o.name() + " involves '" + word + "'") : Optional.empty());
    }
    if ((m = MAX_MINUTES.matcher(text)).matches()) {
      int max = minutes(rule, m.group(1));
      Set<DayOfWeek> days = days(rule, m.group(2));
      return constraint(rule, (o, s) -> days.contains(s.at().getDayOfWeek()) && o.minutes() > max
          ? Optional.of(o.name() + " takes " + o.minutes() + " min, over " + max + " on " + s.at().getDayOfWeek().toString().toLowerCase(Locale.ROOT))
          : Optional.empty());
    }
    if ((m = MAX_EFFORT.matcher(text)).matches()) {
      double max = Double.parseDouble(m.group(1));
      return constraint(rule, (o, s) -> o.effort() > max ? Optional.of(o.name() + " has effort " + o.effort() + ", over " + max) : Optional.empty());
    }
    if ((m = MAX_COST.matcher(text)).matches()) {
      double max = Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
      return constraint(rule, (o, s) -> o.cost() > max ? Optional.of(o.name() + " costs " + o.cost() + ", over " + max) : Optional.empty());
    }
    if ((m = NO_PLACE.matcher(text)).matches()) {
      Place place = Place.fromCode(m.group(1));
      Set<DayOfWeek> days = days(rule, m.group(2));
      String weather = m.group(3);
      return constraint(rule, (o, s) -> {
        boolean applies = days.contains(s.at().getDayOfWeek())
            && (weather == null || weather.equals(s.stated("weather", "").toLowerCase(Locale.ROOT)));
        return applies && o.place() == place ? Optional.of(o.name() + " is " + place.code()) : Optional.empty();
      });
    }
    throw new InvalidInputException("cannot understand rule '" + rule.text() + "'; rules look like: " + FORMS);
  }

  /** The N of "max N minutes"; more digits than an int holds is the person's error, not ours. */
  private static int minutes(PersonRule rule, String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      throw new InvalidInputException("rule '" + rule.text() + "': " + digits + " minutes is too many; use at most "
          + Integer.MAX_VALUE);
    }
  }

  private static Set<DayOfWeek> days(PersonRule rule, String words) {
    if (words == null || words.equals("all") || words.equals("everyday")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    switch (words) {
      case "weekdays":
      case "weekday":
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      case "weekends":
      case "weekend":
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      default:
        for (DayOfWeek d : DayOfWeek.values()) {
          String name = d.name().toLowerCase(Locale.ROOT);
          if (words.equals(name) || words.equals(name + "s")) {
            return EnumSet.of(d);
          }
        }
        throw new InvalidInputException("rule '" + rule.text() + "': unknown days '" + words + "'; use weekdays, weekends or a day name");
    }
  }

  private interface Check {
    Optional<String> violation(Option option, Situation situation);
  }

  private static Constraint constraint(PersonRule rule, Check check) {
    return new Constraint() {
      @Override
      public PersonRule rule() {
        return rule;
      }

      @Override
      public Optional<String> violation(Option option, Situation situation) {
        return check.violation(option, situation);
      }

      @Override
      public String toString() {
        return "Constraint[" + rule.text() + "]";
      }
    };
  }
}
