package dev.autonomy.engine.rank;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Outcome;
import java.time.Instant;
import java.util.OptionalInt;

/** One piece of feedback joined with the option and desire it was about. */
public record OptionFeedback(String optionId, DesireType desire, Outcome outcome, OptionalInt rating, Instant at) {
  /**
   * What the feedback says about how well the option met the desire, 0..1: a rating r gives
   * (r - 1) / 4; done without a rating 0.75; skipped 0.
   */
  public double satisfaction() {
    if (outcome == Outcome.SKIPPED) {
      return rating.isPresent() ? (rating.getAsInt() - 1) / 8.0 : 0.0;
    }
    return rating.isPresent() ? (rating.getAsInt() - 1) / 4.0 : 0.75;
  }
}
