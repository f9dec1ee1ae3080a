package dev.autonomy.engine.context;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The limits a person states with the context: a {@code budget} and {@code free_minutes}. They are
 * hard unless the person says {@code limits=soft}: an option that costs more or takes longer is not
 * shown; with soft limits it is shown, scored down. Values are checked as {@link StatedContext}
 * checks them, so a situation built by hand is held to the same rules as one typed.
 *
 * @param budget the most the person will spend, when stated
 * @param freeMinutes the minutes the person has, when stated
 * @param soft whether an option over a limit is scored down rather than left out
 */
public record StatedLimits(OptionalDouble budget, OptionalInt freeMinutes, boolean soft) {
  public static final String BUDGET = "budget";
  public static final String FREE_MINUTES = "free_minutes";
  public static final String LIMITS = "limits";

  /** No limit stated. */
  public static final StatedLimits NONE = new StatedLimits(OptionalDouble.empty(), OptionalInt.empty(), false);

  /** The limits stated in a situation; a bad value is the person's error, named like a typed one. */
  public static StatedLimits of(Situation situation) {
    Map<String, String> stated = situation.stated();
    String budget = stated.get(BUDGET);
    String free = stated.get(FREE_MINUTES);
    String limits = stated.get(LIMITS);
    return new StatedLimits(
        budget == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(StatedContext.check(BUDGET, budget))),
        free == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(StatedContext.check(FREE_MINUTES, free))),
        limits != null && StatedContext.check(LIMITS, limits).equals("soft"));
  }

  /** Whether a budget or free minutes were stated. */
  public boolean any() {
    return budget.isPresent() || freeMinutes.isPresent();
  }

  /** The stated limits as the person reads them, in the order budget, free_minutes ("budget" -> "20"). */
  public Map<String, String> stated() {
    Map<String, String> out = new LinkedHashMap<>();
    budget.ifPresent(b -> out.put(BUDGET, StatedContext.plain(b)));
    freeMinutes.ifPresent(m -> out.put(FREE_MINUTES, Integer.toString(m)));
    return out;
  }

  /** How many stated limits the option is over (0, 1 or 2); cheap, for scoring every option. */
  public int overCount(Option option) {
    int n = 0;
    if (budget.isPresent() && option.cost() > budget.getAsDouble()) {
      n++;
    }
    if (freeMinutes.isPresent() && option.minutes() > freeMinutes.getAsInt()) {
      n++;
    }
    return n;
  }

  /**
   * Each stated limit the option is over, key to reason in the person's words
   * ({@code "budget" -> "costs 25 > budget 20"}); empty when it is within all of them.
   */
  public Map<String, String> over(Option option) {
    Map<String, String> out = new LinkedHashMap<>();
    if (budget.isPresent() && option.cost() > budget.getAsDouble()) {
      out.put(BUDGET, "costs " + StatedContext.plain(option.cost()) + " > budget " + StatedContext.plain(budget.getAsDouble()));
    }
    if (freeMinutes.isPresent() && option.minutes() > freeMinutes.getAsInt()) {
      out.put(FREE_MINUTES, "takes " + option.minutes() + " min > free_minutes " + freeMinutes.getAsInt());
    }
    return out;
  }
}
