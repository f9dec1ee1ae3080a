package dev.autonomy.engine.rank;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.vault.DecisionLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ranked list as shown, with every rule's and every stated limit's effect, and how many options
 * were considered.
 *
 * @param recommendations what is shown, best first (the last may be exploration)
 * @param rules each rule in force and what it removed in this situation
 * @param limits each limit stated with the context (budget, free_minutes) and the options over it:
 *     left out, or under {@code limits=soft} kept and scored down
 * @param considered options scored before rules
 * @param eligible options left after rules and hard limits
 * @param shown what the decision log keeps for a learning policy: the policy that ordered the list,
 *     its version, and each shown item's feature vector by recommendation id
 */
public record Ranking(
    List<Recommendation> recommendations, List<RuleApplication> rules, List<LimitApplication> limits, int considered, int eligible,
    DecisionLog.Shown shown) {
  public Ranking {
    recommendations = List.copyOf(recommendations);
    rules = List.copyOf(rules);
    limits = List.copyOf(limits);
  }

  /** The shape the CLI's {@code recommend --json} and the local API print, for the situation ranked in. */
  public Map<String, Object> view(Situation situation) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", situation.at().toString());
    out.put("context", situation.stated());
    out.put("considered", considered);
    out.put("eligible", eligible);
    out.put("rules", rules);
    out.put("limits", limits);
    out.put("recommendations", recommendations);
    return out;
  }
}
