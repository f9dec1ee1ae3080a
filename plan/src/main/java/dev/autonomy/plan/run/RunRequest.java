package dev.autonomy.plan.run;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Mode;

/**
 * A loop to run (or ride).
 *
 * @param start where it starts and ends
 * @param km the distance wanted, 0.2..200 km
 * @param mode foot or bike
 * @param seed same seed, same loop
 * @param attempts how many directions to try (each with a few distance corrections)
 */
public record RunRequest(LatLon start, double km, Mode mode, long seed, int attempts) {
  public RunRequest {
    Requires.nonNull(start, "start");
    if (!(km >= 0.2 && km <= 200)) {
      throw new InvalidInputException("km must be in [0.2, 200], was " + km);
    }
    Requires.nonNull(mode, "mode");
    Requires.positive(attempts, "attempts");
  }

  public static RunRequest of(LatLon start, double km, long seed) {
    return new RunRequest(start, km, Mode.FOOT, seed, 12);
  }
}
