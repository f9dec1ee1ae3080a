package dev.autonomy.plan.week;

import dev.autonomy.core.Requires;
import java.util.List;

/**
 * What a week plan is made from.
 *
 * @param candidates the sessions that may be placed (at least one)
 * @param satisfaction {@code satisfaction[day][k]}: predicted satisfaction (0..1) of candidate k on
 *     day (0 = Monday)
 * @param freeMinutes free minutes per day, Monday first (7 values)
 * @param rules the person's hard rules
 * @param fourWeekAverageLoad average weekly load (minutes x effort) over the last four weeks; 0 or
 *     less when there is no history, and then no load cap applies
 */
public record WeekInput(
    List<SessionCandidate> candidates, double[][] satisfaction, int[] freeMinutes, List<Rule> rules, double fourWeekAverageLoad) {
  /** A week's load may rise at most this share over the four-week average. */
  public static final double LOAD_RISE = 0.10;

  public WeekInput {
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
    Requires.nonNull(satisfaction, "satisfaction");
    if (satisfaction.length != 7) {
      throw new IllegalArgumentException("satisfaction must have 7 rows (days), had " + satisfaction.length);
    }
    double[][] copy = new double[7][];
    for (int d = 0; d < 7; d++) {
      if (satisfaction[d].length != candidates.size()) {
        throw new IllegalArgumentException("satisfaction[" + d + "] must have " + candidates.size() + " values, had " + satisfaction[d].length);
      }
      for (int k = 0; k < satisfaction[d].length; k++) {
        Requires.finite(satisfaction[d][k], "satisfaction[" + d + "][" + k + "]");
      }
      copy[d] = satisfaction[d].clone();
    }
    satisfaction = copy;
    Requires.nonNull(freeMinutes, "freeMinutes");
    if (freeMinutes.length != 7) {
      throw new IllegalArgumentException("freeMinutes must have 7 values, had " + freeMinutes.length);
    }
    for (int d = 0; d < 7; d++) {
      Requires.nonNegative(freeMinutes[d], "freeMinutes[" + d + "]");
    }
    freeMinutes = freeMinutes.clone();
    rules = List.copyOf(rules);
    Requires.finite(fourWeekAverageLoad, "fourWeekAverageLoad");
  }

  /** The most load the week may carry, or infinity without history. */
  public double loadCap() {
    return fourWeekAverageLoad > 0 ? fourWeekAverageLoad * (1 + LOAD_RISE) : Double.POSITIVE_INFINITY;
  }

  @Override
  public double[][] satisfaction() {
    double[][] copy = new double[7][];
    for (int d = 0; d < 7; d++) {
      copy[d] = satisfaction[d].clone();
    }
    return copy;
  }

  @Override
  public int[] freeMinutes() {
    return freeMinutes.clone();
  }

  double satisfaction(int day, int candidate) {
    return satisfaction[day][candidate];
  }

  int free(int day) {
    return freeMinutes[day];
  }
}
