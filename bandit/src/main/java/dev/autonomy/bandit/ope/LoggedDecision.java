package dev.autonomy.bandit.ope;

import dev.autonomy.bandit.Candidate;
import java.util.List;

/**
 * One logged choice, as off-policy evaluation reads it: the candidates the logging policy chose
 * among for one slot, the one it showed there, with what probability, and the reward that followed.
 *
 * <p>For a shown list, log one decision per slot that got feedback: slot {@code j}'s candidates are
 * those not shown above it, and its propensity is the conditional one {@link
 * dev.autonomy.bandit.Choice} gives. Open Bandit Dataset rows are logged with all items as candidates
 * and the marginal propensity of the item at its position, which is what that data set records.
 *
 * @param candidates what the logging policy chose among, with their features
 * @param action the index in {@code candidates} of the one shown
 * @param slot the position it was shown at (0 = top); reward models may learn a per-slot level
 * @param propensity the logging policy's probability of showing {@code action} there, in (0, 1]
 * @param reward what followed (a click, a rating)
 */
public record LoggedDecision(List<Candidate> candidates, int action, int slot, double propensity, double reward) {
  public LoggedDecision {
    if (candidates == null || candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
    candidates = List.copyOf(candidates);
    int d = candidates.get(0).dimension();
    for (int i = 1; i < candidates.size(); i++) {
      if (candidates.get(i).dimension() != d) {
        throw new IllegalArgumentException("candidates[" + i + "] has " + candidates.get(i).dimension()
            + " features, candidates[0] has " + d);
      }
    }
    if (action < 0 || action >= candidates.size()) {
      throw new IllegalArgumentException("action must be a candidate index 0.." + (candidates.size() - 1) + ", was " + action);
    }
    if (slot < 0) {
      throw new IllegalArgumentException("slot must be >= 0, was " + slot);
    }
    if (!(propensity > 0 && propensity <= 1)) {
      throw new IllegalArgumentException("propensity must be in (0, 1], was " + propensity);
    }
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("reward must be finite, was " + reward);
    }
  }

  /** The shown candidate. */
  public Candidate shown() {
    return candidates.get(action);
  }
}
