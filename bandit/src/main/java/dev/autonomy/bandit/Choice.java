package dev.autonomy.bandit;

import java.util.ArrayList;
import java.util.List;

/**
 * A shown list and how likely the policy was to show it that way.
 *
 * <p><b>Propensity.</b> The propensity of the item in slot {@code j} (0 = top) is the probability
 * that the policy puts that item in slot {@code j} <em>given the items it put in slots 0..j-1</em>
 * (for the top slot: the probability that it is shown first). The product over the slots is the
 * probability of the whole list in that order, and for the top slot the propensity is what
 * off-policy evaluation of a one-item choice needs. Deterministic policies give 1.
 *
 * @param slots the shown candidates, top first: their index in the candidate list and propensity
 * @param draws how many sampled parameter draws estimated the propensities (Thompson sampling),
 *     0 when they are exact
 */
public record Choice(List<Slot> slots, int draws) {
  /** One shown item: its index in the candidate list given to the policy, and its propensity. */
  public record Slot(int index, double propensity) {
    public Slot {
      if (index < 0) {
        throw new IllegalArgumentException("index must be >= 0, was " + index);
      }
      if (!(propensity > 0 && propensity <= 1)) {
        throw new IllegalArgumentException("propensity must be in (0, 1], was " + propensity);
      }
    }
  }

  public Choice {
    if (slots == null || slots.isEmpty()) {
      throw new IllegalArgumentException("slots must not be empty");
    }
    slots = List.copyOf(slots);
    if (draws < 0) {
      throw new IllegalArgumentException("draws must be >= 0, was " + draws);
    }
    long distinct = slots.stream().mapToInt(Slot::index).distinct().count();
    if (distinct != slots.size()) {
      throw new IllegalArgumentException("slots must show each candidate at most once, were " + slots);
    }
  }

  /** The {@code k} best-scored candidates, top first, shown for sure (propensity 1 each). */
  static Choice best(double[] scores, int k) {
    int[] top = TopK.of(scores, TopK.shown(k, scores.length));
    List<Slot> slots = new ArrayList<>(top.length);
    for (int index : top) {
      slots.add(new Slot(index, 1));
    }
    return new Choice(slots, 0);
  }

  /** The candidate indices, top first. */
  public int[] indices() {
    return slots.stream().mapToInt(Slot::index).toArray();
  }

  /** The candidate index in the top slot. */
  public int top() {
    return slots.get(0).index();
  }

  /** The probability of the whole list, in this order: the product of the slot propensities. */
  public double listPropensity() {
    double p = 1;
    for (Slot s : slots) {
      p *= s.propensity();
    }
    return p;
  }
}
