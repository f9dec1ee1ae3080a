package dev.autonomy.bandit;

/**
 * Bayesian linear regression with a prior mean: {@code theta = A^-1 b}, {@code A = lambda I + sum
 * x x^T}, {@code b = lambda w0 + sum r x}. With no data {@code theta = w0}, the hand weights.
 *
 * <p><b>Forgetting.</b> With a {@code discount} gamma below 1, an observation {@code s} updates ago
 * counts {@code gamma^s} (an effective memory of about {@code 1 / (1 - gamma)} updates), so tastes
 * that change are followed; the prior is not forgotten: it is topped up to {@code lambda} every
 * {@code d} updates (between top-ups it dips to no less than {@code lambda gamma^d}). Scaling {@code
 * A} and {@code b} by gamma leaves {@code theta} unchanged and divides {@code A^-1} by gamma; the
 * top-up is {@code d} rank-one updates, so the cost stays O(d^2) per update on average.
 *
 * <p>{@code A^-1} is kept by Sherman-Morrison, O(d^2) per update and never a matrix inverse per
 * call; {@code A} and {@code b} are kept too (another O(d^2), half of it: only the upper triangle
 * of {@code A} is added to) because they are the exact sufficient statistics that state saves.
 *
 * <p><b>Layout.</b> The matrices are flat row-major {@code double[d * d]}, and an update allocates
 * nothing (no copy of {@code x}, no boxed value): {@code u = A^-1 x} is one dot product per row with
 * four partial sums, and the two rank-one corrections sweep the matrices once, in plain loops the
 * JIT vectorises.
 *
 * <p><b>Numerical guard.</b> Repeated rank-one updates of an inverse drift apart in the last bits,
 * and an asymmetric "covariance" can give a negative variance. Each update subtracts {@code w w^T}
 * with {@code w = u / sqrt(1 + x^T u)}, and {@code w_i w_j} has the same bits as {@code w_j w_i}
 * (floating-point multiplication commutes), so {@code A^-1} stays exactly symmetric at
 * every step (a stronger form of symmetrising periodically, at half the cost); {@code theta},
 * which is updated incrementally, is recomputed as {@code A^-1 b} every {@value #REFRESH_EVERY}
 * updates so its rounding cannot accumulate. Tests check {@code A^-1 A = I} after 10,000 updates and
 * {@code theta} against a fresh solve of the normal equations after thousands.
 */
final class RidgeModel {
  static final int REFRESH_EVERY = 64;

  private final int d;
  private final double lambda;
  private final double discount;
  private final double[] prior;
  /** {@code A}, row-major; only the upper triangle (with the diagonal) is kept current. */
  private final double[] a;
  /** {@code A^-1}, row-major, exactly symmetric. */
  private final double[] aInverse;
  private final double[] b;
  private final double[] theta;
  /** Scratch: {@code A^-1 x}, then a column of {@code A^-1} in a top-up. */
  private final double[] u;
  /** Scratch: {@code u / sqrt(1 + x^T u)}. */
  private final double[] w;
  /** The Cholesky factor of {@code A}, kept in step for Thompson sampling; null when not asked for. */
  private final Cholesky factor;
  private long updates;
  /** Updates since the prior was last topped up (forgetting only). */
  private int sinceTopUp;
  /** The prior precision left in {@code A} since the last top-up: lambda times gamma^sinceTopUp. */
  private double priorLeft;

  RidgeModel(Prior prior) {
    this(prior, 1, false);
  }

  /** A model from {@code prior}; {@code withFactor} keeps a Cholesky factor of {@code A} too. */
  RidgeModel(Prior prior, double discount, boolean withFactor) {
    this.d = prior.dimension();
    this.lambda = prior.precision();
    this.discount = checkDiscount(discount);
    this.priorLeft = lambda;
    this.prior = prior.mean();
    this.a = new double[d * d];
    this.aInverse = new double[d * d];
    this.b = new double[d];
    for (int i = 0; i < d; i++) {
      a[i * d + i] = lambda;
      aInverse[i * d + i] = 1 / lambda;
      b[i] = lambda * this.prior[i];
    }
    this.theta = this.prior.clone();
    this.u = new double[d];
    this.w = new double[d];
    this.factor = withFactor ? Cholesky.scaledIdentity(d, lambda) : null;
  }

  private RidgeModel(Prior prior, double discount, double[][] a, double[] b, long updates, boolean withFactor) {
    this.d = prior.dimension();
    this.lambda = prior.precision();
    this.discount = checkDiscount(discount);
    this.sinceTopUp = (int) (updates % d);
    this.priorLeft = lambda * Math.pow(discount, sinceTopUp);
    this.prior = prior.mean();
    double[][] checked = Matrices.requireShape(a, d, d, "a");
    this.a = Matrices.flatten(checked);
    this.b = Matrices.requireLength(b, d, "b");
    Cholesky of = Cholesky.of(checked);
    this.aInverse = Matrices.flatten(of.inverse());
    this.theta = new double[d];
    Matrices.multiply(aInverse, this.b, theta);
    this.u = new double[d];
    this.w = new double[d];
    this.factor = withFactor ? of : null;
    this.updates = updates;
  }

  /** The model saved as {@code a}, {@code b} and {@code updates}; inverts {@code a} once. */
  static RidgeModel restore(Prior prior, double discount, double[][] a, double[] b, long updates, boolean withFactor) {
    return new RidgeModel(prior, discount, a, b, updates, withFactor);
  }

  private static double checkDiscount(double discount) {
    if (!(discount > 0 && discount <= 1)) {
      throw new IllegalArgumentException("discount must be in (0, 1] (1: never forget), was " + discount);
    }
    return discount;
  }

  double discount() {
    return discount;
  }

  int dimension() {
    return d;
  }

  double lambda() {
    return lambda;
  }

  long updates() {
    return updates;
  }

  /** Adds one observation: feature vector {@code x} earned {@code r}; {@code x} is only read. */
  void update(double[] x, double r) {
    if (discount < 1) {
      forget();
    }
    final int n = d;
    final double[] inv = aInverse;
    final double[] m = a;
    final double[] b = this.b;
    final double[] u = this.u;
    final double[] w = this.w;
    final double[] t = theta;
    // u = A^-1 x, row by row with four partial sums (Matrices.dot), which keeps the sums in registers.
    for (int i = 0, row = 0; i < n; i++, row += n) {
      u[i] = Matrices.dot(inv, row, x, n);
    }
    double xu = 0;
    double prediction = 0;
    for (int i = 0; i < n; i++) {
      xu += x[i] * u[i];
      prediction += x[i] * t[i];
    }
    double denominator = 1 + xu;
    // A_new^-1 x = u / (1 + x^T u), so theta moves along it by the prediction error.
    double step = (r - prediction) / denominator;
    double root = 1 / Math.sqrt(denominator);
    for (int i = 0; i < n; i++) {
      t[i] += step * u[i];
      w[i] = root * u[i];
    }
    // A^-1 -= w w^T: entries (i, j) and (j, i) get the same product bits (w_i w_j == w_j w_i), so
    // it stays exactly symmetric. A += x x^T on the upper triangle only (half the work; a() mirrors it).
    for (int i = 0, row = 0; i < n; i++, row += n) {
      double wi = w[i];
      for (int j = 0; j < n; j++) {
        inv[row + j] -= wi * w[j];
      }
      double xi = x[i];
      if (xi != 0) {
        for (int j = i; j < n; j++) {
          m[row + j] += xi * x[j];
        }
        b[i] += r * xi;
      }
    }
    if (factor != null) {
      factor.rankOneUpdate(x);
    }
    updates++;
    if (discount < 1 && ++sinceTopUp == n) {
      topUpPrior();
    }
    if ((updates & (REFRESH_EVERY - 1)) == 0) {
      Matrices.multiply(inv, b, t);
    }
  }

  /** {@code A *= gamma}, {@code b *= gamma}; theta does not move. */
  private void forget() {
    double gamma = discount;
    double inverse = 1 / gamma;
    for (int i = 0; i < a.length; i++) {
      a[i] *= gamma;
      aInverse[i] *= inverse;
    }
    for (int i = 0; i < d; i++) {
      b[i] *= gamma;
    }
    priorLeft *= gamma;
    if (factor != null) {
      factor.scale(Math.sqrt(gamma));
    }
  }

  /** Adds back the prior precision forgotten since the last top-up: {@code c I} and {@code c w0}. */
  private void topUpPrior() {
    double c = lambda - priorLeft;
    double[] column = u;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        column[j] = aInverse[j * d + i];
      }
      // (A + c e_i e_i^T)^-1 = A^-1 - c / (1 + c A^-1_ii) col col^T, written symmetrically.
      double root = Math.sqrt(c / (1 + c * column[i]));
      for (int j = 0; j < d; j++) {
        w[j] = root * column[j];
      }
      for (int k = 0, row = 0; k < d; k++, row += d) {
        double wk = w[k];
        for (int j = 0; j < d; j++) {
          aInverse[row + j] -= wk * w[j];
        }
      }
      a[i * d + i] += c;
      b[i] += c * prior[i];
      if (factor != null) {
        factor.rankOneUpdateOfUnit(i, Math.sqrt(c));
      }
    }
    priorLeft = lambda;
    sinceTopUp = 0;
    Matrices.multiply(aInverse, b, theta);
  }

  /** The Cholesky factor of {@code A}. */
  Cholesky factor() {
    if (factor == null) {
      throw new IllegalStateException("this model keeps no Cholesky factor; make it with withFactor = true");
    }
    return factor;
  }

  /** The predicted reward {@code theta^T x}. */
  double mean(double[] x) {
    return Matrices.dot(theta, x);
  }

  /** {@code x^T A^-1 x}: the variance of the prediction, in units of the noise variance. */
  double variance(double[] x) {
    return Math.max(0, Matrices.quadratic(aInverse, d, x));
  }

  double[] theta() {
    return theta.clone();
  }

  double[] prior() {
    return prior.clone();
  }

  double[][] a() {
    double[][] full = Matrices.unflatten(a, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        full[i][j] = full[j][i];
      }
    }
    return full;
  }

  double[][] aInverse() {
    return Matrices.unflatten(aInverse, d);
  }

  double[] b() {
    return b.clone();
  }

  /** {@code theta} read without a copy, for the scoring loops of this package. */
  double[] thetaView() {
    return theta;
  }
}
