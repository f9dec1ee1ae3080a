package dev.autonomy.bandit.ope;

import java.util.Arrays;

/**
 * The direct method's reward model: ridge regression of the reward on the shown candidate's
 * features plus one level per slot (position effects are large in ranked lists), fitted on a
 * weighted log (bootstrap counts as weights).
 */
final class RidgeRewardModel {
  private final int d;
  private final double[] coefficients;

  private RidgeRewardModel(int d, double[] coefficients) {
    this.d = d;
    this.coefficients = coefficients;
  }

  static RidgeRewardModel fit(PreparedLog log, int[] counts, double lambda) {
    int p = log.d + log.slots;
    double[][] m = new double[p][p];
    double[] v = new double[p];
    for (int i = 0; i < p; i++) {
      m[i][i] = lambda;
    }
    double[] phi = new double[p];
    for (int i = 0; i < log.n; i++) {
      int c = counts[i];
      if (c == 0) {
        continue;
      }
      double[] x = log.features[i][log.action[i]];
      System.arraycopy(x, 0, phi, 0, log.d);
      Arrays.fill(phi, log.d, p, 0);
      phi[log.d + log.slot[i]] = 1;
      for (int r = 0; r < p; r++) {
        double cr = c * phi[r];
        if (cr != 0) {
          double[] row = m[r];
          for (int s = 0; s <= r; s++) {
            row[s] += cr * phi[s];
          }
          v[r] += cr * log.reward[i];
        }
      }
    }
    return new RidgeRewardModel(log.d, solve(m, v));
  }

  /** The predicted reward of candidate features {@code x} at {@code slot}. */
  double predict(double[] x, int slot) {
    double sum = coefficients[d + slot];
    for (int j = 0; j < d; j++) {
      sum += coefficients[j] * x[j];
    }
    return sum;
  }

  /** Solves {@code m v = y} for a symmetric positive definite {@code m} given by its lower triangle. */
  private static double[] solve(double[][] m, double[] y) {
    int p = y.length;
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      double diagonal = m[j][j];
      for (int k = 0; k < j; k++) {
        diagonal -= l[j][k] * l[j][k];
      }
      double root = Math.sqrt(Math.max(diagonal, 1e-300));
      l[j][j] = root;
      for (int i = j + 1; i < p; i++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        l[i][j] = sum / root;
      }
    }
    double[] z = new double[p];
    for (int i = 0; i < p; i++) {
      double sum = y[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    double[] v = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < p; k++) {
        sum -= l[k][i] * v[k];
      }
      v[i] = sum / l[i][i];
    }
    return v;
  }
}
