package dev.autonomy.bandit;

/** The few dense operations the models need, on row-major {@code double[][]}; package-private. */
final class Matrices {
  private Matrices() {}

  static double[][] scaledIdentity(int d, double value) {
    double[][] m = new double[d][d];
    for (int i = 0; i < d; i++) {
      m[i][i] = value;
    }
    return m;
  }

  static double[][] copy(double[][] m) {
    double[][] copy = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      copy[i] = m[i].clone();
    }
    return copy;
  }

  /**
   * {@code a . b} with four partial sums: Java keeps floating-point additions in order, so one
   * accumulator makes every addition wait for the previous one; four independent chains run about
   * three times faster at d = 128 (ranking is O(n d^2) of these).
   */
  static double dot(double[] a, double[] b) {
    int n = a.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code a[offset..offset+n) . b[0..n)} with four partial sums, as {@link #dot(double[], double[])}. */
  static double dot(double[] a, int offset, double[] b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[offset + i] * b[i];
      s1 += a[offset + i + 1] * b[i + 1];
      s2 += a[offset + i + 2] * b[i + 2];
      s3 += a[offset + i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[offset + i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code out = m v} for a flat row-major square {@code m} of side {@code v.length}. */
  static void multiply(double[] m, double[] v, double[] out) {
    int n = v.length;
    for (int i = 0; i < n; i++) {
      out[i] = dot(m, i * n, v, n);
    }
  }

  /** {@code x^T m x} for a flat row-major symmetric {@code m} of side {@code n}. */
  static double quadratic(double[] m, int n, double[] x) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      if (xi != 0) {
        sum += xi * dot(m, i * n, x, n);
      }
    }
    return sum;
  }

  /** The rows of {@code m} laid end to end. */
  static double[] flatten(double[][] m) {
    int columns = m.length == 0 ? 0 : m[0].length;
    double[] flat = new double[m.length * columns];
    for (int i = 0; i < m.length; i++) {
      System.arraycopy(m[i], 0, flat, i * columns, columns);
    }
    return flat;
  }

  /** The {@code d x d} matrix whose rows lie end to end in {@code flat}. */
  static double[][] unflatten(double[] flat, int d) {
    double[][] m = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(flat, i * d, m[i], 0, d);
    }
    return m;
  }

  /** {@code out = m v}. */
  static void multiply(double[][] m, double[] v, double[] out) {
    for (int i = 0; i < m.length; i++) {
      out[i] = dot(m[i], v);
    }
  }

  static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[m.length];
    multiply(m, v, out);
    return out;
  }

  /** {@code out = m^T v}. */
  static double[] multiplyTransposed(double[][] m, double[] v) {
    int columns = m.length == 0 ? 0 : m[0].length;
    double[] out = new double[columns];
    for (int i = 0; i < m.length; i++) {
      double vi = v[i];
      if (vi != 0) {
        double[] row = m[i];
        for (int j = 0; j < columns; j++) {
          out[j] += row[j] * vi;
        }
      }
    }
    return out;
  }

  /** {@code x^T m x} for a symmetric {@code m}. */
  static double quadratic(double[][] m, double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      if (xi != 0) {
        sum += xi * dot(m[i], x);
      }
    }
    return sum;
  }

  /** {@code m += scale u v^T}. */
  static void addOuter(double[][] m, double scale, double[] u, double[] v) {
    for (int i = 0; i < u.length; i++) {
      double su = scale * u[i];
      if (su != 0) {
        double[] row = m[i];
        for (int j = 0; j < v.length; j++) {
          row[j] += su * v[j];
        }
      }
    }
  }

  /**
   * {@code m += scale u u^T} for a symmetric {@code m}, keeping it exactly symmetric: with {@code w =
   * sqrt(|scale|) u} every entry gets {@code +- w_i w_j}, and floating-point multiplication is
   * commutative, so entries {@code (i, j)} and {@code (j, i)} receive the same bits. Rows are swept
   * in order, which is what keeps large matrices fast.
   */
  static void addSymmetricOuter(double[][] m, double scale, double[] u) {
    addSymmetricOuter(m, scale, u, new double[u.length]);
  }

  /** {@link #addSymmetricOuter(double[][], double, double[])} with {@code w} as scratch space. */
  static void addSymmetricOuter(double[][] m, double scale, double[] u, double[] w) {
    double root = Math.sqrt(Math.abs(scale));
    double sign = Math.signum(scale);
    int n = u.length;
    for (int i = 0; i < n; i++) {
      w[i] = root * u[i];
    }
    for (int i = 0; i < n; i++) {
      double wi = sign * w[i];
      if (wi != 0) {
        double[] row = m[i];
        for (int j = 0; j < n; j++) {
          row[j] += wi * w[j];
        }
      }
    }
  }

  /**
   * Replaces {@code m} by {@code (m + m^T) / 2}: repeated rank-one updates of an inverse drift
   * apart in the last bits, and an asymmetric "covariance" can give a negative variance.
   */
  static void symmetrise(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < i; j++) {
        double mean = 0.5 * (m[i][j] + m[j][i]);
        m[i][j] = mean;
        m[j][i] = mean;
      }
    }
  }

  /** Checks a saved matrix: {@code rows x columns}, every entry finite. */
  static double[][] requireShape(double[][] m, int rows, int columns, String field) {
    if (m == null || m.length != rows) {
      throw new IllegalArgumentException(field + " must have " + rows + " rows, had " + (m == null ? "none" : m.length));
    }
    for (int i = 0; i < rows; i++) {
      if (m[i] == null || m[i].length != columns) {
        throw new IllegalArgumentException(field + "[" + i + "] must have " + columns + " columns, had "
            + (m[i] == null ? "none" : m[i].length));
      }
      for (int j = 0; j < columns; j++) {
        if (!Double.isFinite(m[i][j])) {
          throw new IllegalArgumentException(field + "[" + i + "][" + j + "] must be finite, was " + m[i][j]);
        }
      }
    }
    return copy(m);
  }

  /** Checks a saved vector: {@code length} finite entries. */
  static double[] requireLength(double[] v, int length, String field) {
    if (v == null || v.length != length) {
      throw new IllegalArgumentException(field + " must have " + length + " entries, had " + (v == null ? "none" : v.length));
    }
    for (int i = 0; i < length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(field + "[" + i + "] must be finite, was " + v[i]);
      }
    }
    return v.clone();
  }
}
