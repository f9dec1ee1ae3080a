package dev.autonomy.bandit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Hybrid LinUCB (Li et al. 2010, Algorithm 2): a shared coefficient vector {@code beta} over all of a
 * candidate's features {@code z = x}, plus, per arm (the candidate's {@link Candidate#armId()}), a
 * coefficient vector {@code theta_a} over the features named by {@code armFeatures}, so an option the
 * person likes more (or less) than its features say gets its own correction. The shared part starts
 * at the prior mean (precision {@code lambda}), each arm's part at 0 (precision {@code armLambda}).
 *
 * <p><b>Incremental form.</b> The paper's {@code A0} receives {@code B^T A^-1 B} terms, not a rank-one
 * update, so Sherman-Morrison does not apply to it directly. But the hybrid model is one ridge
 * regression on the stacked vector {@code u = [z; arm block x_a]}, and {@code A0^-1} is the shared
 * block of that regression's covariance; a rank-one update of the joint precision changes the
 * covariance by {@code -(S u)(S u)^T / (1 + u^T S u)}, whose shared block is {@code -g g^T / (1 + s)}
 * with {@code g = A0^-1 (z - B_a^T A_a^-1 x_a)} and {@code s} the paper's variance term. So every
 * update is O(d^2 + m^2 + d m) with {@code d} shared and {@code m} arm features, and no matrix is
 * inverted after construction. As in {@link RidgeModel}, the inverses are updated symmetrically.
 *
 * <p><b>Forgetting</b> (a {@code discount} below 1) scales every statistic by gamma at each update
 * (O(d^2 + arms (m^2 + m d))), and every {@code d} updates tops the priors back up and recomputes
 * the inverses from the raw statistics (O(arms (m^3 + m^2 d + m d^2) + d^3), amortised over
 * {@code d} updates), which also wipes out any rounding the rank-one steps accumulated.
 */
final class HybridLinUcb implements Policy {
  static final String KIND = "linucb-hybrid";

  private final int d;
  private final int[] armFeatures;
  private final double lambda;
  private final double armLambda;
  private final double alpha;
  private final double discount;
  private final double[] prior;
  private final double[][] sharedA;
  private final double[] sharedB;
  private final double[][] schurInverse;
  private final double[] schurB;
  private final double[] beta;
  private final Map<String, Arm> arms;
  private long updates;
  /** The share of the priors' precision left since the last top-up (gamma^updates since). */
  private double priorLeft = 1;

  /** One arm's statistics; {@code aInverse} kept by Sherman-Morrison. */
  private static final class Arm {
    final double[][] a;
    final double[][] aInverse;
    final double[][] cross;
    final double[] b;

    Arm(int m, int d, double armLambda) {
      a = Matrices.scaledIdentity(m, armLambda);
      aInverse = Matrices.scaledIdentity(m, 1 / armLambda);
      cross = new double[m][d];
      b = new double[m];
    }

    Arm(double[][] a, double[][] cross, double[] b) {
      this.a = a;
      this.aInverse = Cholesky.of(a).inverse();
      this.cross = cross;
      this.b = b;
    }

    /** {@code B^T A^-1 b}: what this arm takes out of the shared {@code b}. */
    double[] sharedShare() {
      return Matrices.multiplyTransposed(cross, Matrices.multiply(aInverse, b));
    }
  }

  HybridLinUcb(Prior prior, double armLambda, int[] armFeatures, double alpha, double discount) {
    this.d = prior.dimension();
    this.armFeatures = checkArmFeatures(armFeatures, d);
    if (!(armLambda > 0) || Double.isInfinite(armLambda)) {
      throw new IllegalArgumentException("armLambda must be a finite number > 0, was " + armLambda);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be a finite number >= 0, was " + alpha);
    }
    if (!(discount > 0 && discount <= 1)) {
      throw new IllegalArgumentException("discount must be in (0, 1] (1: never forget), was " + discount);
    }
    this.discount = discount;
    this.lambda = prior.precision();
    this.armLambda = armLambda;
    this.alpha = alpha;
    this.prior = prior.mean();
    this.sharedA = Matrices.scaledIdentity(d, lambda);
    this.sharedB = new double[d];
    for (int i = 0; i < d; i++) {
      sharedB[i] = lambda * this.prior[i];
    }
    this.schurInverse = Matrices.scaledIdentity(d, 1 / lambda);
    this.schurB = sharedB.clone();
    this.beta = this.prior.clone();
    this.arms = new HashMap<>();
  }

  /** Restores saved statistics; inverts each arm's matrix and the Schur complement once. */
  static HybridLinUcb restore(PolicyState state) {
    Prior prior = new Prior(state.prior(), state.setting("lambda"));
    HybridLinUcb policy = new HybridLinUcb(prior, state.setting("arm_lambda"), state.armFeatures(), state.setting("alpha"),
        state.settings().getOrDefault("discount", 1.0));
    int d = policy.d;
    int m = policy.armFeatures.length;
    double[][] sharedA = Matrices.requireShape(state.a(), d, d, "a");
    double[] sharedB = Matrices.requireLength(state.b(), d, "b");
    for (int i = 0; i < d; i++) {
      System.arraycopy(sharedA[i], 0, policy.sharedA[i], 0, d);
    }
    System.arraycopy(sharedB, 0, policy.sharedB, 0, d);
    for (Map.Entry<String, PolicyState.ArmState> e : state.arms().entrySet()) {
      String field = "arms['" + e.getKey() + "']";
      PolicyState.ArmState saved = e.getValue();
      policy.arms.put(e.getKey(), new Arm(Matrices.requireShape(saved.a(), m, m, field + ".a"),
          Matrices.requireShape(saved.cross(), m, d, field + ".cross"), Matrices.requireLength(saved.b(), m, field + ".b")));
    }
    policy.updates = state.version();
    policy.priorLeft = Math.pow(policy.discount, state.version() % d);
    policy.rebuild();
    return policy;
  }

  /**
   * Recomputes everything derived from the raw statistics: each arm's inverse and the Schur
   * complement {@code A0 = sharedA - sum B^T A^-1 B}, {@code b0 = sharedB - sum B^T A^-1 b}, its
   * inverse and {@code beta}. O(arms (m^3 + m^2 d + m d^2) + d^3).
   */
  private void rebuild() {
    double[][] schur = Matrices.copy(sharedA);
    double[] b0 = sharedB.clone();
    int m = armFeatures.length;
    for (Arm arm : arms.values()) {
      double[][] inverse = Cholesky.of(arm.a).inverse();
      for (int i = 0; i < m; i++) {
        System.arraycopy(inverse[i], 0, arm.aInverse[i], 0, m);
      }
      for (int i = 0; i < m; i++) {
        double[] row = Matrices.multiplyTransposed(arm.cross, arm.aInverse[i]);
        Matrices.addOuter(schur, -1, row, arm.cross[i]);
      }
      double[] share = arm.sharedShare();
      for (int j = 0; j < d; j++) {
        b0[j] -= share[j];
      }
    }
    Matrices.symmetrise(schur);
    double[][] inverse = Cholesky.of(schur).inverse();
    for (int i = 0; i < d; i++) {
      System.arraycopy(inverse[i], 0, schurInverse[i], 0, d);
    }
    System.arraycopy(b0, 0, schurB, 0, d);
    Matrices.multiply(schurInverse, schurB, beta);
  }

  /** Every statistic times gamma: the joint precision scales, so inverses divide by gamma and beta stays. */
  private void forget() {
    double inverse = 1 / discount;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        sharedA[i][j] *= discount;
        schurInverse[i][j] *= inverse;
      }
      sharedB[i] *= discount;
      schurB[i] *= discount;
    }
    for (Arm arm : arms.values()) {
      for (int i = 0; i < arm.a.length; i++) {
        for (int j = 0; j < arm.a.length; j++) {
          arm.a[i][j] *= discount;
          arm.aInverse[i][j] *= inverse;
        }
        for (int j = 0; j < d; j++) {
          arm.cross[i][j] *= discount;
        }
        arm.b[i] *= discount;
      }
    }
    priorLeft *= discount;
  }

  /** Adds back the prior precision forgotten since the last top-up, shared and per arm, then rebuilds. */
  private void topUpPriors() {
    double share = 1 - priorLeft;
    for (int i = 0; i < d; i++) {
      sharedA[i][i] += share * lambda;
      sharedB[i] += share * lambda * prior[i];
    }
    for (Arm arm : arms.values()) {
      for (int i = 0; i < arm.a.length; i++) {
        arm.a[i][i] += share * armLambda;
      }
    }
    priorLeft = 1;
    rebuild();
  }

  private static int[] checkArmFeatures(int[] armFeatures, int d) {
    if (armFeatures == null || armFeatures.length == 0) {
      throw new IllegalArgumentException("armFeatures must name at least one feature (0.." + (d - 1) + ")");
    }
    boolean[] seen = new boolean[d];
    for (int index : armFeatures) {
      if (index < 0 || index >= d) {
        throw new IllegalArgumentException("armFeatures: " + index + " is not a feature index 0.." + (d - 1));
      }
      if (seen[index]) {
        throw new IllegalArgumentException("armFeatures: " + index + " is named twice");
      }
      seen[index] = true;
    }
    return armFeatures.clone();
  }

  @Override
  public String name() {
    return KIND;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public long version() {
    return updates;
  }

  private double[] armPart(double[] x) {
    double[] xa = new double[armFeatures.length];
    for (int i = 0; i < xa.length; i++) {
      xa[i] = x[armFeatures[i]];
    }
    return xa;
  }

  /** The predicted mean and the variance term {@code s} of one candidate. */
  double[] meanAndVariance(Candidate candidate) {
    double[] z = candidate.view();
    double[] xa = armPart(z);
    Arm arm = arms.get(candidate.armId());
    double mean = Matrices.dot(z, beta);
    if (arm == null) {
      double s = Matrices.quadratic(schurInverse, z) + Matrices.dot(xa, xa) / (armLambda * priorLeft);
      return new double[] {mean, Math.max(0, s)};
    }
    double[] h = Matrices.multiply(arm.aInverse, xa);
    double[] q = Matrices.multiplyTransposed(arm.cross, h);
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = z[j] - q[j];
    }
    double s = Matrices.quadratic(schurInverse, w) + Matrices.dot(xa, h);
    // theta_a = A_a^-1 (b_a - B_a beta)
    double[] residual = Matrices.multiply(arm.cross, beta);
    for (int i = 0; i < residual.length; i++) {
      residual[i] = arm.b[i] - residual[i];
    }
    mean += Matrices.dot(xa, Matrices.multiply(arm.aInverse, residual));
    return new double[] {mean, Math.max(0, s)};
  }

  double[] scores(List<Candidate> candidates) {
    Candidate.requireDimension(candidates, d);
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      double[] ms = meanAndVariance(candidates.get(i));
      scores[i] = ms[0] + alpha * Math.sqrt(ms[1]);
    }
    return scores;
  }

  @Override
  public Choice choose(List<Candidate> candidates, int k, RandomGenerator random) {
    return Choice.best(scores(candidates), k);
  }

  @Override
  public double[] firstSlotProbabilities(List<Candidate> candidates, RandomGenerator random) {
    return TopK.oneHotOnBest(scores(candidates));
  }

  @Override
  public void update(Candidate shown, double reward) {
    double[] z = shown.featuresFor(d, reward);
    double[] xa = armPart(z);
    int m = xa.length;
    if (discount < 1) {
      forget();
    }
    // A new arm starts at its prior as it stands now (decayed like the others' until the top-up).
    Arm arm = arms.computeIfAbsent(shown.armId(), id -> new Arm(m, d, armLambda * priorLeft));

    // The shared block of the joint covariance shrinks by g g^T / (1 + s).
    double[] h = Matrices.multiply(arm.aInverse, xa);
    double[] q = Matrices.multiplyTransposed(arm.cross, h);
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = z[j] - q[j];
    }
    double[] g = Matrices.multiply(schurInverse, w);
    double s = Matrices.dot(w, g) + Matrices.dot(xa, h);
    Matrices.addSymmetricOuter(schurInverse, -1 / (1 + s), g);

    double[] before = arm.sharedShare();
    Matrices.addSymmetricOuter(arm.aInverse, -1 / (1 + Matrices.dot(xa, h)), h);
    Matrices.addSymmetricOuter(arm.a, 1, xa);
    Matrices.addOuter(arm.cross, 1, xa, z);
    for (int i = 0; i < m; i++) {
      arm.b[i] += reward * xa[i];
    }
    double[] after = arm.sharedShare();
    Matrices.addSymmetricOuter(sharedA, 1, z);
    for (int j = 0; j < d; j++) {
      sharedB[j] += reward * z[j];
      schurB[j] += reward * z[j] + before[j] - after[j];
    }
    updates++;
    if (discount < 1 && updates % d == 0) {
      topUpPriors();
    } else {
      Matrices.multiply(schurInverse, schurB, beta);
    }
  }

  @Override
  public PolicyState state() {
    Map<String, PolicyState.ArmState> saved = new TreeMap<>();
    arms.forEach((id, arm) -> saved.put(id, new PolicyState.ArmState(Matrices.copy(arm.a), Matrices.copy(arm.cross), arm.b.clone())));
    return new PolicyState(KIND, updates, Map.of("lambda", lambda, "arm_lambda", armLambda, "alpha", alpha, "discount", discount), prior.clone(),
        Matrices.copy(sharedA), sharedB.clone(), armFeatures.clone(), saved);
  }

  @Override
  public double[] weights() {
    return beta.clone();
  }
}
