package dev.autonomy.bandit;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Disjoint LinUCB over the shared feature vector (Li et al. 2010, Algorithm 1, with one model for
 * all candidates because candidates are described by their features): shows the {@code k} highest
 * {@code theta . x + alpha sqrt(x^T A^-1 x)}, deterministically (propensity 1).
 *
 * <p>Before any update {@code theta} is the prior mean, so the ranking is the fixed ranker's up to
 * the bonus {@code alpha |x| / sqrt(lambda)}, which is the same for candidates of equal norm.
 */
final class LinUcb implements Policy {
  static final String KIND = "linucb";

  private final RidgeModel model;
  private final double alpha;

  LinUcb(RidgeModel model, double alpha) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be a finite number >= 0, was " + alpha);
    }
    this.model = model;
    this.alpha = alpha;
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

  /** The upper confidence bound of each candidate. */
  double[] scores(List<Candidate> candidates) {
    Candidate.requireDimension(candidates, model.dimension());
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      double[] x = candidates.get(i).view();
      scores[i] = model.mean(x) + (alpha == 0 ? 0 : alpha * Math.sqrt(model.variance(x)));
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
    model.update(shown.featuresFor(model.dimension(), reward), reward);
  }

  @Override
  public PolicyState state() {
    return new PolicyState(KIND, model.updates(), Map.of("lambda", model.lambda(), "discount", model.discount(), "alpha", alpha), model.prior(),
        model.a(), model.b(), null, null);
  }

  RidgeModel model() {
    return model;
  }

  @Override
  public double[] weights() {
    return model.thetaView().clone();
  }
}
