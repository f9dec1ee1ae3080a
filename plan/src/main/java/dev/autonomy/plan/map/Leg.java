package dev.autonomy.plan.map;

import dev.autonomy.core.Requires;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A route on the map.
 *
 * @param meters its length
 * @param seconds walking (or riding) time by the profile's speeds
 * @param ascendMeters total climb, or NaN when the map has no elevation
 * @param points its geometry, start first
 * @param segments the graph edges it runs along, in order, with the metres on each
 */
public record Leg(double meters, double seconds, double ascendMeters, List<LatLon> points, List<Segment> segments) {
  public Leg {
    Requires.nonNegative(meters, "meters");
    Requires.nonNegative(seconds, "seconds");
    points = List.copyOf(points);
    segments = List.copyOf(segments);
  }

  /** One stretch of a route along one graph edge. */
  public record Segment(int edgeId, double meters) {}

  /**
   * Share of the length (0..1) that runs along an edge the route already used earlier: 0 for a
   * clean loop, 0.5 for an out-and-back.
   */
  public double repeatedShare() {
    Set<Integer> seen = new HashSet<>();
    double repeated = 0;
    double total = 0;
    for (Segment s : segments) {
      total += s.meters();
      if (!seen.add(s.edgeId())) {
        repeated += s.meters();
      }
    }
    return total <= 0 ? 0 : repeated / total;
  }
}
