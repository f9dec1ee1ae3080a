package dev.autonomy.plan.run;

import dev.autonomy.plan.map.LatLon;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A planned loop.
 *
 * @param map the map's name
 * @param start start and end
 * @param targetMeters the distance asked for
 * @param meters the loop's length
 * @param ascendMeters its total climb, or NaN when the map has no elevation
 * @param repeatedShare share of its length on an edge it already ran along (0..1)
 * @param points its geometry, start first and last
 * @param method how it was found ("round trip" or "waypoints")
 * @param candidates how many loops were compared
 * @param seed the seed
 */
public record RunLoop(
    String map,
    LatLon start,
    double targetMeters,
    double meters,
    double ascendMeters,
    double repeatedShare,
    List<LatLon> points,
    String method,
    int candidates,
    long seed) {
  /** The loop may be this far off the requested distance, as a share. */
  public static final double TOLERANCE = 0.10;

  public RunLoop {
    points = List.copyOf(points);
  }

  /** |length - target| / target. */
  public double relativeError() {
    return Math.abs(meters - targetMeters) / targetMeters;
  }

  public boolean withinTolerance() {
    return relativeError() <= TOLERANCE;
  }

  /** The loop as a GPX 1.1 track; {@code created} is written into the metadata. */
  public String toGpx(Instant created) {
    StringBuilder gpx = new StringBuilder();
    gpx.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<gpx version=\"1.1\" creator=\"autonomy\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n")
        .append("  <metadata><name>")
        .append(String.format(Locale.ROOT, "%.1f km loop on %s", meters / 1000, escape(map)))
        .append("</name><copyright author=\"OpenStreetMap contributors\"><license>https://opendatacommons.org/licenses/odbl/</license></copyright><time>")
        .append(created)
        .append("</time></metadata>\n  <trk><name>loop</name><trkseg>\n");
    for (LatLon p : points) {
      gpx.append(String.format(Locale.ROOT, "    <trkpt lat=\"%.7f\" lon=\"%.7f\"/>%n", p.lat(), p.lon()));
    }
    gpx.append("  </trkseg></trk>\n</gpx>\n");
    return gpx.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
