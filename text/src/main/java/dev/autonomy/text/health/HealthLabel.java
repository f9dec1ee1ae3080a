package dev.autonomy.text.health;

import dev.autonomy.core.Requires;

/**
 * A note read as healthy or unhealthy.
 *
 * @param label {@link #HEALTHY} or {@link #UNHEALTHY}
 * @param probability the probability of that label, in [0.5, 1]
 * @param language "en" or "zh"
 */
public record HealthLabel(String label, double probability, String language) {
  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";

  public HealthLabel {
    if (!HEALTHY.equals(label) && !UNHEALTHY.equals(label)) {
      throw new IllegalArgumentException("label must be healthy or unhealthy, was " + label);
    }
    Requires.unitInterval(probability, "probability");
    Requires.nonBlank(language, "language");
  }

  boolean healthy() {
    return HEALTHY.equals(label);
  }

  /** The probability that the note is unhealthy. */
  public double unhealthyProbability() {
    return healthy() ? 1 - probability : probability;
  }
}
