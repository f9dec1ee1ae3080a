package dev.autonomy.engine.learn;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Feedback;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.rank.OptionFeedback;
import dev.autonomy.engine.rank.OptionPreferences;
import dev.autonomy.engine.state.Derived;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import dev.autonomy.vault.Vault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Learning from how suggestions went: feedback is stored once per recommendation and teaches, at
 * once, the option preferences the ranker reads and the desire model.
 */
public final class Learning {
  private final Vault vault;
  private final Clock clock;
  private final PersonStates states;
  private final Desires desires;
  private final PolicyBook policies;
  private final Derived<OptionPreferences> preferences;

  public Learning(Vault vault, Clock clock, PersonStates states, Desires desires, PolicyBook policies) {
    this.policies = policies;
    this.vault = vault;
    this.clock = clock;
    this.states = states;
    this.desires = desires;
    this.preferences = new Derived<>(vault, List.of(Vault.FEEDBACK), () -> {
      List<OptionFeedback> rows = new ArrayList<>();
      for (FeedbackRow r : vault.decisions().feedbackRows()) {
        rows.add(new OptionFeedback(r.optionId(), DesireType.fromCode(r.desire()), r.outcome(), r.rating(), r.at()));
      }
      return OptionPreferences.of(rows);
    });
  }

  /** What feedback has said of each option so far. */
  public OptionPreferences preferences() {
    return preferences.get();
  }

  /**
   * Stores feedback and learns from it at once: option preferences, the desire model, and every
   * learned ranking policy (from the features the item was shown with; an item logged before
   * policies learned has none and teaches them nothing).
   */
  public void feedback(String recommendationId, Outcome outcome, OptionalInt rating) {
    LoggedDecision decision = vault.decisions().require(recommendationId);
    OptionPreferences before = preferences();
    Feedback feedback = new Feedback(recommendationId, outcome, rating, clock.instant());
    vault.decisions().feedback(feedback);
    OptionFeedback of = new OptionFeedback(
        decision.recommendation().option().id(), decision.recommendation().desire(), outcome, rating, feedback.at());
    preferences.set(before.plus(of));
    Situation then = new Situation(decision.created().atZone(clock.getZone()), decision.situation());
    desires.learn(states.features(then), of.desire(), of.desireSignal());
    vault.decisions().features(recommendationId).ifPresent(x -> policies.learn(of.optionId(), x, of.satisfaction()));
  }

  /** The logged recommendation and what feedback on its option has said since. */
  public Why why(String recommendationId) {
    LoggedDecision decision = vault.decisions().require(recommendationId);
    String optionId = decision.recommendation().option().id();
    List<FeedbackRow> since = vault.decisions().feedbackRows().stream()
        .filter(r -> r.optionId().equals(optionId) && !r.at().isBefore(decision.created()))
        .toList();
    OptionPreferences p = preferences();
    return new Why(decision, since, p.preference(optionId), p.count(optionId));
  }
}
