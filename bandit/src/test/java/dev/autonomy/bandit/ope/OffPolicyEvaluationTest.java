package dev.autonomy.bandit.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.bandit.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OffPolicyEvaluationTest {
  static final int K = 5;
  static final int D = 3;
  static final double[] TRUTH = {0.5, -0.3, 0.2};

  /** A softmax over {@code w . x} with temperature {@code t}. */
  static double[] softmax(List<Candidate> candidates, double[] w, double t) {
    double[] p = new double[candidates.size()];
    double sum = 0;
    for (int a = 0; a < p.length; a++) {
      double[] x = candidates.get(a).x();
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += w[j] * x[j];
      }
      p[a] = Math.exp(s / t);
      sum += p[a];
    }
    for (int a = 0; a < p.length; a++) {
      p[a] /= sum;
    }
    return p;
  }

  /** Mean reward of a candidate: non-linear in x, so the ridge reward model is misspecified. */
  static double meanReward(Candidate c) {
    double[] x = c.x();
    double s = 0;
    for (int j = 0; j < D; j++) {
      s += TRUTH[j] * x[j];
    }
    return 1 / (1 + Math.exp(-3 * s));
  }

  record Simulated(List<LoggedDecision> log, double truth) {}

  static final double[] LOGGING = {0.2, 0.1, -0.1};
  static final double[] TARGET = {1.0, -0.6, 0.4};

  /** A log by a soft logging policy and the target's true value on its contexts. */
  static Simulated simulate(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LoggedDecision> log = new ArrayList<>();
    double truth = 0;
    for (int i = 0; i < n; i++) {
      List<Candidate> candidates = new ArrayList<>();
      for (int a = 0; a < K; a++) {
        double[] x = new double[D];
        for (int j = 0; j < D; j++) {
          x[j] = 2 * random.nextDouble() - 1;
        }
        candidates.add(new Candidate("c" + a, x));
      }
      double[] logging = softmax(candidates, LOGGING, 0.5);
      double[] target = softmax(candidates, TARGET, 0.3);
      double u = random.nextDouble();
      int action = 0;
      for (double cumulative = logging[0]; cumulative < u && action < K - 1; cumulative += logging[++action]) {
        // walk the cumulative distribution
      }
      double reward = random.nextDouble() < meanReward(candidates.get(action)) ? 1 : 0;
      log.add(new LoggedDecision(candidates, action, 0, logging[action], reward));
      for (int a = 0; a < K; a++) {
        truth += target[a] * meanReward(candidates.get(a)) / n;
      }
    }
    return new Simulated(log, truth);
  }

  static final TargetPolicy TARGET_POLICY = d -> softmax(d.candidates(), TARGET, 0.3);

  @Test
  void ipsSnipsAndDr_areUnbiasedOnASimulatedLog() {
    int seeds = 150;
    double[] bias = new double[Estimator.values().length];
    double[] squares = new double[Estimator.values().length];
    OffPolicyEvaluation.Settings settings = new OffPolicyEvaluation.Settings(20, 1, 1, 0.95);
    for (long seed = 1; seed <= seeds; seed++) {
      Simulated s = simulate(seed, 300);
      Map<Estimator, Estimate> estimates = OffPolicyEvaluation.evaluate(s.log(), TARGET_POLICY, settings);
      for (Estimator e : Estimator.values()) {
        double error = estimates.get(e).value() - s.truth();
        bias[e.ordinal()] += error / seeds;
        squares[e.ordinal()] += error * error / seeds;
      }
    }
    for (Estimator e : List.of(Estimator.IPS, Estimator.SNIPS, Estimator.DR)) {
      double sd = Math.sqrt(squares[e.ordinal()] - bias[e.ordinal()] * bias[e.ordinal()]);
      double standardError = sd / Math.sqrt(seeds);
      assertThat(Math.abs(bias[e.ordinal()])).as("%s: mean error %.4f, its standard error %.4f", e, bias[e.ordinal()], standardError)
          .isLessThan(3 * standardError + 0.002);
    }
    // The target is far from the logger, so the ridge model's misspecification shows as a bias of DM's.
    assertThat(Math.sqrt(squares[Estimator.DR.ordinal()])).isLessThan(Math.sqrt(squares[Estimator.IPS.ordinal()]));
  }

  @Test
  void intervals_coverTheTruthMostOfTheTime() {
    int covered = 0;
    int seeds = 40;
    for (long seed = 1; seed <= seeds; seed++) {
      Simulated s = simulate(1000 + seed, 300);
      Estimate dr = OffPolicyEvaluation.evaluate(s.log(), TARGET_POLICY, new OffPolicyEvaluation.Settings(200, seed, 1, 0.95))
          .get(Estimator.DR);
      assertThat(dr.low()).isLessThanOrEqualTo(dr.value());
      covered += dr.covers(s.truth()) ? 1 : 0;
    }
    assertThat(covered).as("DR intervals covering the truth, of %d", seeds).isGreaterThanOrEqualTo(32);
  }

  @Test
  void compare_cannotTellAPolicyFromItselfButSeesALargeDifference() {
    Simulated s = simulate(7, 400);
    OffPolicyEvaluation.Settings settings = new OffPolicyEvaluation.Settings(300, 3, 1, 0.95);
    Comparison same = OffPolicyEvaluation.compare(s.log(), TARGET_POLICY, TARGET_POLICY, Estimator.DR, settings);
    assertThat(same.verdict()).isEqualTo(Comparison.Verdict.CANNOT_TELL);
    assertThat(same.difference()).isZero();
    TargetPolicy worst = d -> softmax(d.candidates(), new double[] {-1.0, 0.6, -0.4}, 0.3);
    Comparison apart = OffPolicyEvaluation.compare(s.log(), TARGET_POLICY, worst, Estimator.DR, settings);
    assertThat(apart.verdict()).isEqualTo(Comparison.Verdict.A_BETTER);
    assertThat(apart.low()).isPositive();
  }

  @Test
  void sameSeed_sameInterval() {
    Simulated s = simulate(9, 100);
    OffPolicyEvaluation.Settings settings = new OffPolicyEvaluation.Settings(100, 5, 1, 0.95);
    assertThat(OffPolicyEvaluation.evaluate(s.log(), TARGET_POLICY, settings))
        .isEqualTo(OffPolicyEvaluation.evaluate(s.log(), TARGET_POLICY, settings));
  }

  @Test
  void targetPolicy_mustGiveADistributionOverTheCandidates() {
    Simulated s = simulate(9, 10);
    OffPolicyEvaluation.Settings settings = OffPolicyEvaluation.Settings.defaults().withResamples(20);
    assertThatThrownBy(() -> OffPolicyEvaluation.evaluate(s.log(), d -> new double[] {0.5, 0.5}, settings))
        .hasMessageContaining("log[0] has 5 candidates, the policy gave 2 probabilities");
    assertThatThrownBy(() -> OffPolicyEvaluation.evaluate(s.log(), d -> new double[] {0.5, 0.4, 0, 0, 0}, settings))
        .hasMessageContaining("must sum to 1");
    assertThatThrownBy(() -> new LoggedDecision(s.log().get(0).candidates(), 5, 0, 0.2, 1))
        .hasMessageContaining("action must be a candidate index 0..4, was 5");
    assertThatThrownBy(() -> new LoggedDecision(s.log().get(0).candidates(), 1, 0, 0, 1))
        .hasMessageContaining("propensity must be in (0, 1], was 0.0");
  }
}
