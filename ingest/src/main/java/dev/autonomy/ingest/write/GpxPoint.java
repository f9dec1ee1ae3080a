package dev.autonomy.ingest.write;

import java.time.Instant;

/**
 * One point of a track to write.
 *
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 * @param ele elevation in metres, NaN when unknown
 * @param time when, or null when unknown
 */
public record GpxPoint(double lat, double lon, double ele, Instant time) {
  public GpxPoint {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("lat must be in [-90, 90], was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lon must be in [-180, 180], was " + lon);
    }
    if (Double.isInfinite(ele)) {
      throw new IllegalArgumentException("ele must be finite or NaN, was " + ele);
    }
  }

  public GpxPoint(double lat, double lon) {
    this(lat, lon, Double.NaN, null);
  }
}
