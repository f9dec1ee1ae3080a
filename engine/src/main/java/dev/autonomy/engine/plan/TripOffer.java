package dev.autonomy.engine.plan;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.plan.trip.Trip;
import dev.autonomy.plan.trip.TripRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A walking trip planned under the person's rules and offered as a recommendation.
 *
 * @param trip the planned trip
 * @param offered the logged recommendation ({@code why} and {@code feedback} take its id)
 * @param removedByRule for each rule that removed places ("r1 "never museum""), the names of the
 *     places it removed before the solver saw the map; empty when no rule removed any
 */
public record TripOffer(Trip trip, Recommendation offered, Map<String, List<String>> removedByRule) {
  public TripOffer {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    removedByRule.forEach((rule, names) -> copy.put(rule, List.copyOf(names)));
    removedByRule = java.util.Collections.unmodifiableMap(copy);
  }

  /** The whole trip as one option: an outdoor walk serving explore, as long as the trip takes (walk back included). */
  public static Option asOption(Trip trip) {
    return option(Math.round(trip.budgetMinutes()), String.format(Locale.ROOT, "Walking trip of %.1f h on %s: %d places",
        trip.budgetMinutes() / 60, trip.map(), trip.stops().size()), (int) Math.round(trip.totalMinutes()));
  }

  /**
   * The trip as asked, before any place is chosen, for checking rules that refuse any trip ("no
   * outdoor", "never walk"). Its length is not known yet, so it counts 0 minutes here; the planned
   * trip is checked again with its real length.
   */
  public static Option asOption(TripRequest request) {
    long budget = request.budget().toMinutes();
    return option(budget, String.format(Locale.ROOT, "Walking trip of %.1f h", budget / 60.0), 0);
  }

  private static Option option(long budgetMinutes, String name, int minutes) {
    return new Option("walking-trip-" + budgetMinutes + "min", name, DesireType.EXPLORE,
        dev.autonomy.core.option.Place.OUTDOOR, minutes, 3, 0, "walk", Set.of("plan", "trip"));
  }

  /** One line for the explanation: what the trip holds and how much of the time it uses. */
  public static String summary(Trip trip, int removed) {
    return String.format(Locale.ROOT, "%d places chosen by the ant colony for your desire-weighted interests,"
        + " %.0f of %.0f minutes used%s", trip.stops().size(), trip.totalMinutes(),
        trip.budgetMinutes(), removed == 0 ? "" : "; " + removed + " places left out by your rules");
  }
}
