package dev.autonomy.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoliciesTest {
  static final double[] HAND = {0.40, 0.20, 0.15, 0.10, 0.05, 0, 0, 0};

  static List<Candidate> candidates(SplittableRandom random, int n, int d) {
    List<Candidate> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = random.nextDouble();
      }
      list.add(new Candidate("arm" + i, x));
    }
    return list;
  }

  static Policy make(String kind, Prior prior, boolean explore) {
    return switch (kind) {
      case "fixed" -> Policies.fixed(prior.mean(), explore ? 0.1 : 0);
      case "linucb" -> Policies.linUcb(prior, explore ? 0.5 : 0);
      case "linucb-forgetting" -> Policies.linUcb(prior, explore ? 0.5 : 0, 0.99);
      case "thompson-forgetting" -> Policies.thompson(prior, explore ? 0.3 : 0, 200, 0.99);
      case "linucb-hybrid" -> Policies.hybridLinUcb(prior, 1, new int[] {0, 1}, explore ? 0.5 : 0);
      case "linucb-hybrid-forgetting" -> Policies.hybridLinUcb(prior, 1, new int[] {0, 1}, explore ? 0.5 : 0, 0.99);
      case "thompson" -> Policies.thompson(prior, explore ? 0.3 : 0, 200);
      case "egreedy" -> Policies.epsilonGreedy(prior, explore ? 0.1 : 0);
      case "conservative" -> Policies.conservative(prior, explore ? 0.5 : 0, 0.1, 1);
      case "conservative-forgetting" -> Policies.conservative(prior, explore ? 0.5 : 0, 0.1, 0.99);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"linucb", "linucb-hybrid", "thompson", "egreedy", "conservative"})
  void priorMean_reproducesTheFixedRankingBeforeAnyUpdate(String kind) {
    SplittableRandom random = new SplittableRandom(11);
    Policy fixed = Policies.fixed(HAND, 0);
    Policy learned = make(kind, new Prior(HAND, 2), false);
    for (int trial = 0; trial < 200; trial++) {
      List<Candidate> list = candidates(random, 12, HAND.length);
      assertThat(learned.choose(list, 5, random).indices()).as("trial %d", trial).containsExactly(fixed.choose(list, 5, random).indices());
    }
  }

  @Test
  void linUcbWithExploration_stillRanksAsTheFixedRankerWhenCandidatesAreEquallyCertain() {
    SplittableRandom random = new SplittableRandom(12);
    Policy fixed = Policies.fixed(HAND, 0);
    Policy ucb = Policies.linUcb(new Prior(HAND, 2), 1.0);
    for (int trial = 0; trial < 100; trial++) {
      List<Candidate> list = new ArrayList<>();
      for (Candidate c : candidates(random, 10, HAND.length)) {
        double[] x = c.x();
        double norm = Math.sqrt(Matrices.dot(x, x));
        for (int j = 0; j < x.length; j++) {
          x[j] /= norm;
        }
        list.add(new Candidate(c.armId(), x));
      }
      assertThat(ucb.choose(list, 4, random).indices()).containsExactly(fixed.choose(list, 4, random).indices());
    }
  }

  /** A hidden linear reward far from the prior: the learned policies' regret must fall and beat the prior's. */
  @ParameterizedTest
  @ValueSource(strings = {"linucb", "linucb-hybrid", "thompson", "egreedy", "linucb-forgetting", "thompson-forgetting",
      "linucb-hybrid-forgetting", "conservative", "conservative-forgetting"})
  void learnedPolicies_learnAHiddenLinearReward(String kind) {
    int d = 6;
    double[] truth = {-0.3, 0.5, 0.1, -0.2, 0.6, 0.0};
    double[] hand = {0.5, -0.2, 0.1, 0.3, -0.4, 0.2};
    double fixedRegret = 0;
    double earlyRegret = 0;
    double lateRegret = 0;
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Policy policy = make(kind, new Prior(hand, 1), true);
      Policy fixed = Policies.fixed(hand, 0);
      int rounds = 1500;
      for (int t = 0; t < rounds; t++) {
        List<Candidate> list = candidates(random, 8, d);
        double[] value = list.stream().mapToDouble(c -> Matrices.dot(truth, c.view())).toArray();
        double best = Arrays.stream(value).max().orElseThrow();
        Choice choice = policy.choose(list, 3, random);
        double regret = best - value[choice.top()];
        if (t < 100) {
          earlyRegret += regret;
        } else if (t >= rounds - 100) {
          lateRegret += regret;
          fixedRegret += best - value[fixed.choose(list, 1, random).top()];
        }
        for (Choice.Slot slot : choice.slots()) {
          Candidate c = list.get(slot.index());
          policy.update(c, value[slot.index()] + 0.3 * random.nextGaussian());
        }
      }
    }
    assertThat(lateRegret).as("%s: regret over the last 100 rounds against the first 100", kind).isLessThan(0.5 * earlyRegret);
    assertThat(lateRegret).as("%s: against the fixed prior", kind).isLessThan(0.1 * fixedRegret);
  }

  /** Shows the same state {@code runs} times and checks that the reported propensities are frequencies. */
  static void checkPropensities(Policy policy, List<Candidate> list, int k, int runs, double tolerance, boolean exact) {
    SplittableRandom random = new SplittableRandom(5);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> prefixCounts = new HashMap<>();
    Map<String, Double> reported = new HashMap<>();
    for (int run = 0; run < runs; run++) {
      Choice choice = policy.choose(list, k, random);
      StringBuilder prefix = new StringBuilder();
      for (Choice.Slot slot : choice.slots()) {
        prefixCounts.merge(prefix.toString(), 1, Integer::sum);
        String key = prefix + ">" + slot.index();
        counts.merge(key, 1, Integer::sum);
        Double before = reported.put(key, slot.propensity());
        if (exact && before != null) {
          assertThat(slot.propensity()).as("exact propensity of %s", key).isEqualTo(before);
        }
        prefix.append(slot.index()).append(',');
      }
    }
    Map<String, Double> sums = new HashMap<>();
    reported.forEach((key, p) -> {
      String prefix = key.substring(0, key.indexOf('>'));
      double frequency = (double) counts.get(key) / prefixCounts.get(prefix);
      assertThat(frequency).as("frequency of %s (seen %d times after its prefix)", key, prefixCounts.get(prefix))
          .isCloseTo(p, within(tolerance + 4 * Math.sqrt(p * (1 - p) / prefixCounts.get(prefix))));
      sums.merge(prefix, p, Double::sum);
    });
    if (exact) {
      sums.forEach((prefix, sum) -> assertThat(sum).as("propensities after prefix '%s'", prefix).isCloseTo(1, within(1e-12)));
    }
  }

  @Test
  void epsilonGreedy_propensitiesAreExactAndSumToOneInEverySlot() {
    SplittableRandom random = new SplittableRandom(21);
    List<Candidate> list = candidates(random, 5, 4);
    Policy policy = Policies.epsilonGreedy(new Prior(new double[] {1, 0.5, -0.2, 0.1}, 1), 0.3);
    checkPropensities(policy, list, 2, 40_000, 0, true);
    double[] first = policy.firstSlotProbabilities(list, random);
    assertThat(Arrays.stream(first).sum()).isCloseTo(1, within(1e-12));
  }

  @Test
  void fixedWeightsWithEpsilon_matchesTheEngineRankersLastSlot() {
    SplittableRandom random = new SplittableRandom(22);
    List<Candidate> list = candidates(random, 6, 4);
    Policy policy = Policies.fixed(new double[] {1, 0.5, -0.2, 0.1}, 0.2);
    checkPropensities(policy, list, 3, 30_000, 0, true);
    Choice greedy = Policies.fixed(new double[] {1, 0.5, -0.2, 0.1}, 0).choose(list, 3, random);
    // The greedy last item keeps (1 - epsilon) + epsilon / pool, as the engine's Ranker logs it.
    Choice any = policy.choose(list, 3, random);
    if (any.slots().get(2).index() == greedy.slots().get(2).index()) {
      assertThat(any.slots().get(2).propensity()).isCloseTo(0.8 + 0.2 / 4, within(1e-12));
    }
  }

  @Test
  void thompson_propensitiesAreFrequenciesWithinMonteCarloError() {
    SplittableRandom random = new SplittableRandom(23);
    List<Candidate> list = candidates(random, 4, 3);
    Policy policy = Policies.thompson(new Prior(new double[] {0.3, 0.2, 0.1}, 4), 0.5, 2000);
    // Monte Carlo error of a propensity from 2001 draws: about 0.011 at p = 0.5.
    checkPropensities(policy, list, 2, 3000, 0.035, false);
    double[] first = policy.firstSlotProbabilities(list, random);
    assertThat(Arrays.stream(first).sum()).isCloseTo(1, within(1e-9));
    Choice choice = policy.choose(list, 2, random);
    assertThat(choice.draws()).isEqualTo(2001);
    assertThat(choice.slots().get(0).propensity()).isCloseTo(first[choice.top()], within(0.05));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fixed", "linucb", "linucb-hybrid", "thompson", "egreedy", "linucb-forgetting", "thompson-forgetting",
      "linucb-hybrid-forgetting", "conservative", "conservative-forgetting"})
  void restore_continuesExactlyWhereTheSavedPolicyWas(String kind) {
    SplittableRandom random = new SplittableRandom(31);
    Policy policy = make(kind, new Prior(HAND, 2), true);
    for (int t = 0; t < 300; t++) {
      List<Candidate> list = candidates(random, 6, HAND.length);
      Choice choice = policy.choose(list, 2, random);
      for (Choice.Slot slot : choice.slots()) {
        policy.update(list.get(slot.index()), random.nextDouble());
      }
    }
    PolicyState state = policy.state();
    Policy restored = Policies.restore(state);
    assertThat(restored.name()).isEqualTo(kind.replace("-forgetting", ""));
    assertThat(restored.version()).isEqualTo(policy.version());
    for (int trial = 0; trial < 50; trial++) {
      List<Candidate> list = candidates(random, 8, HAND.length);
      long seed = random.nextLong();
      Choice a = policy.choose(list, 3, new SplittableRandom(seed));
      Choice b = restored.choose(list, 3, new SplittableRandom(seed));
      assertThat(b.indices()).containsExactly(a.indices());
    }
    assertThat(Policies.restore(restored.state()).state().version()).isEqualTo(state.version());
  }

  /** The hybrid model is one ridge regression on the stacked vector [z; arm block of x], forgetting or not. */
  @ParameterizedTest
  @ValueSource(doubles = {1.0, 0.97})
  void hybrid_equalsAJointRidgeOnStackedFeatures(double discount) {
    SplittableRandom random = new SplittableRandom(41);
    int d = 4;
    int[] armFeatures = {0, 2};
    double lambda = 2;
    double armLambda = 0.5;
    double[] prior = {0.3, -0.1, 0.2, 0.05};
    HybridLinUcb hybrid = new HybridLinUcb(new Prior(prior, lambda), armLambda, armFeatures, 0, discount);
    List<String> arms = List.of("a", "b", "c");
    int p = d + arms.size() * armFeatures.length;
    Supplier<double[]> priorMean = () -> {
      double[] m = new double[p];
      System.arraycopy(prior, 0, m, 0, d);
      return m;
    };
    double[][] precision = new double[p][p];
    double[] b = new double[p];
    double[] mean0 = priorMean.get();
    for (int t = 0; t < 400; t++) {
      String arm = arms.get(random.nextInt(arms.size()));
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = random.nextDouble();
      }
      double r = random.nextGaussian();
      hybrid.update(new Candidate(arm, x), r);
      double[] u = stacked(x, arm, arms, armFeatures);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          precision[i][j] = discount * precision[i][j] + u[i] * u[j];
        }
        b[i] = discount * b[i] + r * u[i];
      }
    }
    // 400 updates is a whole number of top-ups (d = 4): the priors are whole again.
    for (int i = 0; i < p; i++) {
      precision[i][i] += i < d ? lambda : armLambda;
      b[i] += (i < d ? lambda : armLambda) * mean0[i];
    }
    double[][] covariance = RidgeModelTest.directInverse(precision);
    double[] theta = Matrices.multiply(covariance, b);
    for (String arm : List.of("a", "b", "c", "never-seen")) {
      double[] x = {0.2, 0.9, 0.4, 0.7};
      double[] u = stacked(x, arm, arms, armFeatures);
      double[] ms = hybrid.meanAndVariance(new Candidate(arm, x));
      double variance = Matrices.quadratic(covariance, u);
      if (arm.equals("never-seen")) {
        variance += (x[0] * x[0] + x[2] * x[2]) / armLambda; // a fresh arm block, still at its prior
      }
      assertThat(ms[0]).as("mean of %s", arm).isCloseTo(Matrices.dot(theta, u), within(1e-9));
      assertThat(ms[1]).as("variance of %s", arm).isCloseTo(variance, within(1e-9));
    }
  }

  private static double[] stacked(double[] x, String arm, List<String> arms, int[] armFeatures) {
    int d = x.length;
    double[] u = new double[d + arms.size() * armFeatures.length];
    System.arraycopy(x, 0, u, 0, d);
    int block = arms.indexOf(arm);
    if (block >= 0) {
      for (int i = 0; i < armFeatures.length; i++) {
        u[d + block * armFeatures.length + i] = x[armFeatures[i]];
      }
    }
    return u;
  }

  @Test
  void choose_rejectsCandidatesOfTheWrongDimensionAndAnEmptyList() {
    Policy policy = Policies.linUcb(new Prior(new double[] {1, 2}, 1), 0.1);
    SplittableRandom random = new SplittableRandom(1);
    assertThatThrownBy(() -> policy.choose(List.of(new Candidate("a", new double[] {1, 2, 3})), 1, random))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates[0] ('a') has 3 features, the policy expects 2");
    assertThatThrownBy(() -> policy.choose(List.of(), 1, random)).hasMessageContaining("candidates must not be empty");
    assertThatThrownBy(() -> policy.choose(List.of(new Candidate("a", new double[] {1, 2})), 0, random)).hasMessageContaining("k must be >= 1, was 0");
    assertThatThrownBy(() -> policy.update(new Candidate("a", new double[] {1, 2}), Double.NaN)).hasMessageContaining("reward for 'a' must be finite");
    assertThat(policy.choose(List.of(new Candidate("a", new double[] {1, 2})), 3, random).indices()).containsExactly(0);
  }

  @Test
  void restore_rejectsAnUnknownKindAndAMissingSetting() {
    assertThatThrownBy(() -> Policies.restore(new PolicyState("bogus", 0, Map.of(), new double[] {1}, null, null, null, null)))
        .hasMessageContaining("unknown policy kind 'bogus'").hasMessageContaining("linucb");
    assertThatThrownBy(() -> Policies.restore(new PolicyState("linucb", 0, Map.of("lambda", 1.0), new double[] {1},
        new double[][] {{1}}, new double[] {1}, null, null))).hasMessageContaining("setting 'alpha' is missing");
    assertThatThrownBy(() -> Policies.restore(new PolicyState("linucb", 0, Map.of("lambda", 1.0, "alpha", 1.0), new double[] {1, 2},
        new double[][] {{1}}, new double[] {1}, null, null))).hasMessageContaining("a must have 2 rows, had 1");
  }

  @Test
  void prior_rejectsANonPositivePrecision() {
    assertThatThrownBy(() -> new Prior(new double[] {1}, 0)).hasMessageContaining("prior precision (lambda) must be a finite number > 0, was 0.0");
  }
}
