package dev.autonomy.engine.policy;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Policy;
import dev.autonomy.bandit.ope.Comparison;
import dev.autonomy.bandit.ope.Estimate;
import dev.autonomy.bandit.ope.Estimator;
import dev.autonomy.bandit.ope.LoggedDecision;
import dev.autonomy.bandit.ope.OffPolicyEvaluation;
import dev.autonomy.bandit.ope.TargetPolicy;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.rank.OptionFeedback;
import dev.autonomy.vault.DecisionLog;
import dev.autonomy.vault.FeedbackRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What a ranking policy would have earned on the top slot of the lists the person was shown,
 * estimated from their own log, against the policies that were live when the lists were shown.
 *
 * <p>Which lists count: those logged with their candidate set (vault migration 6 on; older lists
 * cannot be evaluated) in the window, whose top item got feedback; the reward is that feedback's
 * {@link OptionFeedback#satisfaction()}. Lists without feedback on their top item are left out, so
 * the estimate is of the reward on lists the person answered, not on every list shown.
 *
 * <p>The target is replayed: a fresh policy of that kind, built as {@link PolicyBook} builds it
 * (prior mean = the hand weights), learns from the log's feedback in the order it was given, and
 * before each list only from feedback given before the list was shown; its top-slot probabilities
 * over the list's candidates are what is evaluated. The fixed policy is the hand weights on the
 * features (greedy on the top slot; the live scorer also adds the wish term and soft-limit
 * penalties, which the features do not carry).
 *
 * <p>The logging policy is known only by the propensity of the item it showed first: as a target it
 * puts that propensity on it and spreads the rest evenly over the other candidates (exact when the
 * fixed policy was live, whose top item is sure).
 */
public final class PolicyEvaluation {
  /**
   * The result: each estimator's value and interval, the default estimator first, and the
   * comparison with the logging policies by the default estimator.
   *
   * @param policy the policy evaluated
   * @param days the window, in days back from now
   * @param lists lists in the window logged with their candidates
   * @param evaluable those with feedback on their top item (the ones estimated on)
   * @param logged how many of the evaluable lists each live policy showed
   * @param estimates every estimator, {@link OffPolicyEvaluation#DEFAULT_ESTIMATOR} first
   * @param comparison {@code policy} minus the logging policies, by the default estimator
   * @param verdict what the comparison allows one to say
   */
  public record Result(String policy, int days, int lists, int evaluable, Map<String, Integer> logged,
      List<Estimate> estimates, Comparison comparison, String verdict) {}

  private PolicyEvaluation() {}

  static Result run(String name, Supplier<Policy> fresh, DecisionLog log, Instant since, int days, int dimension,
      OffPolicyEvaluation.Settings settings, RandomGenerator random) {
    List<DecisionLog.ShownList> lists = log.lists(since);
    if (lists.isEmpty()) {
      throw new InvalidInputException("no list shown in the last " + days + " day(s) was logged with its candidates;"
          + " ask for recommendations and give feedback first");
    }
    List<LoggedDecision> decisions = new ArrayList<>();
    List<DecisionLog.ShownList> kept = new ArrayList<>();
    for (DecisionLog.ShownList l : lists) {
      DecisionLog.Candidates c = l.candidates();
      if (l.topFeedback().isEmpty() || c.vectors().get(0).length != dimension) {
        continue;
      }
      List<Candidate> candidates = new ArrayList<>(c.optionIds().size());
      for (int i = 0; i < c.optionIds().size(); i++) {
        candidates.add(new Candidate(c.optionIds().get(i), c.vectors().get(i)));
      }
      decisions.add(new LoggedDecision(candidates, c.top(), 0, c.topPropensity(), reward(l.topFeedback().get())));
      kept.add(l);
    }
    if (decisions.isEmpty()) {
      throw new InvalidInputException(lists.size() + " list(s) shown in the last " + days + " day(s), but none has"
          + " feedback on its top item; give feedback on the first recommendation of a list to evaluate policies");
    }
    TargetPolicy target = replayed(fresh.get(), decisions, kept, log.taught(), dimension, random);
    TargetPolicy logging = PolicyEvaluation::logging;
    Map<Estimator, Estimate> all = OffPolicyEvaluation.evaluate(decisions, target, settings);
    List<Estimate> estimates = new ArrayList<>();
    estimates.add(all.get(OffPolicyEvaluation.DEFAULT_ESTIMATOR));
    all.forEach((e, v) -> {
      if (e != OffPolicyEvaluation.DEFAULT_ESTIMATOR) {
        estimates.add(v);
      }
    });
    Comparison comparison = OffPolicyEvaluation.compare(decisions, target, logging, OffPolicyEvaluation.DEFAULT_ESTIMATOR,
        settings);
    Map<String, Integer> logged = new TreeMap<>();
    kept.forEach(l -> logged.merge(l.policy(), 1, Integer::sum));
    String verdict = switch (comparison.verdict()) {
      case A_BETTER -> name + " would have done better than the live policy";
      case B_BETTER -> name + " would have done worse than the live policy";
      case CANNOT_TELL -> "cannot tell";
    };
    return new Result(name, days, lists.size(), decisions.size(), logged, estimates, comparison, verdict);
  }

  private static double reward(FeedbackRow f) {
    return new OptionFeedback(f.optionId(), DesireType.fromCode(f.desire()), f.outcome(), f.rating(), f.at()).satisfaction();
  }

  /**
   * The policy's top-slot probabilities on each decision, learning before each only from the
   * feedback given before its list was shown.
   */
  private static TargetPolicy replayed(Policy policy, List<LoggedDecision> decisions, List<DecisionLog.ShownList> lists,
      List<DecisionLog.Taught> taught, int dimension, RandomGenerator random) {
    Map<LoggedDecision, double[]> probabilities = new IdentityHashMap<>();
    int next = 0;
    for (int i = 0; i < decisions.size(); i++) {
      Instant shown = lists.get(i).created();
      while (next < taught.size() && taught.get(next).at().isBefore(shown)) {
        DecisionLog.Taught t = taught.get(next++);
        if (t.features().length == dimension) {
          double reward = new OptionFeedback(t.optionId(), DesireType.fromCode(t.desire()), t.outcome(), t.rating(), t.at()).satisfaction();
          policy.update(new Candidate(t.optionId(), t.features()), reward);
        }
      }
      probabilities.put(decisions.get(i), policy.firstSlotProbabilities(decisions.get(i).candidates(), random));
    }
    return decision -> probabilities.get(decision);
  }

  /** The logging policy as far as the log knows it: the top item's propensity, the rest spread evenly. */
  private static double[] logging(LoggedDecision d) {
    int n = d.candidates().size();
    double[] p = new double[n];
    if (n == 1) {
      p[0] = 1;
      return p;
    }
    Arrays.fill(p, (1 - d.propensity()) / (n - 1));
    p[d.action()] = d.propensity();
    return p;
  }
}
