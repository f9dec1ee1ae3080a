package dev.autonomy.plan.trip;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.plan.map.LatLon;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a walking day out should fit.
 *
 * @param start where the person starts and comes back to
 * @param budget the whole time out: walking plus visits
 * @param startAt the time of day they leave
 * @param desireWeights how much each desire counts (the engine passes the person's intensities)
 * @param maxPlaces at most this many candidate places go to the solver (the best by score and
 *     distance)
 * @param seed the solver's seed: same seed, same trip
 * @param solverTime the solver's time limit
 */
public record TripRequest(
    LatLon start,
    Duration budget,
    LocalTime startAt,
    Map<DesireType, Double> desireWeights,
    int maxPlaces,
    long seed,
    Duration solverTime) {

  /** Explore-heavy weights for when the engine has not said: explore 0.7, move 0.2, rest 0.1. */
  public static final Map<DesireType, Double> DEFAULT_WEIGHTS =
      Map.of(DesireType.EXPLORE, 0.7, DesireType.MOVE, 0.2, DesireType.REST, 0.1);

  public TripRequest {
    Requires.nonNull(start, "start");
    Requires.nonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new InvalidInputException("budget must be > 0, was " + budget);
    }
    Requires.nonNull(startAt, "startAt");
    EnumMap<DesireType, Double> weights = new EnumMap<>(DesireType.class);
    for (DesireType type : DesireType.values()) {
      double w = desireWeights.getOrDefault(type, 0.0);
      Requires.nonNegative(w, "desireWeights[" + type.code() + "]");
      weights.put(type, w);
    }
    if (weights.values().stream().allMatch(w -> w == 0)) {
      throw new InvalidInputException("desireWeights must have at least one weight > 0");
    }
    desireWeights = Map.copyOf(weights);
    Requires.positive(maxPlaces, "maxPlaces");
    Requires.nonNull(solverTime, "solverTime");
  }

  /** A request with the default weights, 10:00 start, 35 candidates and a 2 s solver. */
  public static TripRequest of(LatLon start, Duration budget, long seed) {
    return new TripRequest(start, budget, LocalTime.of(10, 0), DEFAULT_WEIGHTS, 35, seed, Duration.ofSeconds(2));
  }
}
