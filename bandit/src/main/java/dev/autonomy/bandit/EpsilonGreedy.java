package dev.autonomy.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Epsilon-greedy over the learned ridge model: each slot, top first, is with probability epsilon a
 * uniform draw from the candidates not shown above it, otherwise the best of them by the model's
 * mean. The propensity of slot {@code j} is exact: {@code (1 - epsilon) [greedy] + epsilon / remaining}.
 */
final class EpsilonGreedy implements Policy {
  static final String KIND = "egreedy";

  private final RidgeModel model;
  private final double epsilon;

  EpsilonGreedy(RidgeModel model, double epsilon) {
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be in [0, 1], was " + epsilon);
    }
    this.model = model;
    this.epsilon = epsilon;
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

  double[] scores(List<Candidate> candidates) {
    Candidate.requireDimension(candidates, model.dimension());
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.mean(candidates.get(i).view());
    }
    return scores;
  }

  @Override
  public Choice choose(List<Candidate> candidates, int k, RandomGenerator random) {
    double[] scores = scores(candidates);
    int n = scores.length;
    int shown = TopK.shown(k, n);
    boolean[] taken = new boolean[n];
    List<Choice.Slot> slots = new ArrayList<>(shown);
    for (int slot = 0; slot < shown; slot++) {
      int remaining = n - slot;
      int greedy = TopK.best(scores, taken);
      int pick = greedy;
      if (epsilon > 0 && random.nextDouble() < epsilon) {
        pick = FixedWeights.nthFree(taken, random.nextInt(remaining));
      }
      double propensity = (pick == greedy ? 1 - epsilon : 0) + epsilon / remaining;
      slots.add(new Choice.Slot(pick, propensity));
      taken[pick] = true;
    }
    return new Choice(slots, 0);
  }

  @Override
  public double[] firstSlotProbabilities(List<Candidate> candidates, RandomGenerator random) {
    double[] p = TopK.oneHotOnBest(scores(candidates));
    for (int i = 0; i < p.length; i++) {
      p[i] = (1 - epsilon) * p[i] + epsilon / p.length;
    }
    return p;
  }

  @Override
  public void update(Candidate shown, double reward) {
    model.update(shown.featuresFor(model.dimension(), reward), reward);
  }

  @Override
  public PolicyState state() {
    return new PolicyState(KIND, model.updates(), Map.of("lambda", model.lambda(), "discount", model.discount(), "epsilon", epsilon), model.prior(),
        model.a(), model.b(), null, null);
  }

  @Override
  public double[] weights() {
    return model.thetaView().clone();
  }
}
