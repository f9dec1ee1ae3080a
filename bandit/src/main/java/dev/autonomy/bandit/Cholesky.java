package dev.autonomy.bandit;

import java.util.Arrays;

/**
 * The lower Cholesky factor {@code L} of a symmetric positive definite matrix {@code A = L L^T},
 * kept current under rank-one additions {@code A += x x^T} in O(d^2) each (the classic
 * plane-rotation update, which stays stable because it only ever adds). Thompson sampling needs it
 * to draw {@code N(0, A^-1)} noise: {@code L^T y = e} gives {@code Cov(y) = A^-1}.
 */
final class Cholesky {
  private final int d;
  private final double[][] l;
  /** Scratch for {@link #rankOneUpdate}, so an update allocates nothing. */
  private final double[] work;

  private Cholesky(double[][] l) {
    this.d = l.length;
    this.l = l;
    this.work = new double[d];
  }

  /** The factor of {@code value * I}. */
  static Cholesky scaledIdentity(int d, double value) {
    double[][] l = new double[d][d];
    double root = Math.sqrt(value);
    for (int i = 0; i < d; i++) {
      l[i][i] = root;
    }
    return new Cholesky(l);
  }

  /**
   * Factors {@code a} (only its lower triangle is read).
   *
   * @throws IllegalArgumentException when it is not positive definite, naming the column
   */
  static Cholesky of(double[][] a) {
    int d = a.length;
    double[][] l = new double[d][d];
    for (int j = 0; j < d; j++) {
      if (a[j].length != d) {
        throw new IllegalArgumentException("matrix must be square, row " + j + " has " + a[j].length + " columns, expected " + d);
      }
      double diagonal = a[j][j];
      for (int k = 0; k < j; k++) {
        diagonal -= l[j][k] * l[j][k];
      }
      if (!(diagonal > 0)) {
        throw new IllegalArgumentException("matrix is not positive definite (pivot " + diagonal + " at column " + j + ")");
      }
      double root = Math.sqrt(diagonal);
      l[j][j] = root;
      for (int i = j + 1; i < d; i++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        l[i][j] = sum / root;
      }
    }
    return new Cholesky(l);
  }

  int dimension() {
    return d;
  }

  /** {@code L L^T += x x^T}; {@code x} is not changed. */
  void rankOneUpdate(double[] x) {
    double[] w = work;
    System.arraycopy(x, 0, w, 0, d);
    rotate(0);
  }

  /** {@code L L^T += s^2 e_i e_i^T}: the prior's top-up, one unit direction at a time. */
  void rankOneUpdateOfUnit(int i, double s) {
    double[] w = work;
    Arrays.fill(w, 0);
    w[i] = s;
    rotate(i);
  }

  /** The plane rotations that fold {@code work} (zero before {@code from}) into {@code L}. */
  private void rotate(int from) {
    double[] w = work;
    for (int k = from; k < d; k++) {
      double lkk = l[k][k];
      double r = Math.sqrt(lkk * lkk + w[k] * w[k]);
      double c = r / lkk;
      double s = w[k] / lkk;
      l[k][k] = r;
      for (int i = k + 1; i < d; i++) {
        double lik = (l[i][k] + s * w[i]) / c;
        l[i][k] = lik;
        w[i] = c * w[i] - s * lik;
      }
    }
  }

  /** {@code L *= s}, so that {@code A} becomes {@code s^2 A} (forgetting). */
  void scale(double s) {
    for (int i = 0; i < d; i++) {
      for (int k = 0; k <= i; k++) {
        l[i][k] *= s;
      }
    }
  }

  /** Solves {@code L^T y = e} (back substitution), the draw of {@code N(0, A^-1)} from standard normal {@code e}. */
  double[] solveTransposed(double[] e) {
    double[] y = e.clone();
    for (int i = d - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < d; k++) {
        sum -= l[k][i] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    return y;
  }

  /** Solves {@code A v = y}. */
  double[] solve(double[] y) {
    double[] v = y.clone();
    for (int i = 0; i < d; i++) {
      double sum = v[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * v[k];
      }
      v[i] = sum / l[i][i];
    }
    return solveTransposed(v);
  }

  /** {@code A^-1}, column by column (O(d^3)); for restoring saved state, not for every call. */
  double[][] inverse() {
    double[][] inverse = new double[d][d];
    double[] e = new double[d];
    for (int j = 0; j < d; j++) {
      e[j] = 1;
      double[] column = solve(e);
      e[j] = 0;
      for (int i = 0; i < d; i++) {
        inverse[i][j] = column[i];
      }
    }
    Matrices.symmetrise(inverse);
    return inverse;
  }

  /** {@code L L^T}, for tests. */
  double[][] product() {
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int k = 0; k <= j; k++) {
          sum += l[i][k] * l[j][k];
        }
        a[i][j] = sum;
        a[j][i] = sum;
      }
    }
    return a;
  }
}
