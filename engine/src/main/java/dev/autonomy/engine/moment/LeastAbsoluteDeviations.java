package dev.autonomy.engine.moment;

import java.util.Arrays;

/**
 * Linear regression that minimises the mean absolute error plus a small ridge penalty,
 * {@code sum |y - Xw| + lambda |w|^2}, by iteratively reweighted least squares: each round solves
 * a weighted ridge problem whose weights are {@code 1 / max(|residual|, floor)}. Absolute error is
 * what the desire models are judged by, and it ignores the rare huge hour (a race) that would pull
 * a least-squares fit. Written here because the problem is a dozen inputs and a few thousand rows:
 * a 13x13 solve per round, no library needed.
 */
final class LeastAbsoluteDeviations {
  static final int ROUNDS = 50;
  /** Residuals below this count as this, so a point on the fit does not get an infinite weight. */
  static final double FLOOR = 0.02;

  private LeastAbsoluteDeviations() {}

  /** The weights for rows {@code x} (n x p) and targets {@code y}. */
  static double[] fit(double[][] x, double[] y, double lambda) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("no rows to fit");
    }
    double[] weights = new double[n];
    Arrays.fill(weights, 1.0);
    double[] w = weightedRidge(x, y, weights, lambda);
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < n; i++) {
        weights[i] = 1.0 / Math.max(Math.abs(y[i] - dot(x[i], w)), FLOOR);
      }
      w = weightedRidge(x, y, weights, lambda);
    }
    return w;
  }

  /** The objective the fit minimises (tests check no nearby point scores lower). */
  static double objective(double[][] x, double[] y, double[] w, double lambda) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.abs(y[i] - dot(x[i], w));
    }
    for (double v : w) {
      sum += lambda * v * v;
    }
    return sum;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves (X' W X + lambda I) w = X' W y by Cholesky; the matrix is symmetric positive definite for lambda > 0. */
  private static double[] weightedRidge(double[][] x, double[] y, double[] weights, double lambda) {
    int p = x[0].length;
    double[][] a = new double[p][p];
    double[] b = new double[p];
    for (int i = 0; i < x.length; i++) {
      double wi = weights[i];
      double[] row = x[i];
      for (int j = 0; j < p; j++) {
        double v = wi * row[j];
        if (v == 0) {
          continue;
        }
        b[j] += v * y[i];
        for (int k = 0; k <= j; k++) {
          a[j][k] += v * row[k];
        }
      }
    }
    for (int j = 0; j < p; j++) {
      a[j][j] += lambda;
      for (int k = 0; k < j; k++) {
        a[k][j] = a[j][k];
      }
    }
    return cholesky(a, b);
  }

  private static double[] cholesky(double[][] a, double[] b) {
    int p = b.length;
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > 0)) {
        throw new IllegalStateException("normal equations are not positive definite (lambda too small?)");
      }
      l[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < p; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
    double[] z = new double[p];
    for (int i = 0; i < p; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    double[] w = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < p; k++) {
        s -= l[k][i] * w[k];
      }
      w[i] = s / l[i][i];
    }
    return w;
  }
}
