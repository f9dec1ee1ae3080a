package dev.autonomy.engine.rank;

import dev.autonomy.bandit.Candidate;
import dev.autonomy.bandit.Choice;
import dev.autonomy.bandit.Decision;
import dev.autonomy.bandit.Policy;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.Evidence;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.engine.context.StatedLimits;
import dev.autonomy.engine.rule.Constraint;
import dev.autonomy.vault.DecisionLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Ranks options for a situation: scores every option, removes those that break a rule (hard
 * constraints, after the model) and those over a limit the person stated (budget, free_minutes;
 * scored down instead under {@code limits=soft}), shows the best, and with probability
 * {@code exploration} fills the last slot at random among the remaining eligible options. Each
 * shown item carries its exact propensity under this policy, so policies can be evaluated offline
 * from the log, and says which options each rule and each stated limit left out.
 */
public final class Ranker {
  private final OptionScorer scorer = new OptionScorer();

  /** Everything one ranking needs, apart from the random source. */
  public record Request(
      List<Option> options,
      Map<DesireType, Desire> desires,
      Situation situation,
      OptionPreferences preferences,
      List<Constraint> constraints,
      Map<DesireType, List<Evidence>> evidence,
      String model,
      RankingPolicy policy) {}

  /** Ranks with the fixed hand weights (today's scorer and its one exploration slot). */
  public Ranking rank(Request request, RandomGenerator random) {
    return rank(request, PolicyLineup.fixed(), random);
  }

  /** Ranks through one live policy (the fixed hand weights when empty), with no shadow beside it. */
  public Ranking rank(Request request, Optional<Policy> learned, RandomGenerator random) {
    return rank(request, PolicyLineup.of(learned), random);
  }

  /**
   * Ranks through the live policy of {@code lineup}: rules and hard limits leave out what they
   * forbid first, whatever the policy; the policy then orders what is left and gives each shown
   * item its propensity (the fixed scorer when no learned policy is live). Each shadow policy then
   * chooses from the same eligible candidates; what it would have shown is logged, never shown.
   */
  public Ranking rank(Request request, PolicyLineup lineup, RandomGenerator random) {
    Optional<Policy> learned = lineup.live();
    Map<String, List<String>> removedByRule = new LinkedHashMap<>();
    for (Constraint c : request.constraints()) {
      removedByRule.put(c.rule().id(), new ArrayList<>());
    }
    OptionScorer.Context context = new OptionScorer.Context(request.desires(), request.situation(), request.preferences());
    StatedLimits limits = context.limits;
    Map<String, List<LimitApplication.Over>> overByLimit = new LinkedHashMap<>();
    limits.stated().keySet().forEach(limit -> overByLimit.put(limit, new ArrayList<>()));
    List<OptionScorer.Scored> eligible = new ArrayList<>(request.options().size());
    for (Option option : request.options()) {
      boolean allowed = true;
      for (Constraint c : request.constraints()) {
        Optional<String> why = c.violation(option, request.situation());
        if (why.isPresent()) {
          removedByRule.get(c.rule().id()).add(option.id());
          allowed = false;
        }
      }
      if (limits.overCount(option) > 0) {
        limits.over(option).forEach((limit, reason) -> overByLimit.get(limit).add(new LimitApplication.Over(option.id(), reason)));
        allowed &= limits.soft();
      }
      if (allowed) {
        eligible.add(scorer.score(option, context));
      }
    }
    eligible.sort(Comparator.comparingDouble((OptionScorer.Scored s) -> -s.score()).thenComparing(s -> s.option().id()));
    eligible = diversify(eligible, request.policy().limit());

    List<RuleApplication> rules = new ArrayList<>();
    for (Constraint c : request.constraints()) {
      rules.add(new RuleApplication(c.rule().id(), c.rule().text(), removedByRule.get(c.rule().id())));
    }
    List<LimitApplication> limitsApplied = new ArrayList<>();
    limits.stated().forEach((limit, value) -> limitsApplied.add(new LimitApplication(limit, value, limits.soft(), overByLimit.get(limit))));

    int k = Math.min(request.policy().limit(), eligible.size());
    List<Recommendation> shown = new ArrayList<>(k);
    String policyName = learned.map(Policy::name).orElse(FIXED_POLICY);
    long version = learned.map(Policy::version).orElse(0L);
    if (k == 0) {
      return new Ranking(shown, rules, limitsApplied, request.options().size(), 0,
          new DecisionLog.Shown(policyName, version, Map.of()));
    }
    double[][] xs = new double[eligible.size()][];
    List<Candidate> candidates = new ArrayList<>(xs.length);
    for (int i = 0; i < xs.length; i++) {
      xs[i] = RankFeatures.of(eligible.get(i), context);
      candidates.add(new Candidate(eligible.get(i).option().id(), xs[i]));
    }
    Map<String, double[]> features = new LinkedHashMap<>();
    if (learned.isPresent()) {
      Policy policy = learned.get();
      // One call for the list and the first-slot distribution: Thompson sampling draws once for both.
      Decision decision = policy.decide(candidates, k, random);
      Choice choice = decision.choice();
      double[] weights = policy.weights();
      for (Choice.Slot slot : choice.slots()) {
        OptionScorer.Scored s = eligible.get(slot.index());
        // Shown where it was not the policy's sure choice: a draw or an explored slot put it here.
        boolean exploration = slot.propensity() < 1;
        List<Contribution> terms = new ArrayList<>(scorer.explain(s, context, VARIETY_PENALTY));
        terms.addAll(learnedTerms(policy, weights, xs[slot.index()], slot.propensity(), choice.draws()));
        // The score shown is what the policy expects of it (its mean, clamped to 0..1), not the hand weights' sum.
        double expected = Math.max(0, Math.min(1, dot(weights, xs[slot.index()])));
        Recommendation r = recommendation(s.withScore(expected), terms, request, limits, rules, limitsApplied, exploration,
            slot.propensity());
        shown.add(r);
        features.put(r.id(), xs[slot.index()]);
      }
      Choice.Slot top = choice.slots().get(0);
      double[] firstSlot = decision.firstSlot();
      int draws = choice.draws();
      return new Ranking(shown, rules, limitsApplied, request.options().size(), eligible.size(),
          new DecisionLog.Shown(policyName, version, features,
              Optional.of(candidateSet(eligible, xs, top.index(), top.propensity(), firstSlot, draws)),
              shadows(lineup, eligible, candidates, k, random)));
    }
    double epsilon = request.policy().exploration();
    int pool = eligible.size() - (k - 1); // candidates for the last slot
    boolean explore = epsilon > 0 && pool > 1 && random.nextDouble() < epsilon;
    int lastIndex = explore ? (k - 1) + random.nextInt(pool) : k - 1;
    double topPropensity = 1;
    for (int slot = 0; slot < k; slot++) {
      int index = slot < k - 1 ? slot : lastIndex;
      OptionScorer.Scored s = eligible.get(index);
      boolean isLast = slot == k - 1;
      double propensity;
      if (!isLast || pool <= 1 || epsilon == 0) {
        propensity = 1.0;
      } else if (index == k - 1) {
        propensity = (1 - epsilon) + epsilon / pool;
      } else {
        propensity = epsilon / pool;
      }
      if (slot == 0) {
        topPropensity = propensity;
      }
      boolean exploration = isLast && explore && index != k - 1;
      Recommendation r = recommendation(s, scorer.explain(s, context, VARIETY_PENALTY), request, limits, rules, limitsApplied,
          exploration, propensity);
      shown.add(r);
      features.put(r.id(), xs[index]);
    }
    // The top slot is sure unless it is also the explored last slot (a list of one).
    double[] firstSlot = new double[eligible.size()];
    if (k == 1 && pool > 1 && epsilon > 0) {
      Arrays.fill(firstSlot, epsilon / pool);
      firstSlot[0] = (1 - epsilon) + epsilon / pool;
    } else {
      firstSlot[0] = 1;
    }
    return new Ranking(shown, rules, limitsApplied, request.options().size(), eligible.size(),
        new DecisionLog.Shown(policyName, version, features,
            Optional.of(candidateSet(eligible, xs, k == 1 ? lastIndex : 0, topPropensity, firstSlot, 0)),
            shadows(lineup, eligible, candidates, k, random)));
  }

  /**
   * What each shadow policy would have shown from the same candidates: its list, each slot's
   * propensity and its first-slot distribution. The fixed hand weights in the shadow show the
   * scorer's order, for sure.
   */
  private static List<DecisionLog.ShadowList> shadows(PolicyLineup lineup, List<OptionScorer.Scored> eligible,
      List<Candidate> candidates, int k, RandomGenerator random) {
    List<DecisionLog.ShadowList> out = new ArrayList<>(lineup.shadows().size() + 1);
    if (lineup.fixedShadow()) {
      List<String> ids = new ArrayList<>(k);
      double[] propensities = new double[k];
      for (int i = 0; i < k; i++) {
        ids.add(eligible.get(i).option().id());
        propensities[i] = 1;
      }
      double[] firstSlot = new double[eligible.size()];
      firstSlot[0] = 1;
      out.add(new DecisionLog.ShadowList(DecisionIds.next("shd"), FIXED_POLICY, 0, ids, propensities, firstSlot, 0));
    }
    for (Policy shadow : lineup.shadows()) {
      Decision decision = shadow.decide(candidates, k, random);
      Choice choice = decision.choice();
      List<String> ids = new ArrayList<>(choice.slots().size());
      double[] propensities = new double[choice.slots().size()];
      for (int i = 0; i < propensities.length; i++) {
        ids.add(candidates.get(choice.slots().get(i).index()).armId());
        propensities[i] = choice.slots().get(i).propensity();
      }
      out.add(new DecisionLog.ShadowList(DecisionIds.next("shd"), shadow.name(), shadow.version(), ids, propensities,
          decision.firstSlot(), choice.draws()));
    }
    return out;
  }

  private static double dot(double[] w, double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += w[i] * x[i];
    }
    return sum;
  }

  /** What the top item was chosen from, for off-policy evaluation: every eligible option and its vector. */
  private static DecisionLog.Candidates candidateSet(List<OptionScorer.Scored> eligible, double[][] xs, int top,
      double propensity, double[] firstSlot, int draws) {
    List<String> ids = new ArrayList<>(eligible.size());
    for (OptionScorer.Scored s : eligible) {
      ids.add(s.option().id());
    }
    return new DecisionLog.Candidates(ids, List.of(xs), top, propensity, firstSlot, draws);
  }

  /** The name the decision log gives the hand weights as a policy. */
  public static final String FIXED_POLICY = "fixed";

  /** How many learned terms an explanation names: those that moved this option most. */
  private static final int LEARNED_TERMS_SHOWN = 3;

  /**
   * What feedback changed for this option: for the features where the learned weight differs most
   * from the hand weight it started from, (learned - prior) x value, plus a line for the policy
   * itself (its name, how much feedback it rests on, the probability it showed this item here).
   */
  private static List<Contribution> learnedTerms(Policy policy, double[] weights, double[] x, double propensity, int draws) {
    double[] prior = RankFeatures.handWeights();
    List<Contribution> out = new ArrayList<>();
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs((weights[i] - prior[i]) * x[i])));
    for (int j = 0; j < Math.min(LEARNED_TERMS_SHOWN, order.length); j++) {
      int i = order[j];
      double moved = (weights[i] - prior[i]) * x[i];
      if (Math.abs(moved) < 1e-4) {
        break;
      }
      out.add(new Contribution("learned." + RankFeatures.NAMES.get(i), x[i], weights[i] - prior[i], String.format(Locale.ROOT,
          "learned from your feedback: weight of %s is %.3f, it started at %.3f (the hand weight)", RankFeatures.NAMES.get(i),
          weights[i], prior[i])));
    }
    out.add(new Contribution("policy." + policy.name(), policy.version(), 0.0, String.format(Locale.ROOT,
        "ordered by the learned policy %s after %d piece(s) of feedback, starting from the hand weights; shown here with probability %.3f%s",
        policy.name(), policy.version(), propensity, draws > 0 ? " (estimated from " + draws + " draws)" : "")));
    return out;
  }

  /** Score taken off per option for the same desire already shown above it. */
  static final double VARIETY_PENALTY = 0.08;

  /**
   * Orders the first {@code limit} slots greedily by score minus {@link #VARIETY_PENALTY} for each
   * option of the same desire already placed, so the list offers alternatives across desires rather
   * than five ways to do one thing; the penalty is an explanation line of each option it touched.
   * The rest follow in score order.
   */
  private static List<OptionScorer.Scored> diversify(List<OptionScorer.Scored> sorted, int limit) {
    if (sorted.stream().map(s -> s.option().desire()).distinct().count() < 2) {
      return sorted; // one desire asked for: nothing to vary
    }
    List<OptionScorer.Scored> remaining = new ArrayList<>(sorted);
    List<OptionScorer.Scored> out = new ArrayList<>(sorted.size());
    Map<DesireType, Integer> shown = new java.util.EnumMap<>(DesireType.class);
    while (!remaining.isEmpty() && out.size() < limit) {
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < remaining.size(); i++) {
        OptionScorer.Scored s = remaining.get(i);
        double adjusted = s.score() - VARIETY_PENALTY * shown.getOrDefault(s.option().desire(), 0);
        if (adjusted > bestScore) {
          bestScore = adjusted;
          best = i;
        }
      }
      OptionScorer.Scored chosen = remaining.remove(best);
      int n = shown.getOrDefault(chosen.option().desire(), 0);
      out.add(n == 0 ? chosen : chosen.withVariety(n, VARIETY_PENALTY));
      shown.merge(chosen.option().desire(), 1, Integer::sum);
    }
    for (OptionScorer.Scored s : remaining) {
      int n = shown.getOrDefault(s.option().desire(), 0);
      out.add(n == 0 ? s : s.withVariety(n, VARIETY_PENALTY));
    }
    return out;
  }

  private static Recommendation recommendation(
      OptionScorer.Scored s, List<Contribution> terms, Request request, StatedLimits stated, List<RuleApplication> rules,
      List<LimitApplication> limits, boolean exploration, double propensity) {
    Option option = s.option();
    Desire desire = request.desires().get(option.desire());
    List<Contribution> contributions = new ArrayList<>(terms);
    if (desire != null) {
      // The desire model's own top inputs, so "why" reaches down to the person's data.
      desire.contributions().stream().limit(4).forEach(c -> contributions.add(
          new Contribution("desire." + option.desire().code() + "." + c.input(), c.value(), c.weight(), c.meaning())));
      if (desire.populationEffect() != 0.0) {
        contributions.add(new Contribution("desire." + option.desire().code() + ".population_prior", 1.0,
            desire.populationEffect(), String.format(java.util.Locale.ROOT,
                "this much of the %s desire (%.2f) came from the population prior learned with others; the rest from"
                    + " your own data", option.desire().code(), desire.intensity())));
      }
    }
    double desireConfidence = desire == null ? 0.2 : desire.confidence();
    double support = Math.min(1, request.preferences().count(option.id()) / 3.0);
    double confidence = Math.max(0, Math.min(1, desireConfidence * (0.7 + 0.3 * support)));
    String summary = summary(s, terms, desire, stated, exploration);
    Explanation explanation = new Explanation(
        summary,
        contributions,
        rules,
        limits,
        exploration,
        propensity,
        request.evidence().getOrDefault(option.desire(), List.of()),
        request.model());
    return new Recommendation(DecisionIds.next("rec"), option, option.desire(), s.score(), confidence, explanation);
  }

  private static String summary(OptionScorer.Scored s, List<Contribution> terms, Desire desire, StatedLimits limits, boolean exploration) {
    // The strongest reason for showing it, not the soft-limit penalty the summary states apart.
    Contribution top = terms.stream().filter(t -> !t.input().startsWith("limit.")).findFirst().orElse(terms.get(0));
    String base = String.format(Locale.ROOT, "%s serves your wish to %s (intensity %.2f); strongest reason: %s.",
        s.option().name(), s.option().desire().code(), desire == null ? 0.0 : desire.intensity(), top.meaning());
    if (s.overLimits() > 0) {
      base += String.format(Locale.ROOT, " Over your stated limit (%s); shown because you said limits=soft, scored down by %.2f.",
          String.join(", ", limits.over(s.option()).values()), OptionScorer.SOFT_LIMIT_PENALTY * s.overLimits());
    }
    // True of both ways a list explores: the fixed ranker's random last slot, and a learned policy's
    // draw (Thompson sampling, epsilon-greedy); the propensity says how likely it was.
    return exploration ? base + " Shown to explore: a random choice put it here, not its score alone." : base;
  }
}
