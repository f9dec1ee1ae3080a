package dev.autonomy.core.feedback;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * The person's word on a recommendation.
 *
 * @param recommendationId which recommendation
 * @param outcome done or skipped
 * @param rating 1..5 when given
 * @param at when it was given
 */
public record Feedback(String recommendationId, Outcome outcome, OptionalInt rating, Instant at) {
  public Feedback {
    Requires.nonBlank(recommendationId, "recommendationId");
    Requires.nonNull(outcome, "outcome");
    rating = rating == null ? OptionalInt.empty() : rating;
    if (rating.isPresent() && (rating.getAsInt() < 1 || rating.getAsInt() > 5)) {
      throw new InvalidInputException("rating must be 1..5, was " + rating.getAsInt());
    }
    Requires.nonNull(at, "at");
  }
}
