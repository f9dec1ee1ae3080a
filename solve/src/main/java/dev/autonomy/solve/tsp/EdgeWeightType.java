package dev.autonomy.solve.tsp;

/**
 * The TSPLIB 95 distance functions (Reinelt, "TSPLIB 95", section 2), exactly as defined there,
 * integer results included. {@code EXPLICIT} distances come from a matrix in the file.
 */
public enum EdgeWeightType {
  /** Euclidean, rounded to the nearest integer: {@code nint(sqrt(dx^2 + dy^2))}. */
  EUC_2D,
  /** Euclidean, rounded up. */
  CEIL_2D,
  /** Geographical: coordinates are DDD.MM (degrees, minutes), earth radius 6378.388 km. */
  GEO,
  /** Pseudo-Euclidean (the att48 and att532 instances). */
  ATT,
  /** A matrix given in the file's EDGE_WEIGHT_SECTION. */
  EXPLICIT;

  static final double PI = 3.141592;
  static final double RRR = 6378.388;

  /** Distance between two points for the coordinate types; GEO expects radians, see {@link #geoRadians}. */
  int distance(double xi, double yi, double xj, double yj) {
    switch (this) {
      case EUC_2D:
        {
          double dx = xi - xj;
          double dy = yi - yj;
          return (int) (Math.sqrt(dx * dx + dy * dy) + 0.5);
        }
      case CEIL_2D:
        {
          double dx = xi - xj;
          double dy = yi - yj;
          return (int) Math.ceil(Math.sqrt(dx * dx + dy * dy));
        }
      case ATT:
        {
          double dx = xi - xj;
          double dy = yi - yj;
          double r = Math.sqrt((dx * dx + dy * dy) / 10.0);
          int t = (int) (r + 0.5);
          return t < r ? t + 1 : t;
        }
      case GEO:
        {
          // xi, yi are latitude and longitude in radians (see geoRadians).
          double q1 = Math.cos(yi - yj);
          double q2 = Math.cos(xi - xj);
          double q3 = Math.cos(xi + xj);
          return (int) (RRR * Math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
        }
      default:
        throw new IllegalStateException(this + " has no coordinate distance");
    }
  }

  /**
   * TSPLIB's conversion of a DDD.MM coordinate to radians: the integer part is degrees (truncated,
   * as in the reference code), the fraction is minutes.
   */
  static double geoRadians(double coordinate) {
    int deg = (int) coordinate;
    double min = coordinate - deg;
    return PI * (deg + 5.0 * min / 3.0) / 180.0;
  }
}
