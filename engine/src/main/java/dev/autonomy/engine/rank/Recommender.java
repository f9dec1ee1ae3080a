package dev.autonomy.engine.rank;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.learn.Learning;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.option.Options;
import dev.autonomy.engine.rule.Rules;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.DecisionLog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Ranks the options for a situation from the person's predicted desires, feedback and rules, and
 * logs every list shown with its propensities so policies can be evaluated offline.
 */
public final class Recommender {
  /** Key of the logged context of a list the person asked for one desire only. */
  public static final String ASKED_DESIRE = "asked_desire";

  private final Ranker ranker = new Ranker();
  private final Options options;
  private final Desires desires;
  private final Learning learning;
  private final Rules rules;
  private final PersonStates states;
  private final DecisionLog log;
  private final PolicyBook policies;
  /** Runs after each list is logged: the log's retention. */
  private final Runnable afterLogging;
  private final RandomGenerator random;

  public Recommender(Options options, Desires desires, Learning learning, Rules rules, PersonStates states,
      DecisionLog log, PolicyBook policies, Runnable afterLogging, RandomGenerator random) {
    this.policies = policies;
    this.afterLogging = afterLogging;
    this.options = options;
    this.desires = desires;
    this.learning = learning;
    this.rules = rules;
    this.states = states;
    this.log = log;
    this.random = random;
  }

  /** Ranks the options (only those serving {@code desire} when given), logs what is shown, and returns it. */
  public Ranking recommend(Situation situation, RankingPolicy policy, Optional<DesireType> desire) {
    List<Option> all = options.catalogue().all();
    List<Option> candidates = desire.isEmpty() ? all : all.stream().filter(o -> o.desire() == desire.get()).toList();
    Ranking ranking = rank(situation, policy, candidates, policies.lineupOrFixed());
    // A list asked for one desire says so in its log, so an audit does not read it as bias.
    Situation logged = desire.isEmpty() ? situation : situation.with(ASKED_DESIRE, desire.get().code());
    log.record(logged.stated(), ranking.recommendations(), ranking.shown());
    afterLogging.run();
    return ranking;
  }

  /** Ranks given options without logging, through the live policy (no shadows): for plans and benchmarks. */
  public Ranking rank(Situation situation, RankingPolicy policy, List<Option> candidates) {
    return rank(situation, policy, candidates, PolicyLineup.of(policies.lineupOrFixed().live()));
  }

  private Ranking rank(Situation situation, RankingPolicy policy, List<Option> candidates, PolicyLineup lineup) {
    Map<DesireType, Desire> byType = new EnumMap<>(DesireType.class);
    for (Desire d : desires.at(situation)) {
      byType.put(d.type(), d);
    }
    Ranker.Request request = new Ranker.Request(candidates, byType, situation, learning.preferences(),
        rules.constraints(), states.evidence(), desires.modelName(), policy);
    return ranker.rank(request, lineup, random);
  }
}
