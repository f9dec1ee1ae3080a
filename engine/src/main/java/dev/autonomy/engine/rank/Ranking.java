package dev.autonomy.engine.rank;

import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import java.util.List;

/**
 * A ranked list as shown, with every rule's effect, and how many options were considered.
 *
 * @param recommendations what is shown, best first (the last may be exploration)
 * @param rules each rule in force and what it removed in this situation
 * @param considered options scored before rules
 * @param eligible options left after rules
 */
public record Ranking(List<Recommendation> recommendations, List<RuleApplication> rules, int considered, int eligible) {
  public Ranking {
    recommendations = List.copyOf(recommendations);
    rules = List.copyOf(rules);
  }
}
