package dev.autonomy.engine.learn;

import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** The shape the CLI's {@code why --json} and the local API print. */
  public Map<String, Object> view() {
    Recommendation r = decision.recommendation();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id());
    out.put("created", decision.created().toString());
    out.put("context", decision.situation());
    out.put("option", r.option());
    out.put("desire", r.desire().code());
    out.put("score", r.score());
    out.put("confidence", r.confidence());
    out.put("explanation", r.explanation());
    out.put("feedback_since", feedbackSince);
    out.put("preference_now", preferenceNow);
    out.put("feedback_count", feedbackCount);
    return out;
  }
}
