package dev.autonomy.engine.rule;

import dev.autonomy.core.RefusedException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.state.Derived;
import dev.autonomy.vault.Vault;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The person's own rules: hard constraints over every model. Stored only when they parse, read
 * back as constraints for the ranker and the planners.
 */
public final class Rules {
  private final Vault vault;
  private final Clock clock;
  private final Derived<List<Constraint>> constraints;

  public Rules(Vault vault, Clock clock) {
    this.vault = vault;
    this.clock = clock;
    this.constraints = new Derived<>(vault, List.of(Vault.RULES), () -> RuleParser.parseAll(vault.rules().list()));
  }

  /** Adds a rule after checking it parses, so a rule that means nothing is never stored. */
  public PersonRule add(String text) {
    RuleParser.parse(new PersonRule("check", text, clock.instant()));
    return vault.rules().add(text);
  }

  public List<PersonRule> list() {
    return vault.rules().list();
  }

  public void remove(String id) {
    vault.rules().remove(id);
  }

  public List<Constraint> constraints() {
    return constraints.get();
  }

  /** Refuses a plan that breaks one of the person's rules, naming the rule and how to lift it. */
  public void refuseIfBroken(Option plan, Situation situation) {
    for (Constraint c : constraints()) {
      Optional<String> broken = c.violation(plan, situation);
      if (broken.isPresent()) {
        throw new RefusedException("this plan breaks your rule " + c.rule().id() + " \"" + c.rule().text() + "\": "
            + broken.get() + "; change the request or remove the rule " + c.rule().id());
      }
    }
  }

  /** Every rule as applied to a plan, with what each removed from it (by id), for its explanation. */
  public List<RuleApplication> applied(Map<String, List<String>> removedByRuleId) {
    return constraints().stream()
        .map(c -> new RuleApplication(c.rule().id(), c.rule().text(), removedByRuleId.getOrDefault(c.rule().id(), List.of())))
        .toList();
  }
}
