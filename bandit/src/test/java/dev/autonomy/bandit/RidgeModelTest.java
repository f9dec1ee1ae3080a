package dev.autonomy.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RidgeModelTest {
  /** Gauss-Jordan with partial pivoting: an inverse computed without anything from the main code. */
  static double[][] directInverse(double[][] m) {
    int d = m.length;
    double[][] work = new double[d][2 * d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(m[i], 0, work[i], 0, d);
      work[i][d + i] = 1;
    }
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(work[r][col]) > Math.abs(work[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = work[col];
      work[col] = work[pivot];
      work[pivot] = tmp;
      double p = work[col][col];
      for (int j = 0; j < 2 * d; j++) {
        work[col][j] /= p;
      }
      for (int r = 0; r < d; r++) {
        if (r != col) {
          double f = work[r][col];
          for (int j = 0; j < 2 * d; j++) {
            work[r][j] -= f * work[col][j];
          }
        }
      }
    }
    double[][] inverse = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(work[i], d, inverse[i], 0, d);
    }
    return inverse;
  }

  static double[] randomVector(SplittableRandom random, int d, double scale) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = scale * (2 * random.nextDouble() - 1);
    }
    return x;
  }

  @Property(tries = 50)
  void shermanMorrison_agreesWithADirectInverse(@ForAll @IntRange(min = 1, max = 12) int d,
      @ForAll @IntRange(min = 0, max = 200) int updates, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RidgeModel model = new RidgeModel(new Prior(randomVector(random, d, 1), 0.5 + random.nextDouble()));
    for (int t = 0; t < updates; t++) {
      model.update(randomVector(random, d, 3), random.nextDouble());
    }
    double[][] expected = directInverse(model.a());
    double[][] actual = model.aInverse();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertThat(actual[i][j]).as("A^-1[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-9 * (1 + Math.abs(expected[i][j]))));
      }
    }
    // theta is the ridge solution A^-1 b, however it was reached.
    double[] theta = Matrices.multiply(expected, model.b());
    assertThat(model.theta()).containsExactly(theta, within(1e-8));
  }

  /**
   * The incremental model (Sherman-Morrison on a flat inverse, theta moved by each prediction error)
   * is the ridge solution: after thousands of updates its theta equals a fresh solve of the normal
   * equations {@code (lambda I + sum x x^T) theta = lambda w0 + sum r x}, accumulated here on their
   * own, to 1e-9, and so does every prediction and variance.
   */
  @Property(tries = 20)
  void incrementalModel_equalsAFreshSolveOfTheNormalEquations(@ForAll @IntRange(min = 1, max = 32) int d,
      @ForAll @IntRange(min = 1000, max = 5000) int updates, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double lambda = 0.5 + 10 * random.nextDouble();
    double[] w0 = randomVector(random, d, 1);
    RidgeModel model = new RidgeModel(new Prior(w0, lambda));
    double[][] a = Matrices.scaledIdentity(d, lambda);
    double[] b = new double[d];
    for (int i = 0; i < d; i++) {
      b[i] = lambda * w0[i];
    }
    for (int t = 0; t < updates; t++) {
      double[] x = randomVector(random, d, 1);
      if (random.nextInt(3) == 0) {
        x[random.nextInt(d)] = 0; // sparse features take the skipping branch
      }
      double r = random.nextInt(2);
      model.update(x, r);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          a[i][j] += x[i] * x[j];
        }
        b[i] += r * x[i];
      }
    }
    double[][] inverse = directInverse(a);
    double[] theta = Matrices.multiply(inverse, b);
    assertThat(model.theta()).containsExactly(theta, within(1e-9));
    double[][] kept = model.a();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertThat(kept[i][j]).as("A[%d][%d]", i, j).isCloseTo(a[i][j], within(1e-9 * (1 + Math.abs(a[i][j]))));
      }
    }
    double[] x = randomVector(random, d, 1);
    assertThat(model.mean(x)).isCloseTo(Matrices.dot(theta, x), within(1e-9));
    assertThat(model.variance(x)).isCloseTo(Matrices.quadratic(inverse, x), within(1e-9));
  }

  @Test
  void tenThousandUpdates_leaveTheInverseAnInverse() {
    SplittableRandom random = new SplittableRandom(7);
    int d = 16;
    RidgeModel model = new RidgeModel(new Prior(new double[d], 1));
    for (int t = 0; t < 10_000; t++) {
      double[] x = randomVector(random, d, 1);
      x[t % d] += 5; // uneven directions make the matrix ill-conditioned, which is where drift shows
      model.update(x, random.nextGaussian());
    }
    double[][] product = new double[d][d];
    double[][] inverse = model.aInverse();
    double[][] a = model.a();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
          sum += inverse[i][k] * a[k][j];
        }
        product[i][j] = sum;
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertThat(product[i][j]).as("(A^-1 A)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
      }
      for (int j = 0; j < i; j++) {
        assertThat(inverse[i][j]).as("symmetric at [%d][%d]", i, j).isCloseTo(inverse[j][i], within(1e-15));
      }
    }
  }

  @Test
  void noData_meanIsThePrior() {
    RidgeModel model = new RidgeModel(new Prior(new double[] {0.4, 0.2, -0.1}, 3));
    assertThat(model.theta()).containsExactly(0.4, 0.2, -0.1);
    assertThat(model.variance(new double[] {1, 0, 0})).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void restore_givesTheSameModel() {
    SplittableRandom random = new SplittableRandom(3);
    Prior prior = new Prior(new double[] {0.1, 0.2, 0.3, 0.4}, 2);
    RidgeModel model = new RidgeModel(prior);
    for (int t = 0; t < 100; t++) {
      model.update(randomVector(random, 4, 1), random.nextDouble());
    }
    RidgeModel restored = RidgeModel.restore(prior, 1, model.a(), model.b(), model.updates(), false);
    assertThat(restored.theta()).containsExactly(model.theta(), within(1e-12));
    assertThat(restored.updates()).isEqualTo(100);
  }

  @Property(tries = 30)
  void discount_forgetsTheDataButKeepsThePrior(@ForAll @IntRange(min = 1, max = 8) int d,
      @ForAll @IntRange(min = 1, max = 40) int blocks, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double gamma = 0.9;
    double lambda = 1.5;
    double[] w0 = randomVector(random, d, 1);
    RidgeModel model = new RidgeModel(new Prior(w0, lambda), gamma, true);
    double[][] a = Matrices.scaledIdentity(d, lambda);
    double[] b = new double[d];
    for (int i = 0; i < d; i++) {
      b[i] = lambda * w0[i];
    }
    double[][] data = new double[d][d];
    double[] dataB = new double[d];
    for (int t = 0; t < blocks * d; t++) {
      double[] x = randomVector(random, d, 2);
      double r = random.nextGaussian();
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          data[i][j] = gamma * data[i][j] + x[i] * x[j];
        }
        dataB[i] = gamma * dataB[i] + r * x[i];
      }
      model.update(x, r);
    }
    // After a whole number of top-ups: A = lambda I + sum gamma^age x x^T, b likewise.
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        a[i][j] += data[i][j];
      }
      b[i] += dataB[i];
    }
    double[][] expectedInverse = directInverse(a);
    double[][] inverse = model.aInverse();
    double[][] product = model.factor().product();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertThat(model.a()[i][j]).isCloseTo(a[i][j], within(1e-9 * (1 + Math.abs(a[i][j]))));
        assertThat(inverse[i][j]).isCloseTo(expectedInverse[i][j], within(1e-8 * (1 + Math.abs(expectedInverse[i][j]))));
        assertThat(product[i][j]).as("L L^T").isCloseTo(a[i][j], within(1e-8 * (1 + Math.abs(a[i][j]))));
      }
    }
    assertThat(model.theta()).containsExactly(Matrices.multiply(expectedInverse, b), within(1e-7));
    RidgeModel restored = RidgeModel.restore(new Prior(w0, lambda), gamma, model.a(), model.b(), model.updates(), true);
    assertThat(restored.theta()).containsExactly(model.theta(), within(1e-8));
  }

  @Property(tries = 30)
  void cholesky_rankOneUpdatesKeepTheFactorOfA(@ForAll @IntRange(min = 1, max = 10) int d, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Cholesky factor = Cholesky.scaledIdentity(d, 0.7);
    double[][] a = Matrices.scaledIdentity(d, 0.7);
    for (int t = 0; t < 300; t++) {
      double[] x = randomVector(random, d, 2);
      factor.rankOneUpdate(x);
      Matrices.addOuter(a, 1, x, x);
    }
    double[][] product = factor.product();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertThat(product[i][j]).isCloseTo(a[i][j], within(1e-9 * (1 + Math.abs(a[i][j]))));
      }
    }
    double[] y = randomVector(random, d, 1);
    assertThat(Matrices.multiply(a, factor.solve(y))).containsExactly(y, within(1e-8));
  }

  @Test
  void cholesky_rejectsAMatrixThatIsNotPositiveDefinite() {
    assertThatThrownBy(() -> Cholesky.of(new double[][] {{1, 2}, {2, 1}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite").hasMessageContaining("column 1");
  }
}
