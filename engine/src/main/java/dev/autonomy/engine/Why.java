package dev.autonomy.engine;

import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import java.util.List;

/**
 * Why a recommendation was made, and what changed since: the logged decision with its explanation,
 * the feedback given on the same option afterwards, and the option's preference now.
 *
 * @param decision the recommendation as shown, with its explanation and propensity
 * @param feedbackSince feedback on this option given at or after the recommendation
 * @param preferenceNow the option's learned preference now (0..1, 0.5 with no feedback)
 * @param feedbackCount how much feedback on this option the preference rests on
 */
public record Why(LoggedDecision decision, List<FeedbackRow> feedbackSince, double preferenceNow, int feedbackCount) {
  public Why {
    feedbackSince = List.copyOf(feedbackSince);
  }
}
