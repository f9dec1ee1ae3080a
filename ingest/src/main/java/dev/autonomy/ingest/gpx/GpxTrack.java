package dev.autonomy.ingest.gpx;

import dev.autonomy.core.Requires;
import java.time.Instant;
import java.util.Optional;

/**
 * What one GPX track or route adds up to; the points themselves are never kept.
 *
 * @param name the track's name, "" when it has none
 * @param type the track's type ("running"), "" when it has none
 * @param route whether it is a {@code <rte>} rather than a {@code <trk>}
 * @param points number of points
 * @param distanceMetres great-circle (haversine) length along the points
 * @param elevationGainMetres ascent with a {@value GpxTracks#ELEVATION_HYSTERESIS_METRES} m hysteresis
 * @param firstTime time of the first timed point, if any
 * @param lastTime time of the last timed point, if any
 */
public record GpxTrack(
    String name,
    String type,
    boolean route,
    int points,
    double distanceMetres,
    double elevationGainMetres,
    Optional<Instant> firstTime,
    Optional<Instant> lastTime) {
  public GpxTrack {
    name = name == null ? "" : name;
    type = type == null ? "" : type;
    Requires.nonNegative(points, "points");
    Requires.nonNegative(distanceMetres, "distanceMetres");
    Requires.nonNegative(elevationGainMetres, "elevationGainMetres");
    Requires.nonNull(firstTime, "firstTime");
    Requires.nonNull(lastTime, "lastTime");
  }

  /** Type if given, else name: what the track was. */
  public String category() {
    return type.isEmpty() ? name : type;
  }
}
