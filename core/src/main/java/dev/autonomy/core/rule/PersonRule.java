package dev.autonomy.core.rule;

import dev.autonomy.core.Requires;
import java.time.Instant;

/**
 * A rule the person set, as they wrote it. Rules are hard constraints applied after every model:
 * nothing Autonomy proposes may break one.
 *
 * @param id short id for {@code rule remove}
 * @param text the rule as written ("never swim", "max 45 minutes on weekdays")
 * @param created when it was added
 */
public record PersonRule(String id, String text, Instant created) {
  public PersonRule {
    Requires.nonBlank(id, "id");
    Requires.nonBlank(text, "text");
    Requires.nonNull(created, "created");
  }
}
