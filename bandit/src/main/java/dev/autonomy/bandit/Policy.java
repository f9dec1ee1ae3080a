package dev.autonomy.bandit;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A ranker that may learn from the person: it shows {@code k} of the candidates and is told the
 * reward of a shown one. Made by {@link Policies}; not thread-safe (one person's ranker is used by
 * one thread at a time; the caller serialises).
 *
 * <p>Randomness is passed in, so the same generator state gives the same list.
 */
public interface Policy {
  /** The kind of policy: {@code fixed}, {@code linucb}, {@code linucb-hybrid}, {@code thompson}, {@code egreedy}, {@code conservative}. */
  String name();

  /** The number of features every candidate must have. */
  int dimension();

  /** How many updates it has learned from (0 for a policy that never learns). */
  long version();

  /**
   * Shows up to {@code k} candidates (fewer when there are fewer), top first, with their
   * propensities as {@link Choice} defines them.
   *
   * @throws IllegalArgumentException when {@code candidates} is empty, a candidate has the wrong
   *     dimension or {@code k < 1}
   */
  Choice choose(List<Candidate> candidates, int k, RandomGenerator random);

  /**
   * The probability of each candidate being shown in the top slot, summing to 1: exact for
   * deterministic and epsilon-greedy policies, a Monte Carlo estimate for Thompson sampling. This is
   * the policy as a target of off-policy evaluation.
   */
  double[] firstSlotProbabilities(List<Candidate> candidates, RandomGenerator random);

  /**
   * {@link #choose} and then {@link #firstSlotProbabilities} on the same candidates, as one call: what
   * a request that is shown and logged needs. A policy that estimates both by sampling (Thompson
   * sampling) lets one set of draws serve the two.
   */
  default Decision decide(List<Candidate> candidates, int k, RandomGenerator random) {
    Choice choice = choose(candidates, k, random);
    return new Decision(choice, firstSlotProbabilities(candidates, random));
  }

  /**
   * Learns that showing {@code shown} earned {@code reward} (any shown item, not only the top one);
   * the hybrid model also learns about {@code shown.armId()}. A policy that never learns ignores it.
   *
   * @throws IllegalArgumentException when the dimension is wrong or the reward is not finite
   */
  void update(Candidate shown, double reward);

  /**
   * The coefficients its mean score uses now, one per feature: the weights of a fixed policy, the
   * ridge estimate of a learned one (for a hybrid model, the shared part). An explanation compares
   * them with the prior to say what feedback has changed.
   */
  double[] weights();

  /** Everything needed to make the same policy again with {@link Policies#restore}. */
  PolicyState state();
}
