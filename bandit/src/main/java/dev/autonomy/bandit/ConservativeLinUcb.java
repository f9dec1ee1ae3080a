package dev.autonomy.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * LinUCB held to the fixed ranking (after Kazerouni et al., "Conservative Contextual Linear
 * Bandits", NeurIPS 2017): it fills each slot with the fixed ranker's choice (the prior mean's best
 * remaining candidate, the baseline) unless the person's own evidence says, with margin, that
 * LinUCB's choice is better. It departs from the baseline only when the <em>pessimistic</em> estimate
 * of the difference is positive:
 *
 * <pre>theta_hat . (x_a - x_b) - beta sqrt((x_a - x_b)^T A^-1 (x_a - x_b)) &gt; 0</pre>
 *
 * with {@code a} LinUCB's (optimistic) choice and {@code b} the baseline's. Kazerouni et al. check
 * the same lower confidence bound on the cumulative reward of every departure so far; here it is
 * checked per decision, because the person's tastes drift (a budget earned months ago says little
 * about today) and because a check that needs no running sum keeps {@link #choose} free of side
 * effects (the engine calls it for shadows and evaluations that are never shown). {@code beta}
 * sets how sure it must be: 0 is LinUCB's choice whenever its mean prefers it, a large value the
 * fixed ranker forever.
 *
 * <p>Before any feedback {@code theta_hat} is the prior mean, so the difference is the hand
 * weights' own and the check fails for every pair the hand weights order: a new person sees the
 * fixed ranking. Deterministic: propensity 1.
 */
final class ConservativeLinUcb implements Policy {
  static final String KIND = "conservative";

  private final RidgeModel model;
  private final double[] baseline;
  private final double alpha;
  private final double beta;
  /** Scratch: {@code x_a - x_b}. */
  private final double[] difference;

  ConservativeLinUcb(RidgeModel model, double alpha, double beta) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be a finite number >= 0, was " + alpha);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta (how sure a departure from the fixed ranking must be) must be a finite number"
          + " >= 0, was " + beta);
    }
    this.model = model;
    this.baseline = model.prior();
    this.alpha = alpha;
    this.beta = beta;
    this.difference = new double[model.dimension()];
  }

  @Override
  public String name() {
    return KIND;
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public long version() {
    return model.updates();
  }

  @Override
  public Choice choose(List<Candidate> candidates, int k, RandomGenerator random) {
    Candidate.requireDimension(candidates, model.dimension());
    int n = candidates.size();
    int shown = TopK.shown(k, n);
    double[] optimistic = new double[n];
    double[] fixed = new double[n];
    for (int i = 0; i < n; i++) {
      double[] x = candidates.get(i).view();
      optimistic[i] = model.mean(x) + (alpha == 0 ? 0 : alpha * Math.sqrt(model.variance(x)));
      fixed[i] = Matrices.dot(baseline, x);
    }
    boolean[] taken = new boolean[n];
    List<Choice.Slot> slots = new ArrayList<>(shown);
    for (int slot = 0; slot < shown; slot++) {
      int learned = TopK.best(optimistic, taken);
      int base = TopK.best(fixed, taken);
      int pick = learned != base && surelyBetter(candidates.get(learned).view(), candidates.get(base).view()) ? learned : base;
      slots.add(new Choice.Slot(pick, 1));
      taken[pick] = true;
    }
    return new Choice(slots, 0);
  }

  /** Whether the lower confidence bound of {@code theta . (a - b)} is above 0. */
  private boolean surelyBetter(double[] a, double[] b) {
    double[] z = difference;
    for (int i = 0; i < z.length; i++) {
      z[i] = a[i] - b[i];
    }
    double gain = model.mean(z);
    return gain > 0 && gain - beta * Math.sqrt(model.variance(z)) > 0;
  }

  @Override
  public double[] firstSlotProbabilities(List<Candidate> candidates, RandomGenerator random) {
    double[] p = new double[candidates.size()];
    p[choose(candidates, 1, random).top()] = 1;
    return p;
  }

  @Override
  public void update(Candidate shown, double reward) {
    model.update(shown.featuresFor(model.dimension(), reward), reward);
  }

  @Override
  public PolicyState state() {
    return new PolicyState(KIND, model.updates(), Map.of("lambda", model.lambda(), "discount", model.discount(), "alpha", alpha,
        "beta", beta), model.prior(), model.a(), model.b(), null, null);
  }

  @Override
  public double[] weights() {
    return model.thetaView().clone();
  }
}
