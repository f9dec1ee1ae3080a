package dev.autonomy.plan.trip;

import dev.autonomy.plan.map.LatLon;
import java.time.LocalTime;
import java.util.List;

/**
 * A planned walking trip: places in visiting order, back at the start within the budget.
 *
 * @param map the map's name
 * @param start start and end point
 * @param stops the places, in order
 * @param walkMinutes total walking, including the walk back
 * @param visitMinutes total time at the places
 * @param budgetMinutes the time available
 * @param returnWalkMinutes walking from the last stop back to the start
 * @param back when the person is back at the start
 * @param bound which constraint stopped the trip from taking more places
 * @param candidates how many candidate places the solver chose from
 * @param solver which solver chose the places and order
 * @param seed the solver's seed
 */
public record Trip(
    String map,
    LatLon start,
    List<TripStop> stops,
    double walkMinutes,
    double visitMinutes,
    double budgetMinutes,
    double returnWalkMinutes,
    LocalTime back,
    String bound,
    int candidates,
    String solver,
    long seed) {
  public Trip {
    stops = List.copyOf(stops);
  }

  /** Walking plus visits. */
  public double totalMinutes() {
    return walkMinutes + visitMinutes;
  }
}
