package dev.autonomy.engine.audit;

import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import java.time.LocalDate;
import java.util.Optional;

/** One logged item in the window with the day it was shown and its latest feedback. */
record Shown(LoggedDecision decision, LocalDate day, Optional<FeedbackRow> feedback) {
  Recommendation recommendation() {
    return decision.recommendation();
  }

  /** Plans (week plans, trips, loops and their parts) are asked for by name, not ranked. */
  boolean isPlan() {
    return recommendation().id().startsWith("plan-");
  }

  boolean exploration() {
    return recommendation().explanation().exploration();
  }

  double propensity() {
    return recommendation().explanation().propensity();
  }
}
