package dev.autonomy.engine.rule;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.rule.PersonRule;
import java.util.Optional;

/**
 * A person's rule in force: a hard constraint applied after every model. Nothing Autonomy proposes
 * may violate one.
 */
public interface Constraint {
  PersonRule rule();

  /** Why {@code option} breaks this rule in {@code situation}, or empty when it does not. */
  Optional<String> violation(Option option, Situation situation);
}
