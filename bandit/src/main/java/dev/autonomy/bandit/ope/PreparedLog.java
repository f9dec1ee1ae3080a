package dev.autonomy.bandit.ope;

import java.util.List;

/** A log read once into arrays, with the target's probabilities and weights, for the bootstrap loops. */
final class PreparedLog {
  final int n;
  final int d;
  final int slots;
  final double[][][] features;
  final int[] action;
  final int[] slot;
  final double[] propensity;
  final double[] reward;

  private PreparedLog(List<LoggedDecision> log) {
    if (log == null || log.isEmpty()) {
      throw new IllegalArgumentException("the log must hold at least one decision");
    }
    n = log.size();
    d = log.get(0).shown().dimension();
    features = new double[n][][];
    action = new int[n];
    slot = new int[n];
    propensity = new double[n];
    reward = new double[n];
    int maxSlot = 0;
    for (int i = 0; i < n; i++) {
      LoggedDecision decision = log.get(i);
      if (decision.shown().dimension() != d) {
        throw new IllegalArgumentException("log[" + i + "]: candidates have " + decision.shown().dimension()
            + " features, log[0]'s have " + d);
      }
      features[i] = new double[decision.candidates().size()][];
      for (int a = 0; a < features[i].length; a++) {
        features[i][a] = decision.candidates().get(a).x();
      }
      action[i] = decision.action();
      slot[i] = decision.slot();
      propensity[i] = decision.propensity();
      reward[i] = decision.reward();
      maxSlot = Math.max(maxSlot, decision.slot());
    }
    slots = maxSlot + 1;
  }

  static PreparedLog of(List<LoggedDecision> log) {
    return new PreparedLog(log);
  }

  /** The target's probabilities per decision, checked. */
  Target target(List<LoggedDecision> log, TargetPolicy policy) {
    double[][] probabilities = new double[n][];
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      double[] p = policy.probabilities(log.get(i));
      if (p == null || p.length != features[i].length) {
        throw new IllegalArgumentException("target policy: log[" + i + "] has " + features[i].length
            + " candidates, the policy gave " + (p == null ? "no" : p.length) + " probabilities");
      }
      double sum = 0;
      for (int a = 0; a < p.length; a++) {
        if (!(p[a] >= 0 && p[a] <= 1 + 1e-9)) {
          throw new IllegalArgumentException("target policy: log[" + i + "]: probability of candidate " + a + " must be in [0, 1], was " + p[a]);
        }
        sum += p[a];
      }
      if (Math.abs(sum - 1) > 1e-6) {
        throw new IllegalArgumentException("target policy: log[" + i + "]: probabilities must sum to 1, sum to " + sum);
      }
      probabilities[i] = p.clone();
      weight[i] = p[action[i]] / propensity[i];
    }
    return new Target(probabilities, weight);
  }

  /** A target policy on this log: its probabilities and the importance weights of the logged actions. */
  record Target(double[][] probabilities, double[] weight) {}
}
