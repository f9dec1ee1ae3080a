package dev.autonomy.plan.map;

import dev.autonomy.core.InvalidInputException;
import java.util.Locale;

/**
 * A point on the earth, in degrees (WGS 84).
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
public record LatLon(double lat, double lon) {
  private static final double EARTH_RADIUS_M = 6_371_000.0;

  public LatLon {
    if (!(lat >= -90 && lat <= 90)) {
      throw new InvalidInputException("lat must be in [-90, 90], was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new InvalidInputException("lon must be in [-180, 180], was " + lon);
    }
  }

  /** Parses {@code "43.7384,7.4246"}; {@code what} names the option for the error message. */
  public static LatLon parse(String text, String what) {
    String[] parts = text == null ? new String[0] : text.split(",");
    if (parts.length != 2) {
      throw new InvalidInputException(
          what + ": expected LAT,LON in degrees (e.g. 43.7384,7.4246), was '" + text + "'");
    }
    try {
      return new LatLon(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          what + ": expected two decimal numbers LAT,LON, was '" + text + "'");
    } catch (InvalidInputException e) {
      throw new InvalidInputException(what + ": " + e.getMessage());
    }
  }

  /** Great-circle distance in metres (haversine). */
  public double metersTo(LatLon other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** The point {@code meters} away in direction {@code bearingDegrees} (0 = north, 90 = east). */
  public LatLon move(double meters, double bearingDegrees) {
    double d = meters / EARTH_RADIUS_M;
    double b = Math.toRadians(bearingDegrees);
    double la1 = Math.toRadians(lat);
    double lo1 = Math.toRadians(lon);
    double la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(b));
    double lo2 =
        lo1
            + Math.atan2(
                Math.sin(b) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
    double lonDeg = ((Math.toDegrees(lo2) + 540) % 360) - 180;
    return new LatLon(Math.toDegrees(la2), lonDeg);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.6f,%.6f", lat, lon);
  }
}
