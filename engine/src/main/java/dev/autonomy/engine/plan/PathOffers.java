package dev.autonomy.engine.plan;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import java.util.List;
import java.util.Optional;

/**
 * Paths on a map offered beside a ranked list, as alternatives the person may take or leave: a
 * running loop and a walking trip, each sized to the free time the person stated. A path one of
 * the person's rules refuses is not offered; {@code refused} says which and why.
 *
 * @param run the running loop, when offered
 * @param trip the walking trip, when offered
 * @param refused one line per path not offered, naming the rule or the reason
 */
public record PathOffers(Optional<RunOffer> run, Optional<TripOffer> trip, List<String> refused) {
  /** Free time assumed when the person states none, in minutes. */
  public static final int DEFAULT_FREE_MINUTES = 60;
  /** Pace used to size a loop from free time: an easy run. */
  public static final double RUN_MINUTES_PER_KM = 6.5;

  public PathOffers {
    refused = List.copyOf(refused);
  }

  /** The free time the situation states, or {@link #DEFAULT_FREE_MINUTES} when it states none. */
  public static double freeMinutes(Situation situation) {
    String stated = situation.stated().get("free_minutes");
    if (stated == null) {
      return DEFAULT_FREE_MINUTES;
    }
    try {
      double minutes = Double.parseDouble(stated);
      if (minutes > 0 && Double.isFinite(minutes)) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // Refused below with the value.
    }
    throw new InvalidInputException("free_minutes: expected a number of minutes above 0, was '" + stated + "'");
  }

  /** The loop's length for {@code freeMinutes}: an easy-paced run, 1 to 20 km. */
  public static double runKm(double freeMinutes) {
    return Math.max(1, Math.min(20, freeMinutes / RUN_MINUTES_PER_KM));
  }

  /** The trip's time for {@code freeMinutes}: at least half an hour, at most eight. */
  public static double tripMinutes(double freeMinutes) {
    return Math.max(30, Math.min(480, freeMinutes));
  }
}
