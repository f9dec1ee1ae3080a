package dev.autonomy.solve.tsp;

/**
 * A symmetric TSP instance: {@code dimension} cities numbered 0..n-1 (TSPLIB numbers them from 1)
 * and the TSPLIB distance between any two. Immutable.
 */
public final class TspInstance {
  private final String name;
  private final EdgeWeightType type;
  private final int dimension;
  private final double[] x;
  private final double[] y;
  private final int[] matrix;

  private TspInstance(String name, EdgeWeightType type, double[] x, double[] y, int[] matrix, int n) {
    this.name = name;
    this.type = type;
    this.dimension = n;
    this.x = x;
    this.y = y;
    this.matrix = matrix;
  }

  /** An instance from coordinates, with one of the coordinate distance types. */
  static TspInstance ofCoordinates(String name, EdgeWeightType type, double[] x, double[] y) {
    if (type == null || type == EdgeWeightType.EXPLICIT) {
      throw new IllegalArgumentException("type must be a coordinate type, was " + type);
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, were " + x.length + " and " + y.length);
    }
    if (x.length < 1) {
      throw new IllegalArgumentException("an instance needs at least 1 city, had 0");
    }
    double[] cx = x.clone();
    double[] cy = y.clone();
    for (int i = 0; i < cx.length; i++) {
      if (!Double.isFinite(cx[i]) || !Double.isFinite(cy[i])) {
        throw new IllegalArgumentException("coordinates of city " + (i + 1) + " must be finite");
      }
      if (type == EdgeWeightType.GEO) {
        cx[i] = EdgeWeightType.geoRadians(cx[i]);
        cy[i] = EdgeWeightType.geoRadians(cy[i]);
      }
    }
    return new TspInstance(name, type, cx, cy, null, cx.length);
  }

  /** An instance from a full symmetric n x n matrix, row by row. */
  static TspInstance ofMatrix(String name, int n, int[] fullMatrix) {
    if (n < 1) {
      throw new IllegalArgumentException("an instance needs at least 1 city, had " + n);
    }
    if (fullMatrix.length != n * n) {
      throw new IllegalArgumentException(
          "matrix must have n*n = " + n * n + " entries, had " + fullMatrix.length);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (fullMatrix[i * n + j] < 0) {
          throw new IllegalArgumentException(
              "distance from " + (i + 1) + " to " + (j + 1) + " must be >= 0, was " + fullMatrix[i * n + j]);
        }
        if (fullMatrix[i * n + j] != fullMatrix[j * n + i]) {
          throw new IllegalArgumentException(
              "matrix must be symmetric, but d(" + (i + 1) + "," + (j + 1) + ") = " + fullMatrix[i * n + j]
                  + " and d(" + (j + 1) + "," + (i + 1) + ") = " + fullMatrix[j * n + i]);
        }
      }
    }
    return new TspInstance(name, EdgeWeightType.EXPLICIT, null, null, fullMatrix.clone(), n);
  }

  public String name() {
    return name;
  }

  public EdgeWeightType edgeWeightType() {
    return type;
  }

  public int dimension() {
    return dimension;
  }

  /** TSPLIB distance between cities {@code i} and {@code j} (0-based). */
  public int distance(int i, int j) {
    if (matrix != null) {
      return matrix[i * dimension + j];
    }
    return type.distance(x[i], y[i], x[j], y[j]);
  }

  /** Length of the closed tour visiting {@code order} (0-based cities) and returning to the first. */
  public long tourLength(int[] order) {
    long length = 0;
    for (int k = 0; k < order.length; k++) {
      length += distance(order[k], order[(k + 1) % order.length]);
    }
    return length;
  }

  /**
   * Checks that {@code order} is a permutation of 0..n-1 and returns its length.
   *
   * @throws IllegalArgumentException naming the first problem found
   */
  public long verifiedLength(int[] order) {
    if (order.length != dimension) {
      throw new IllegalArgumentException(
          "tour must visit " + dimension + " cities, visits " + order.length);
    }
    boolean[] seen = new boolean[dimension];
    for (int k = 0; k < order.length; k++) {
      int c = order[k];
      if (c < 0 || c >= dimension) {
        throw new IllegalArgumentException("tour position " + k + ": city " + c + " is out of range");
      }
      if (seen[c]) {
        throw new IllegalArgumentException("tour position " + k + ": city " + c + " is visited twice");
      }
      seen[c] = true;
    }
    return tourLength(order);
  }

  @Override
  public String toString() {
    return "TspInstance[" + name + ", " + type + ", n=" + dimension + "]";
  }
}
