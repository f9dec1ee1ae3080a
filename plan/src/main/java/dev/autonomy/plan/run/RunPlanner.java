package dev.autonomy.plan.run;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Leg;
import dev.autonomy.plan.map.OsmMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Finds a loop of about the requested distance that repeats few streets. Candidates come from two
 * generators, each tried in several seeded directions: GraphHopper's round trip (which avoids
 * edges it already used) and a loop through three waypoints on a circle through the start. Each
 * candidate's requested size is corrected up to three times by the ratio of target to measured length; the
 * loop with the lowest {@code |length - target| / target + 0.3 * repeatedShare} wins, preferring
 * loops within the tolerance.
 */
public final class RunPlanner {
  private static final int CORRECTIONS = 4;
  private static final double REPEAT_WEIGHT = 0.3;
  /** Road distance over straight-line distance, a first guess for sizing the waypoint circle. */
  private static final double DETOUR = 1.25;

  private final OsmMap map;

  public RunPlanner(OsmMap map) {
    this.map = map;
  }

  /**
   * Plans the loop.
   *
   * @throws InvalidInputException if the start is off the map or no loop can be routed from it
   */
  public RunLoop plan(RunRequest request) {
    map.requireOnMap(request.start(), "start");
    double target = request.km() * 1000;
    SplittableRandom random = new SplittableRandom(request.seed());
    Candidate best = null;
    int tried = 0;
    InvalidInputException lastFailure = null;
    for (int attempt = 0; attempt < request.attempts(); attempt++) {
      double bearing = random.nextDouble(360);
      long ghSeed = random.nextLong();
      for (String method : List.of("round trip", "waypoints")) {
        double scale = 1.0;
        for (int c = 0; c < CORRECTIONS; c++) {
          Leg leg;
          try {
            leg = method.equals("round trip")
                ? map.roundTrip(request.mode(), request.start(), target * scale, ghSeed, bearing)
                : waypointLoop(request, target * scale, bearing);
          } catch (InvalidInputException e) {
            lastFailure = e;
            break;
          }
          tried++;
          if (leg.meters() <= 0) {
            break;
          }
          Candidate candidate = new Candidate(leg, method, target);
          if (best == null || candidate.betterThan(best)) {
            best = candidate;
          }
          scale = Math.max(0.3, Math.min(3.0, scale * target / leg.meters()));
        }
      }
    }
    if (best == null) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "no loop can be routed from %s on the map '%s'%s", request.start(), map.name(),
          lastFailure == null ? "" : ": " + lastFailure.getMessage()));
    }
    Leg leg = best.leg;
    return new RunLoop(map.name(), request.start(), target, leg.meters(), leg.ascendMeters(),
        leg.repeatedShare(), leg.points(), best.method, tried, request.seed());
  }

  /** Start, three points on a circle through the start (centre towards {@code bearing}), start. */
  private Leg waypointLoop(RunRequest request, double meters, double bearing) {
    double radius = meters / (2 * Math.PI * DETOUR);
    LatLon centre = request.start().move(radius, bearing);
    double back = (bearing + 180) % 360;
    List<LatLon> points = new ArrayList<>();
    points.add(request.start());
    for (int k = 1; k <= 3; k++) {
      points.add(centre.move(radius, back + 90.0 * k));
    }
    points.add(request.start());
    return map.route(request.mode(), points);
  }

  private static final class Candidate {
    final Leg leg;
    final String method;
    final double error;
    final double score;

    Candidate(Leg leg, String method, double target) {
      this.leg = leg;
      this.method = method;
      this.error = Math.abs(leg.meters() - target) / target;
      this.score = error + REPEAT_WEIGHT * leg.repeatedShare();
    }

    boolean betterThan(Candidate other) {
      boolean inside = error <= RunLoop.TOLERANCE;
      boolean otherInside = other.error <= RunLoop.TOLERANCE;
      if (inside != otherInside) {
        return inside;
      }
      return score < other.score;
    }
  }
}
