package dev.autonomy.plan.map;

import java.util.List;

/**
 * Travel times and lengths between points, by repeated routing; unreachable pairs are infinite.
 *
 * @param points the points, in the order of the rows and columns
 * @param seconds {@code seconds[i][j]}: time from point i to point j
 * @param meters {@code meters[i][j]}: length from point i to point j
 */
public record TravelMatrix(List<LatLon> points, double[][] seconds, double[][] meters) {
  public TravelMatrix {
    points = List.copyOf(points);
    if (seconds.length != points.size() || meters.length != points.size()) {
      throw new IllegalArgumentException(
          "matrix must be " + points.size() + " x " + points.size() + ", was " + seconds.length + " rows");
    }
  }

  public int size() {
    return points.size();
  }
}
