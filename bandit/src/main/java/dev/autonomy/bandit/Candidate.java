package dev.autonomy.bandit;

import java.util.Arrays;
import java.util.List;

/**
 * One thing a policy may show: its arm (the option it stands for, so that a hybrid model can learn
 * per option) and its feature vector in the situation at hand.
 *
 * <p>The vector is copied in and out, so a candidate cannot change after it was made; policies read
 * it once per call.
 *
 * @param armId what the candidate is, stable across decisions (an option id, an item id)
 * @param x its features; every candidate given to one policy has the same dimension
 */
public record Candidate(String armId, double[] x) {
  public Candidate {
    if (armId == null || armId.isBlank()) {
      throw new IllegalArgumentException("armId must not be blank");
    }
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("candidate '" + armId + "': x must have at least one feature");
    }
    x = x.clone();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("candidate '" + armId + "': x[" + i + "] must be finite, was " + x[i]);
      }
    }
  }

  /** A copy of the features. */
  @Override
  public double[] x() {
    return x.clone();
  }

  public int dimension() {
    return x.length;
  }

  /**
   * The features for a policy of dimension {@code d} learning {@code reward}, after checking both;
   * not a copy (an update runs per feedback, and the models of this package only read it).
   */
  double[] featuresFor(int d, double reward) {
    if (x.length != d) {
      throw new IllegalArgumentException("update: candidate '" + armId + "' has " + x.length + " features, the policy expects " + d);
    }
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("update: reward for '" + armId + "' must be finite, was " + reward);
    }
    return x;
  }

  /** The features without a copy, for the scoring loops of this package (which never write them). */
  double[] view() {
    return x;
  }

  /** Checks what every policy needs: at least one candidate, all of dimension {@code d}. */
  static void requireDimension(List<Candidate> candidates, int d) {
    if (candidates == null || candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c == null) {
        throw new IllegalArgumentException("candidates[" + i + "] must not be null");
      }
      if (c.x.length != d) {
        throw new IllegalArgumentException("candidates[" + i + "] ('" + c.armId + "') has " + c.x.length
            + " features, the policy expects " + d);
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Candidate c && armId.equals(c.armId) && Arrays.equals(x, c.x);
  }

  @Override
  public int hashCode() {
    return 31 * armId.hashCode() + Arrays.hashCode(x);
  }

  @Override
  public String toString() {
    return "Candidate[" + armId + ", " + Arrays.toString(x) + "]";
  }
}
