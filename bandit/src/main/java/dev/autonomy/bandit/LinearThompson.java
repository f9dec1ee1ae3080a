package dev.autonomy.bandit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Linear Thompson sampling (Agrawal and Goyal 2013): draws {@code theta ~ N(theta_hat, v^2 A^-1)}
 * and shows the {@code k} highest {@code theta . x}, all from the one draw.
 *
 * <p><b>The Cholesky factor.</b> Drawing needs a factor of {@code A}; the model keeps {@code L} with
 * {@code A = L L^T} current by a rank-one update at every {@link #update} (O(d^2), the same order as
 * the Sherman-Morrison step; forgetting scales it) rather than refactoring lazily (O(d^3)) at the first draw after
 * updates: a person's ranker alternates one choice and one or a few updates, so lazy refactoring
 * would pay O(d^3) nearly every call. A draw is then {@code theta_hat + v L^-T e}, one back
 * substitution.
 *
 * <p><b>Propensities</b> have no closed form; they are estimated from {@code draws} further draws:
 * for slot {@code j}, the share of draws whose top {@code j} items equal the shown ones that also put
 * the shown item next. The draw that made the list counts as one of them, so a shown item never
 * gets propensity 0 (an upward bias of at most {@code 1 / (draws + 1)}); {@link Choice#draws()}
 * says how many draws there were in all.
 */
final class LinearThompson implements Policy {
  static final String KIND = "thompson";

  private final RidgeModel model;
  private final Cholesky factor;
  private final double v;
  private final int draws;

  /** Thompson sampling on {@code model}, which must keep a Cholesky factor. */
  LinearThompson(RidgeModel model, double v, int draws) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("v must be a finite number >= 0, was " + v);
    }
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be >= 1, was " + draws);
    }
    this.model = model;
    this.factor = model.factor();
    this.v = v;
    this.draws = draws;
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

  /** One draw of the coefficients. */
  double[] sample(RandomGenerator random) {
    int d = model.dimension();
    double[] theta = model.thetaView();
    if (v == 0) {
      return theta.clone();
    }
    double[] e = new double[d];
    for (int i = 0; i < d; i++) {
      e[i] = random.nextGaussian();
    }
    double[] noise = factor.solveTransposed(e);
    double[] sample = new double[d];
    for (int i = 0; i < d; i++) {
      sample[i] = theta[i] + v * noise[i];
    }
    return sample;
  }

  private static double[] scores(double[][] xs, double[] theta) {
    double[] scores = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      scores[i] = Matrices.dot(theta, xs[i]);
    }
    return scores;
  }

  private double[][] features(List<Candidate> candidates) {
    Candidate.requireDimension(candidates, model.dimension());
    double[][] xs = new double[candidates.size()][];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = candidates.get(i).view();
    }
    return xs;
  }

  @Override
  public Choice choose(List<Candidate> candidates, int k, RandomGenerator random) {
    return decide(candidates, k, random).choice();
  }

  /**
   * One realised draw makes the list; {@code draws} further draws estimate both the list's
   * propensities and the top slot's distribution (the share of those draws that rank each candidate
   * first). These further draws are independent of the realised one, so the distribution is the same
   * estimate {@link #firstSlotProbabilities} makes from as many draws of its own; sharing them
   * halves the sampling per request ({@code draws + 1} draws instead of {@code 2 draws + 1}).
   */
  @Override
  public Decision decide(List<Candidate> candidates, int k, RandomGenerator random) {
    double[][] xs = features(candidates);
    int shown = TopK.shown(k, xs.length);
    int[] list = TopK.of(scores(xs, sample(random)), shown);
    // matches[j]: draws whose top j items are the shown ones (the realised draw included).
    long[] matches = new long[shown + 1];
    Arrays.fill(matches, 1);
    double[] firstSlot = new double[xs.length];
    if (v > 0) {
      for (int draw = 0; draw < draws; draw++) {
        int[] other = TopK.of(scores(xs, sample(random)), shown);
        firstSlot[other[0]]++;
        matches[0]++;
        for (int j = 0; j < shown && other[j] == list[j]; j++) {
          matches[j + 1]++;
        }
      }
      for (int i = 0; i < firstSlot.length; i++) {
        firstSlot[i] /= draws;
      }
    } else {
      firstSlot[list[0]] = 1;
    }
    List<Choice.Slot> slots = new ArrayList<>(shown);
    for (int j = 0; j < shown; j++) {
      slots.add(new Choice.Slot(list[j], (double) matches[j + 1] / matches[j]));
    }
    return new Decision(new Choice(slots, v > 0 ? draws + 1 : 0), firstSlot);
  }

  @Override
  public double[] firstSlotProbabilities(List<Candidate> candidates, RandomGenerator random) {
    double[][] xs = features(candidates);
    if (v == 0) {
      return TopK.oneHotOnBest(scores(xs, model.thetaView()));
    }
    long[] counts = new long[xs.length];
    boolean[] none = new boolean[xs.length];
    for (int draw = 0; draw < draws; draw++) {
      counts[TopK.best(scores(xs, sample(random)), none)]++;
    }
    double[] p = new double[xs.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (double) counts[i] / draws;
    }
    return p;
  }

  @Override
  public void update(Candidate shown, double reward) {
    model.update(shown.featuresFor(model.dimension(), reward), reward);
  }

  @Override
  public PolicyState state() {
    return new PolicyState(KIND, model.updates(), Map.of("lambda", model.lambda(), "discount", model.discount(), "v", v,
        "draws", (double) draws),
        model.prior(), model.a(), model.b(), null, null);
  }

  Cholesky factor() {
    return factor;
  }

  @Override
  public double[] weights() {
    return model.thetaView().clone();
  }
}
