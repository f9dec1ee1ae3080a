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
import java.util.Optional;
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
 * <p>The target's top-slot probabilities on each list come from the log where it can: from the
 * list itself where the target was the live policy then, from the target's shadow list where it
 * ranked in the shadow (both as the policy was at that moment, on the same situation). Elsewhere
 * the target is replayed: a fresh policy of that kind, built as {@link PolicyBook} builds it (prior
 * mean = the hand weights), learns from the log's feedback in the order it was given, and before
 * each list only from feedback given before the list was shown. The replayed fixed policy is the
 * hand weights on the features (greedy on the top slot; the live scorer also adds the wish term and
 * soft-limit penalties, which the features do not carry).
 *
 * <p>The logging policy is known by its whole first-slot distribution on lists logged from vault
 * migration 7 on; on older lists only by the propensity of the item it showed first, and as a
 * target it then puts that propensity on it and spreads the rest evenly over the other candidates
 * (exact when the fixed policy was live, whose top item is sure).
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
   * @param targetFrom where the target's choices came from, with how many lists each: {@code live}
   *     (it was the live policy), {@code shadow} (its shadow list), {@code replayed}
   * @param estimates every estimator, {@link OffPolicyEvaluation#DEFAULT_ESTIMATOR} first
   * @param comparison {@code policy} minus the logging policies, by the default estimator
   * @param verdict what the comparison allows one to say
   */
  public record Result(String policy, int days, int lists, int evaluable, Map<String, Integer> logged,
      Map<String, Integer> targetFrom, List<Estimate> estimates, Comparison comparison, String verdict) {}

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
    Map<LoggedDecision, double[]> replayed = replayed(fresh.get(), decisions, kept, log.taught(), dimension, random);
    Map<LoggedDecision, double[]> targetProbabilities = new IdentityHashMap<>();
    Map<LoggedDecision, double[]> loggingProbabilities = new IdentityHashMap<>();
    Map<String, Integer> targetFrom = new TreeMap<>();
    for (int i = 0; i < decisions.size(); i++) {
      LoggedDecision d = decisions.get(i);
      DecisionLog.ShownList l = kept.get(i);
      double[] logging = logging(d, l.candidates().firstSlotProbabilities());
      loggingProbabilities.put(d, logging);
      Optional<double[]> shadow = l.shadows().stream().filter(s -> s.policy().equals(name)).findFirst()
          .map(DecisionLog.ShadowList::firstSlot);
      String from;
      double[] p;
      if (l.policy().equals(name)) {
        from = "live";
        p = logging;
      } else if (shadow.isPresent() && shadow.get().length == d.candidates().size()) {
        from = "shadow";
        p = shadow.get();
      } else {
        from = "replayed";
        p = replayed.get(d);
      }
      targetFrom.merge(from, 1, Integer::sum);
      targetProbabilities.put(d, p);
    }
    TargetPolicy target = targetProbabilities::get;
    TargetPolicy logging = loggingProbabilities::get;
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
    return new Result(name, days, lists.size(), decisions.size(), logged, targetFrom, estimates, comparison, verdict);
  }

  private static double reward(FeedbackRow f) {
    return new OptionFeedback(f.optionId(), DesireType.fromCode(f.desire()), f.outcome(), f.rating(), f.at()).satisfaction();
  }

  /**
   * The policy's top-slot probabilities on each decision, learning before each only from the
   * feedback given before its list was shown.
   */
  private static Map<LoggedDecision, double[]> replayed(Policy policy, List<LoggedDecision> decisions, List<DecisionLog.ShownList> lists,
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
    return probabilities;
  }

  /**
   * The logging policy as far as the log knows it: its first-slot distribution where it was logged
   * (and gives the item shown first a chance, which a Monte Carlo estimate may not), else the top
   * item's propensity with the rest spread evenly.
   */
  private static double[] logging(LoggedDecision d, Optional<double[]> firstSlot) {
    if (firstSlot.isPresent() && firstSlot.get().length == d.candidates().size() && firstSlot.get()[d.action()] > 0) {
      return firstSlot.get();
    }
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
