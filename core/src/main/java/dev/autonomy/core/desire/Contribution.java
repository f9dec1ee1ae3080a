package dev.autonomy.core.desire;

import dev.autonomy.core.Requires;

/**
 * One input's part in a prediction or a score: its value, the weight the model gives it, and what
 * it means in plain words. {@code value * weight} is what it added.
 *
 * @param input the feature name ("steps_7d_vs_28d")
 * @param value the input's value in this context
 * @param weight the learned or configured weight
 * @param meaning plain words for a person ("your last 7 days of steps against your 28-day average")
 */
public record Contribution(String input, double value, double weight, String meaning) {
  public Contribution {
    Requires.nonBlank(input, "input");
    Requires.finite(value, "value");
    Requires.finite(weight, "weight");
    meaning = meaning == null ? "" : meaning;
  }

  public double effect() {
    return value * weight;
  }
}
