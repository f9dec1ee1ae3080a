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

  /**
   * What the feedback says about the desire itself, as the intensity the desire model learns
   * toward. Doing something shows the desire was there (0.6, from 0.4 to 0.8 with the rating: a
   * bad session still means the person wanted to move); skipping it suggests it was weak (0.2).
   * Kept apart from {@link #satisfaction()}, which judges the option, so that disliking one option
   * does not erase a desire.
   */
  public double desireSignal() {
    if (outcome == Outcome.SKIPPED) {
      return 0.2;
    }
    return rating.isPresent() ? 0.6 + 0.1 * (rating.getAsInt() - 3) : 0.6;
  }
}
