package dev.autonomy.core.recommend;

import dev.autonomy.core.Requires;
import java.util.List;

/**
 * What one of the person's rules did to a recommendation list.
 *
 * @param ruleId the rule's id
 * @param ruleText the rule as the person wrote it
 * @param removed ids of options the rule removed in this context (empty when it removed none)
 */
public record RuleApplication(String ruleId, String ruleText, List<String> removed) {
  public RuleApplication {
    Requires.nonBlank(ruleId, "ruleId");
    Requires.nonBlank(ruleText, "ruleText");
    removed = List.copyOf(removed);
  }
}
