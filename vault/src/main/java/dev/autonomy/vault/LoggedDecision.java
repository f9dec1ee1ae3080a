package dev.autonomy.vault;

import dev.autonomy.core.recommend.Recommendation;
import java.time.Instant;
import java.util.Map;

/**
 * A recommendation as it was shown: when, in which stated situation, and the whole recommendation
 * with its explanation and propensity.
 */
public record LoggedDecision(Instant created, Map<String, String> situation, Recommendation recommendation) {
  public LoggedDecision {
    situation = Map.copyOf(situation);
  }
}
