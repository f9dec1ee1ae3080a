package dev.autonomy.core.recommend;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.Contribution;
import java.util.List;

/**
 * Why a recommendation was made, in terms a person can check.
 *
 * @param summary one or two plain sentences
 * @param contributions the inputs that contributed most, with values and weights
 * @param rules the person's rules applied and what each removed
 * @param limits the limits stated with the context (budget, free_minutes) and the options over each;
 *     empty when none was stated, and in decisions logged before limits were recorded
 * @param exploration whether this item was shown to learn (chosen at random) rather than because it scored best
 * @param propensity the probability the policy had of showing this item here (for off-policy evaluation)
 * @param evidence the data it rests on
 * @param model the model and version that scored it
 */
public record Explanation(
    String summary,
    List<Contribution> contributions,
    List<RuleApplication> rules,
    List<LimitApplication> limits,
    boolean exploration,
    double propensity,
    List<Evidence> evidence,
    String model) {

  public Explanation {
    Requires.nonBlank(summary, "summary");
    contributions = List.copyOf(contributions);
    rules = List.copyOf(rules);
    limits = limits == null ? List.of() : List.copyOf(limits);
    Requires.unitInterval(propensity, "propensity");
    evidence = List.copyOf(evidence);
    Requires.nonBlank(model, "model");
  }

  /** An explanation with no stated limits in force (plans, and lists ranked without a budget or free time). */
  public Explanation(
      String summary,
      List<Contribution> contributions,
      List<RuleApplication> rules,
      boolean exploration,
      double propensity,
      List<Evidence> evidence,
      String model) {
    this(summary, contributions, rules, List.of(), exploration, propensity, evidence, model);
  }
}
