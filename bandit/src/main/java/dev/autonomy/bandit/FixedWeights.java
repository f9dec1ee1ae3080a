package dev.autonomy.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The baseline: score {@code w . x} with the hand weights, greedy top-k, never learns. Like the
 * engine's ranker, an optional {@code epsilon} fills the last slot at random: with probability
 * epsilon it is drawn uniformly from the candidates not shown above it (the greedy one included),
 * otherwise it is the greedy one.
 */
final class FixedWeights implements Policy {
  static final String KIND = "fixed";

  private final double[] weights;
  private final double epsilon;

  FixedWeights(double[] weights, double epsilon) {
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("weights must have at least one entry");
    }
    this.weights = Matrices.requireLength(weights, weights.length, "weights");
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be in [0, 1], was " + epsilon);
    }
    this.epsilon = epsilon;
  }

  @Override
  public String name() {
    return KIND;
  }

  @Override
  public int dimension() {
    return weights.length;
  }

  @Override
  public long version() {
    return 0;
  }

  double[] scores(List<Candidate> candidates) {
    Candidate.requireDimension(candidates, weights.length);
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Matrices.dot(weights, candidates.get(i).view());
    }
    return scores;
  }

  @Override
  public Choice choose(List<Candidate> candidates, int k, RandomGenerator random) {
    double[] scores = scores(candidates);
    int n = scores.length;
    int shown = TopK.shown(k, n);
    int[] greedy = TopK.of(scores, shown);
    List<Choice.Slot> slots = new ArrayList<>(shown);
    for (int slot = 0; slot < shown - 1; slot++) {
      slots.add(new Choice.Slot(greedy[slot], 1));
    }
    int pool = n - (shown - 1);
    int last = greedy[shown - 1];
    if (epsilon == 0 || pool == 1) {
      slots.add(new Choice.Slot(last, 1));
      return new Choice(slots, 0);
    }
    if (random.nextDouble() < epsilon) {
      boolean[] above = new boolean[n];
      for (int slot = 0; slot < shown - 1; slot++) {
        above[greedy[slot]] = true;
      }
      last = nthFree(above, random.nextInt(pool));
    }
    double propensity = (last == greedy[shown - 1] ? 1 - epsilon : 0) + epsilon / pool;
    slots.add(new Choice.Slot(last, propensity));
    return new Choice(slots, 0);
  }

  static int nthFree(boolean[] taken, int nth) {
    int seen = 0;
    for (int i = 0; i < taken.length; i++) {
      if (!taken[i]) {
        if (seen == nth) {
          return i;
        }
        seen++;
      }
    }
    throw new IllegalStateException("no free candidate number " + nth + " among " + taken.length);
  }

  /** With {@code k = 1} the only slot is the last one, so epsilon applies to it. */
  @Override
  public double[] firstSlotProbabilities(List<Candidate> candidates, RandomGenerator random) {
    double[] scores = scores(candidates);
    double[] p = TopK.oneHotOnBest(scores);
    for (int i = 0; i < p.length; i++) {
      p[i] = (1 - epsilon) * p[i] + epsilon / p.length;
    }
    return p;
  }

  @Override
  public void update(Candidate shown, double reward) {
    shown.featuresFor(weights.length, reward);
  }

  @Override
  public PolicyState state() {
    return new PolicyState(KIND, 0, Map.of("epsilon", epsilon), weights.clone(), null, null, null, null);
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }
}
