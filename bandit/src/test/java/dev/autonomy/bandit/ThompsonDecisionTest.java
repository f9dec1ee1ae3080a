package dev.autonomy.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Thompson sampling's one call per request: the same list as {@code choose}, half the draws, the same first-slot estimate. */
class ThompsonDecisionTest {
  /** Counts the standard normal draws it gives, each from a seeded generator. */
  static final class CountingRandom implements RandomGenerator {
    final SplittableRandom inner;
    long gaussians;

    CountingRandom(long seed) {
      inner = new SplittableRandom(seed);
    }

    @Override
    public long nextLong() {
      return inner.nextLong();
    }

    @Override
    public double nextGaussian() {
      gaussians++;
      return inner.nextGaussian();
    }
  }

  static Policy trained(int draws) {
    Policy policy = Policies.thompson(new Prior(PoliciesTest.HAND, 2), 0.3, draws);
    SplittableRandom random = new SplittableRandom(8);
    for (int t = 0; t < 30; t++) {
      List<Candidate> list = PoliciesTest.candidates(random, 5, PoliciesTest.HAND.length);
      policy.update(list.get(random.nextInt(5)), random.nextDouble());
    }
    return policy;
  }

  @Test
  void decide_showsWhatChooseShows_withOneSetOfDraws() {
    int draws = 200;
    int d = PoliciesTest.HAND.length;
    Policy policy = trained(draws);
    List<Candidate> list = PoliciesTest.candidates(new SplittableRandom(3), 6, d);

    CountingRandom separate = new CountingRandom(17);
    Choice chosen = policy.choose(list, 3, separate);
    double[] apart = policy.firstSlotProbabilities(list, separate);
    assertThat(separate.gaussians).as("choose, then firstSlotProbabilities").isEqualTo((2L * draws + 1) * d);

    CountingRandom shared = new CountingRandom(17);
    Decision decision = policy.decide(list, 3, shared);
    assertThat(shared.gaussians).as("decide: the realised draw and one set of further draws").isEqualTo((draws + 1L) * d);
    assertThat(decision.choice()).as("the same list and propensities as choose, logged the same way").isEqualTo(chosen);
    double[] first = decision.firstSlot();
    assertThat(Arrays.stream(first).sum()).isCloseTo(1.0, within(1e-12));
    for (double p : first) {
      assertThat(p * draws).as("a share of the draws").isCloseTo(Math.rint(p * draws), within(1e-9));
    }
    // The two estimates of the same distribution from as many draws agree within Monte Carlo error.
    for (int i = 0; i < first.length; i++) {
      assertThat(first[i]).as("candidate %d", i).isCloseTo(apart[i], within(4 * Math.sqrt(0.25 / draws) * Math.sqrt(2)));
    }
  }

  @Test
  void decide_firstSlotIsTheSampledArgmaxDistribution() {
    int draws = 4000;
    Policy policy = trained(draws);
    List<Candidate> list = PoliciesTest.candidates(new SplittableRandom(4), 5, PoliciesTest.HAND.length);
    double[] shared = policy.decide(list, 2, new SplittableRandom(1)).firstSlot();
    double[] reference = policy.firstSlotProbabilities(list, new SplittableRandom(2));
    for (int i = 0; i < shared.length; i++) {
      assertThat(shared[i]).as("candidate %d", i).isCloseTo(reference[i], within(0.035));
    }
  }

  @Test
  void otherPolicies_decideAsChooseThenFirstSlot() {
    Policy policy = Policies.epsilonGreedy(new Prior(PoliciesTest.HAND, 2), 0.2);
    List<Candidate> list = PoliciesTest.candidates(new SplittableRandom(5), 6, PoliciesTest.HAND.length);
    Decision decision = policy.decide(list, 3, new SplittableRandom(9));
    SplittableRandom random = new SplittableRandom(9);
    assertThat(decision.choice()).isEqualTo(policy.choose(list, 3, random));
    assertThat(decision.firstSlot()).containsExactly(policy.firstSlotProbabilities(list, random));
  }
}
