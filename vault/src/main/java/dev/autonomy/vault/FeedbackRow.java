package dev.autonomy.vault;

import dev.autonomy.core.feedback.Outcome;
import java.time.Instant;
import java.util.OptionalInt;

/** One piece of feedback joined with the option and desire of the recommendation it was about. */
public record FeedbackRow(String recommendationId, String optionId, String desire, Outcome outcome, OptionalInt rating, Instant at) {}
