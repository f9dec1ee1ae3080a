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
 * call; {@code A} and {@code b} are kept too (another O(d^2)) because they are the exact sufficient
 * statistics that state saves.
 *
 * <p><b>Numerical guard.</b> Repeated rank-one updates of an inverse drift apart in the last bits,
 * and an asymmetric "covariance" can give a negative variance. Each update computes every product
 * {@code u_i u_j} once and writes it to both halves, so {@code A^-1} stays exactly symmetric at
 * every step (a stronger form of symmetrising periodically, at half the cost); {@code theta},
 * which is updated incrementally, is recomputed as {@code A^-1 b} every {@value #REFRESH_EVERY}
 * updates so its rounding cannot accumulate. A test checks {@code A^-1 A = I} after 10,000 updates.
 */
final class RidgeModel {
  static final int REFRESH_EVERY = 64;

  private final int d;
  private final double lambda;
  private final double discount;
  private final double[] prior;
  private final double[][] a;
  private final double[][] aInverse;
  private final double[] b;
  private final double[] theta;
  private final double[] scratch;
  private final double[] work;
  /** The Cholesky factor of {@code A}, kept in step for Thompson sampling; null when not asked for. */
  private final Cholesky factor;
  private long updates;
  /** The prior precision left in {@code A} since the last top-up: lambda times gamma^(updates since). */
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
    this.a = Matrices.scaledIdentity(d, lambda);
    this.aInverse = Matrices.scaledIdentity(d, 1 / lambda);
    this.b = new double[d];
    for (int i = 0; i < d; i++) {
      b[i] = lambda * this.prior[i];
    }
    this.theta = this.prior.clone();
    this.scratch = new double[d];
    this.work = new double[d];
    this.factor = withFactor ? Cholesky.scaledIdentity(d, lambda) : null;
  }

  private RidgeModel(Prior prior, double discount, double[][] a, double[] b, long updates, boolean withFactor) {
    this.d = prior.dimension();
    this.lambda = prior.precision();
    this.discount = checkDiscount(discount);
    this.priorLeft = lambda * Math.pow(discount, updates % d);
    this.prior = prior.mean();
    this.a = Matrices.requireShape(a, d, d, "a");
    this.b = Matrices.requireLength(b, d, "b");
    Cholesky of = Cholesky.of(this.a);
    this.aInverse = of.inverse();
    this.theta = Matrices.multiply(aInverse, this.b);
    this.scratch = new double[d];
    this.work = new double[d];
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

  /** Adds one observation: feature vector {@code x} earned {@code r}. */
  void update(double[] x, double r) {
    if (discount < 1) {
      forget();
    }
    double[] u = scratch;
    Matrices.multiply(aInverse, x, u);
    double denominator = 1 + Matrices.dot(x, u);
    double error = r - Matrices.dot(x, theta);
    // A_new^-1 x = u / (1 + x^T u), so theta moves along it by the prediction error.
    double step = error / denominator;
    for (int i = 0; i < d; i++) {
      theta[i] += step * u[i];
    }
    Matrices.addSymmetricOuter(aInverse, -1 / denominator, u, work);
    // x_i x_j == x_j x_i exactly, so A stays symmetric with the plain outer product.
    Matrices.addOuter(a, 1, x, x);
    for (int i = 0; i < d; i++) {
      b[i] += r * x[i];
    }
    if (factor != null) {
      factor.rankOneUpdate(x);
    }
    updates++;
    if (discount < 1 && updates % d == 0) {
      topUpPrior();
    }
    if (updates % REFRESH_EVERY == 0) {
      Matrices.multiply(aInverse, b, theta);
    }
  }

  /** {@code A *= gamma}, {@code b *= gamma}; theta does not move. */
  private void forget() {
    double inverse = 1 / discount;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        a[i][j] *= discount;
        aInverse[i][j] *= inverse;
      }
      b[i] *= discount;
    }
    priorLeft *= discount;
    if (factor != null) {
      factor.scale(Math.sqrt(discount));
    }
  }

  /** Adds back the prior precision forgotten since the last top-up: {@code c I} and {@code c w0}. */
  private void topUpPrior() {
    double c = lambda - priorLeft;
    double[] column = new double[d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        column[j] = aInverse[j][i];
      }
      Matrices.addSymmetricOuter(aInverse, -c / (1 + c * column[i]), column);
      a[i][i] += c;
      b[i] += c * prior[i];
      if (factor != null) {
        double[] e = new double[d];
        e[i] = Math.sqrt(c);
        factor.rankOneUpdate(e);
      }
    }
    priorLeft = lambda;
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
    return Math.max(0, Matrices.quadratic(aInverse, x));
  }

  double[] theta() {
    return theta.clone();
  }

  double[] prior() {
    return prior.clone();
  }

  double[][] a() {
    return Matrices.copy(a);
  }

  double[][] aInverse() {
    return Matrices.copy(aInverse);
  }

  double[] b() {
    return b.clone();
  }

  /** {@code theta} read without a copy, for the scoring loops of this package. */
  double[] thetaView() {
    return theta;
  }
}
