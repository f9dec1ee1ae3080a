package dev.autonomy.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The conservative policy shows the fixed ranking until the person's evidence makes it sure of something better. */
class ConservativeLinUcbTest {
  static final double[] HAND = {0.6, 0.1, 0.1, 0.1};
  /** The person likes the opposite of what the hand weights rank first. */
  static final double[] TRUTH = {-0.4, 0.1, 0.1, 0.5};

  /** Teaches {@code policy} {@code rounds} lists of noisy feedback from {@link #TRUTH}; returns how many tops differed from the fixed ranker's. */
  static int live(Policy policy, int rounds, SplittableRandom random) {
    Policy fixed = Policies.fixed(HAND, 0);
    int departures = 0;
    for (int t = 0; t < rounds; t++) {
      List<Candidate> list = PoliciesTest.candidates(random, 6, HAND.length);
      Choice choice = policy.choose(list, 2, random);
      departures += choice.top() != fixed.choose(list, 1, random).top() ? 1 : 0;
      for (Choice.Slot slot : choice.slots()) {
        Candidate c = list.get(slot.index());
        policy.update(c, Matrices.dot(TRUTH, c.view()) + 0.3 * random.nextGaussian());
      }
    }
    return departures;
  }

  @Test
  void departsFromTheFixedRanking_onlyAsFarAsTheEvidenceIsSure() {
    Prior prior = new Prior(HAND, 5);
    int early = live(Policies.conservative(prior, 0.1, 0.1, 1), 5, new SplittableRandom(1));
    int sure = live(Policies.conservative(prior, 0.1, 0.1, 1), 400, new SplittableRandom(1));
    int never = live(Policies.conservative(prior, 0.1, 1e6, 1), 400, new SplittableRandom(1));
    assertThat(early).as("five lists of feedback are not enough to leave the hand weights").isZero();
    assertThat(sure).as("contrary feedback, 400 lists: it departs for most of them").isGreaterThan(200);
    assertThat(never).as("an impossible margin keeps the fixed ranking").isZero();
  }

  @Test
  void isDeterministic_withPropensityOneAndAOneHotFirstSlot() {
    Policy policy = Policies.conservative(new Prior(HAND, 5), 0.1, 0.1, 0.98);
    SplittableRandom random = new SplittableRandom(2);
    live(policy, 100, random);
    List<Candidate> list = PoliciesTest.candidates(random, 8, HAND.length);
    Choice a = policy.choose(list, 3, new SplittableRandom(5));
    assertThat(policy.choose(list, 3, new SplittableRandom(99)).indices()).containsExactly(a.indices());
    assertThat(a.slots()).allSatisfy(s -> assertThat(s.propensity()).isEqualTo(1.0));
    double[] first = policy.firstSlotProbabilities(list, random);
    assertThat(first[a.top()]).isEqualTo(1.0);
    assertThat(java.util.Arrays.stream(first).sum()).isEqualTo(1.0);
  }

  @Test
  void rejectsANegativeOrInfiniteMargin() {
    Prior prior = new Prior(HAND, 5);
    assertThatThrownBy(() -> Policies.conservative(prior, 0.1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta").hasMessageContaining("-1");
    assertThatThrownBy(() -> Policies.conservative(prior, 0.1, Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
  }
}
