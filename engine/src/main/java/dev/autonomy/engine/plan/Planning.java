package dev.autonomy.engine.plan;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.option.Options;
import dev.autonomy.engine.rank.DecisionIds;
import dev.autonomy.engine.rank.Recommender;
import dev.autonomy.engine.rule.Rules;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Mode;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.map.Place;
import dev.autonomy.plan.run.RunLoop;
import dev.autonomy.plan.run.RunPlanner;
import dev.autonomy.plan.run.RunRequest;
import dev.autonomy.plan.trip.Trip;
import dev.autonomy.plan.trip.TripPlanner;
import dev.autonomy.plan.trip.TripRequest;
import dev.autonomy.vault.DecisionLog;
import dev.autonomy.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans under the person's rules, offered like any recommendation: next week's training, a
 * walking trip, a running loop. Every plan is checked against every rule first (one that breaks a
 * rule is refused, naming it), then logged so {@code why} and {@code feedback} work on it.
 */
public final class Planning {
  private final Vault vault;
  private final Clock clock;
  private final Options options;
  private final Rules rules;
  private final Desires desires;
  private final PersonStates states;
  private final Recommender recommender;

  public Planning(Vault vault, Clock clock, Options options, Rules rules, Desires desires, PersonStates states,
      Recommender recommender) {
    this.vault = vault;
    this.clock = clock;
    this.options = options;
    this.rules = rules;
    this.desires = desires;
    this.states = states;
    this.recommender = recommender;
  }

  /** The name the decision log gives the week planner as the policy that placed a plan's sessions. */
  public static final String WEEK_PLANNER = "week-planner";

  /**
   * Next week's training plan as a recommendation, with each planned session logged as its own
   * element so feedback on one day teaches the models like any recommendation.
   */
  public WeekPlanRecommendation week(Map<String, String> stated, int[] freeMinutes, long seed) {
    ZonedDateTime now = ZonedDateTime.now(clock);
    List<Option> catalogue = options.catalogue().all();
    var result = WeekPlanning.plan(now, catalogue, recommender, rules.constraints(),
        WeekPlanning.fourWeekLoad(vault.signals(), now.toInstant()), freeMinutes, stated, seed);
    Map<String, Option> byId = new HashMap<>();
    catalogue.forEach(o -> byId.put(o.id(), o));
    var plan = WeekPlanRecommendation.of(DecisionIds.next("plan"), result, byId, rules.applied(Map.of()), desires.modelName());
    List<Recommendation> all = new ArrayList<>();
    all.add(plan.plan());
    all.addAll(plan.elements());
    // Each planned session keeps its ranking features, so feedback on it teaches the learned policies.
    // The sessions were placed by the planner, not drawn by a ranking policy: logged without a
    // candidate set, they teach but are not used to evaluate ranking policies offline.
    Map<String, double[]> features = new HashMap<>();
    int element = 0;
    for (var day : result.plan().days()) {
      if (day.session().isEmpty()) {
        continue;
      }
      double[] x = result.features().get(day.day().getValue() - 1).get(day.session().get().id());
      if (x != null) {
        features.put(plan.elements().get(element).id(), x);
      }
      element++;
    }
    vault.decisions().record(stated, all, new DecisionLog.Shown(WEEK_PLANNER, 0, features));
    return plan;
  }

  /** Offers a planned path after checking it against every rule; logs it like any recommendation. */
  public Recommendation offer(Option plan, String summary, Situation situation) {
    return offer(plan, summary, situation, Map.of());
  }

  /** The person's rules, ready to judge the parts of a plan (places, items) in a situation. */
  public RuleScreen ruleScreen(Situation situation) {
    return new RuleScreen(rules.constraints(), situation);
  }

  /**
   * Plans a walking trip under the person's rules and offers it: places a rule forbids are removed
   * before the solver sees the map, the whole trip is checked like any plan, and the offer is
   * logged with the places each rule removed. The trip is outdoors whatever the situation says.
   */
  public TripOffer trip(OsmMap map, TripRequest request, Situation situation) {
    Situation outdoors = situation.with("place", "outdoor");
    // A rule that refuses any walking trip ("no outdoor", "never walk") refuses it before the map is searched.
    rules.refuseIfBroken(TripOffer.asOption(request), outdoors);
    Map<String, RuleScreen.Removal> removed = ruleScreen(outdoors).removedPlaces(map.places());
    Trip trip = new TripPlanner(map).plan(request, place -> !removed.containsKey(place.osmId()));
    Map<String, List<String>> byRuleId = new LinkedHashMap<>();
    Map<String, List<String>> byRule = new LinkedHashMap<>();
    for (Place place : map.places()) {
      RuleScreen.Removal r = removed.get(place.osmId());
      if (r != null) {
        byRuleId.computeIfAbsent(r.rule().id(), k -> new ArrayList<>()).add(place.osmId());
        byRule.computeIfAbsent(r.rule().id() + " \"" + r.rule().text() + "\"", k -> new ArrayList<>()).add(place.name());
      }
    }
    Recommendation offered = offer(TripOffer.asOption(trip), TripOffer.summary(trip, removed.size()), outdoors, byRuleId);
    return new TripOffer(trip, offered, byRule);
  }

  /** Plans a running (or riding) loop, checked against the person's rules like any plan, and offers it. */
  public RunOffer run(OsmMap map, RunRequest request, Situation situation) {
    Situation outdoors = situation.with("place", "outdoor");
    rules.refuseIfBroken(RunOffer.asOption(request), outdoors);
    RunLoop loop = new RunPlanner(map).plan(request);
    Recommendation offered = offer(RunOffer.asOption(loop, request.mode()), RunOffer.summary(loop), outdoors);
    return new RunOffer(loop, offered);
  }

  /**
   * Paths on a map to offer beside the ranked list: a running loop and a walking trip from
   * {@code start}, each sized to the stated {@code free_minutes} (an hour when none is stated),
   * the trip's places weighted by the person's predicted desires. One the rules refuse is left out
   * with the reason.
   */
  public PathOffers paths(OsmMap map, LatLon start, Situation situation, long seed) {
    map.requireOnMap(start, "start");
    double free = PathOffers.freeMinutes(situation);
    List<String> refused = new ArrayList<>();
    Optional<RunOffer> run = Optional.empty();
    try {
      run = Optional.of(run(map, new RunRequest(start, PathOffers.runKm(free), Mode.FOOT, seed, 12), situation));
    } catch (InvalidInputException notOffered) {
      refused.add("running loop: " + notOffered.getMessage());
    }
    Optional<TripOffer> trip = Optional.empty();
    try {
      Situation outdoors = situation.with("place", "outdoor");
      TripRequest request = new TripRequest(start, Duration.ofMinutes(Math.round(PathOffers.tripMinutes(free))),
          situation.at().toLocalTime(), desires.weights(outdoors).orElse(TripRequest.DEFAULT_WEIGHTS), 35, seed,
          Duration.ofSeconds(1));
      trip = Optional.of(trip(map, request, outdoors));
    } catch (InvalidInputException notOffered) {
      refused.add("walking trip: " + notOffered.getMessage());
    }
    return new PathOffers(run, trip, refused);
  }

  private Recommendation offer(Option plan, String summary, Situation situation, Map<String, List<String>> removedByRuleId) {
    rules.refuseIfBroken(plan, situation);
    Optional<Desire> desire = desires.of(plan.desire(), situation);
    // Without a prediction the plan is offered at the neutral middle, and its confidence says so (0).
    double intensity = desire.map(Desire::intensity).orElse(NEUTRAL_INTENSITY);
    Explanation explanation = new Explanation(
        summary,
        List.of(new Contribution("desire." + plan.desire().code(), intensity, 1.0,
            "your predicted wish to " + plan.desire().code() + " now")),
        rules.applied(removedByRuleId), false, 1.0, states.evidence().getOrDefault(plan.desire(), List.of()),
        desires.modelName());
    var rec = new Recommendation(DecisionIds.next("plan"), plan, plan.desire(), Math.max(0, Math.min(1, intensity)),
        desire.map(Desire::confidence).orElse(0.0), explanation);
    vault.decisions().record(situation.stated(), List.of(rec));
    return rec;
  }

  /** The intensity a plan is offered at when the model predicts nothing for its desire. */
  static final double NEUTRAL_INTENSITY = 0.5;
}
