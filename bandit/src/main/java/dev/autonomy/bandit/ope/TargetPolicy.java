package dev.autonomy.bandit.ope;

import dev.autonomy.bandit.Policy;
import java.util.random.RandomGenerator;

/** The policy being evaluated, as a distribution over a logged decision's candidates. */
@FunctionalInterface
public interface TargetPolicy {
  /**
   * The probability that this policy shows each of {@code decision}'s candidates in its slot;
   * non-negative, summing to 1.
   */
  double[] probabilities(LoggedDecision decision);

  /**
   * A {@link Policy} as it is now (not learning during the evaluation), by its top slot: what it
   * would show first among the decision's candidates.
   */
  static TargetPolicy topSlotOf(Policy policy, RandomGenerator random) {
    return decision -> policy.firstSlotProbabilities(decision.candidates(), random);
  }
}
