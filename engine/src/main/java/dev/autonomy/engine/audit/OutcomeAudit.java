package dev.autonomy.engine.audit;

import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.engine.audit.Outcomes.ExplorationOutcome;
import dev.autonomy.engine.audit.Outcomes.PolicyValue;
import dev.autonomy.engine.audit.Outcomes.Rate;
import dev.autonomy.vault.FeedbackRow;
import java.util.List;
import java.util.OptionalDouble;

/** Computes {@link Outcomes} from the items shown in the window and their latest feedback. */
final class OutcomeAudit {
  static final String SNIPS_MEANING =
      "The weighted rate counts each answered item 1/propensity times, as if every candidate had been"
          + " equally likely to be shown; a plain rate well above it means the picks the policy favours"
          + " go better than its rare ones. Neither corrects for which items you chose to answer.";

  private OutcomeAudit() {}

  static Outcomes of(List<Shown> shown) {
    List<Shown> answered = shown.stream().filter(s -> s.feedback().isPresent()).toList();
    int done = (int) answered.stream().filter(OutcomeAudit::done).count();
    int[] ratings = answered.stream().map(s -> s.feedback().get()).map(FeedbackRow::rating)
        .filter(r -> r.isPresent()).mapToInt(r -> r.getAsInt()).toArray();
    OptionalDouble mean = java.util.Arrays.stream(ratings).average();
    List<Shown> ranked = answered.stream().filter(s -> !s.isPlan()).toList();
    Rate explore = rate(ranked.stream().filter(Shown::exploration).toList());
    Rate byScore = rate(ranked.stream().filter(s -> !s.exploration()).toList());
    boolean comparable = explore.answered() >= Outcomes.MIN_TO_COMPARE && byScore.answered() >= Outcomes.MIN_TO_COMPARE;
    return new Outcomes(shown.size(), answered.size(), shown.isEmpty() ? 0 : (double) answered.size() / shown.size(),
        done, answered.size() - done, ratings.length, mean,
        new ExplorationOutcome(explore, byScore, comparable), policyValue(ranked));
  }

  static boolean done(Shown s) {
    return s.feedback().map(f -> f.outcome() == Outcome.DONE).orElse(false);
  }

  private static Rate rate(List<Shown> answered) {
    return Rate.of(answered.size(), (int) answered.stream().filter(OutcomeAudit::done).count());
  }

  /** SNIPS: sum(r/p) / sum(1/p); an item logged with propensity 0 could not have been shown and is skipped. */
  static PolicyValue policyValue(List<Shown> answered) {
    double weighted = 0;
    double weights = 0;
    int done = 0;
    int counted = 0;
    for (Shown s : answered) {
      if (s.propensity() <= 0) {
        continue;
      }
      counted++;
      double w = 1.0 / s.propensity();
      weights += w;
      if (done(s)) {
        weighted += w;
        done++;
      }
    }
    return weights == 0
        ? new PolicyValue(0, OptionalDouble.empty(), OptionalDouble.empty(), SNIPS_MEANING)
        : new PolicyValue(counted, OptionalDouble.of((double) done / counted),
            OptionalDouble.of(weighted / weights), SNIPS_MEANING);
  }
}
