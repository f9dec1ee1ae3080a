package dev.autonomy.bandit;

import java.util.List;

/**
 * Makes every {@link Policy} of this module, and makes one again from its {@link PolicyState}: the
 * registry of kinds. The implementations are package-private; callers see the interface.
 */
public final class Policies {
  /** Every kind {@link #restore} knows. */
  public static final List<String> KINDS = List.of(FixedWeights.KIND, LinUcb.KIND, HybridLinUcb.KIND,
      LinearThompson.KIND, EpsilonGreedy.KIND, ConservativeLinUcb.KIND);

  private Policies() {}

  /**
   * The fixed ranker: score {@code weights . x}, greedy, never learns; with probability {@code
   * epsilon} the last slot is drawn from the candidates not shown above it (0 turns it off).
   */
  public static Policy fixed(double[] weights, double epsilon) {
    return new FixedWeights(weights, epsilon);
  }

  /** Disjoint LinUCB from {@code prior} with exploration bonus {@code alpha} (0: greedy on the mean), never forgetting. */
  public static Policy linUcb(Prior prior, double alpha) {
    return linUcb(prior, alpha, 1);
  }

  /**
   * Disjoint LinUCB that forgets: an observation {@code s} updates old counts {@code discount^s}
   * (the prior is kept); 1 never forgets.
   */
  public static Policy linUcb(Prior prior, double alpha, double discount) {
    return new LinUcb(new RidgeModel(prior, discount, false), alpha);
  }

  /**
   * Hybrid LinUCB: shared coefficients from {@code prior}, plus per-arm coefficients (prior 0,
   * precision {@code armLambda}) over the features at {@code armFeatures}.
   */
  public static Policy hybridLinUcb(Prior prior, double armLambda, int[] armFeatures, double alpha) {
    return hybridLinUcb(prior, armLambda, armFeatures, alpha, 1);
  }

  /** Hybrid LinUCB that forgets, as {@link #linUcb(Prior, double, double)}. */
  public static Policy hybridLinUcb(Prior prior, double armLambda, int[] armFeatures, double alpha, double discount) {
    return new HybridLinUcb(prior, armLambda, armFeatures, alpha, discount);
  }

  /**
   * Linear Thompson sampling from {@code prior}: draws {@code N(theta_hat, v^2 A^-1)}; {@code draws}
   * further draws estimate the propensities.
   */
  public static Policy thompson(Prior prior, double v, int draws) {
    return thompson(prior, v, draws, 1);
  }

  /** Linear Thompson sampling that forgets, as {@link #linUcb(Prior, double, double)}. */
  public static Policy thompson(Prior prior, double v, int draws, double discount) {
    return new LinearThompson(new RidgeModel(prior, discount, true), v, draws);
  }

  /** Epsilon-greedy over the ridge model's mean from {@code prior}, exploring in every slot. */
  public static Policy epsilonGreedy(Prior prior, double epsilon) {
    return epsilonGreedy(prior, epsilon, 1);
  }

  /** Epsilon-greedy that forgets, as {@link #linUcb(Prior, double, double)}. */
  public static Policy epsilonGreedy(Prior prior, double epsilon, double discount) {
    return new EpsilonGreedy(new RidgeModel(prior, discount, false), epsilon);
  }

  /**
   * LinUCB held to the fixed ranking (the prior mean's): each slot is the fixed ranker's choice
   * unless the model is sure, by {@code beta} standard deviations of the difference, that LinUCB's
   * (bonus {@code alpha}) is better; forgets as {@link #linUcb(Prior, double, double)}.
   */
  public static Policy conservative(Prior prior, double alpha, double beta, double discount) {
    return new ConservativeLinUcb(new RidgeModel(prior, discount, false), alpha, beta);
  }

  /**
   * The policy that saved {@code state}, with the same settings and everything it had learned.
   *
   * @throws IllegalArgumentException naming the kind or field when the state does not fit
   */
  public static Policy restore(PolicyState state) {
    if (state == null) {
      throw new IllegalArgumentException("state must not be null");
    }
    return switch (state.kind()) {
      case FixedWeights.KIND -> new FixedWeights(state.prior(), state.setting("epsilon"));
      case LinUcb.KIND -> new LinUcb(model(state, false), state.setting("alpha"));
      case EpsilonGreedy.KIND -> new EpsilonGreedy(model(state, false), state.setting("epsilon"));
      case ConservativeLinUcb.KIND -> new ConservativeLinUcb(model(state, false), state.setting("alpha"), state.setting("beta"));
      case LinearThompson.KIND -> {
        RidgeModel model = model(state, true);
        double draws = state.setting("draws");
        if (draws != Math.rint(draws) || draws < 1 || draws > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("thompson state: setting 'draws' must be a whole number >= 1, was " + draws);
        }
        yield new LinearThompson(model, state.setting("v"), (int) draws);
      }
      case HybridLinUcb.KIND -> HybridLinUcb.restore(state);
      default -> throw new IllegalArgumentException("unknown policy kind '" + state.kind() + "'; known: " + KINDS);
    };
  }

  private static RidgeModel model(PolicyState state, boolean withFactor) {
    double discount = state.settings().getOrDefault("discount", 1.0);
    return RidgeModel.restore(new Prior(state.prior(), state.setting("lambda")), discount, state.a(), state.b(), state.version(),
        withFactor);
  }
}
