package dev.autonomy.federate.privacy;

/**
 * An (epsilon, delta)-DP guarantee and the Renyi order it was read off.
 *
 * @param epsilon the privacy loss bound; infinite when there is no privacy
 * @param delta the probability the bound may fail
 * @param order the Renyi order that gave the smallest epsilon (NaN when none gave a finite one)
 */
public record PrivacySpent(double epsilon, double delta, double order) {
  public PrivacySpent {
    if (!(epsilon >= 0.0)) {
      throw new IllegalArgumentException("privacy spent: epsilon must be >= 0, was " + epsilon);
    }
    if (!(delta > 0.0 && delta < 1.0)) {
      throw new IllegalArgumentException("privacy spent: delta must be in (0, 1), was " + delta);
    }
  }
}
