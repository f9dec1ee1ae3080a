package dev.autonomy.bandit;

import java.util.Arrays;

/**
 * What one request needs from a policy: the list to show and the top slot's distribution over all
 * the candidates (what {@link Policy#firstSlotProbabilities} gives), which the decision log keeps
 * for off-policy evaluation.
 *
 * @param choice the list shown and its propensities
 * @param firstSlot the probability of each candidate being shown in the top slot
 */
public record Decision(Choice choice, double[] firstSlot) {
  public Decision {
    if (choice == null || firstSlot == null) {
      throw new IllegalArgumentException("decision: choice and firstSlot must not be null");
    }
    if (choice.top() >= firstSlot.length) {
      throw new IllegalArgumentException("decision: the top item's index " + choice.top() + " is outside the "
          + firstSlot.length + " candidates of the first-slot distribution");
    }
    firstSlot = firstSlot.clone();
  }

  /** A copy of the distribution. */
  @Override
  public double[] firstSlot() {
    return firstSlot.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Decision d && choice.equals(d.choice) && Arrays.equals(firstSlot, d.firstSlot);
  }

  @Override
  public int hashCode() {
    return 31 * choice.hashCode() + Arrays.hashCode(firstSlot);
  }

  @Override
  public String toString() {
    return "Decision[" + choice + ", firstSlot=" + Arrays.toString(firstSlot) + "]";
  }
}
