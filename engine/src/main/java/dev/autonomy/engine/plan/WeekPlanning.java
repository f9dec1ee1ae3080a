package dev.autonomy.engine.plan;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.engine.rank.Recommender;
import dev.autonomy.engine.rule.Constraint;
import dev.autonomy.plan.week.Rule;
import dev.autonomy.plan.week.SessionCandidate;
import dev.autonomy.plan.week.WeekInput;
import dev.autonomy.plan.week.WeekPlan;
import dev.autonomy.plan.week.WeekPlanner;
import dev.autonomy.vault.SignalStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds next week's training plan from the person's engine: candidates are the catalogue's move
 * options, each day's satisfaction is the ranker's score for that option on that day (desire model
 * + context fit + feedback history), the person's rules become hard rules of the plan, and the
 * load cap comes from the workouts of the last four weeks.
 */
public final class WeekPlanning {
  /** Effort assumed for a past workout of each activity, for the four-week load. */
  private static final Map<String, Integer> WORKOUT_EFFORT = Map.of(
      "running", 7, "traditionalstrengthtraining", 7, "functionalstrengthtraining", 7, "cycling", 6,
      "swimming", 6, "walking", 3, "hiking", 5, "yoga", 3, "highintensityintervaltraining", 8);

  /**
   * The plan and the week it is for.
   *
   * @param features per day (Monday first), each option's ranking features that day, so feedback on
   *     a planned session teaches the learned ranking policies like feedback on a shown item
   */
  public record Result(LocalDate monday, WeekPlan plan, WeekInput input, List<Map<String, double[]>> features) {
    public Result {
      features = List.copyOf(features);
    }
  }

  private WeekPlanning() {}

  /**
   * @param freeMinutes free minutes per day, Monday first
   * @param stated what the person states for the whole week (e.g. weather)
   */
  static Result plan(ZonedDateTime now, List<Option> catalogue, Recommender recommender, List<Constraint> constraints,
      double fourWeekLoad, int[] freeMinutes, Map<String, String> stated, long seed) {
    LocalDate monday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    List<Option> options = catalogue.stream()
        .filter(o -> o.desire() == DesireType.MOVE && o.minutes() > 0)
        .toList();
    List<SessionCandidate> candidates = options.stream()
        .map(o -> new SessionCandidate(o.id(), o.name(), o.place() == Place.OUTDOOR, o.minutes(),
            (int) Math.max(1, Math.min(10, Math.round(o.effort()))), o.activity().isEmpty() ? o.id() : o.activity()))
        .toList();
    double[][] satisfaction = new double[7][options.size()];
    List<Map<String, double[]>> features = new ArrayList<>(7);
    for (int d = 0; d < 7; d++) {
      ZonedDateTime at = monday.plusDays(d).atTime(LocalTime.of(18, 0)).atZone(now.getZone());
      Ranking ranking = recommender.rank(new Situation(at, stated), new RankingPolicy(1000, 0), options);
      Map<String, Double> score = new HashMap<>();
      Map<String, double[]> day = new HashMap<>();
      for (Recommendation r : ranking.recommendations()) {
        score.put(r.option().id(), r.score());
        double[] x = ranking.shown().features().get(r.id());
        if (x != null) {
          day.put(r.option().id(), x);
        }
      }
      features.add(day);
      for (int k = 0; k < options.size(); k++) {
        // Options a rule removes score 0; the plan's own rule check keeps them out regardless.
        satisfaction[d][k] = score.getOrDefault(options.get(k).id(), 0.0);
      }
    }
    List<Rule> rules = new ArrayList<>();
    Map<String, Option> byId = new HashMap<>();
    options.forEach(o -> byId.put(o.id(), o));
    for (Constraint c : constraints) {
      rules.add(new Rule(c.rule().text(), placed -> {
        ZonedDateTime at = monday.plusDays(placed.day().getValue() - 1L).atTime(LocalTime.of(18, 0)).atZone(now.getZone());
        return c.violation(byId.get(placed.session().id()), new Situation(at, stated)).isEmpty();
      }));
    }
    WeekInput input = new WeekInput(candidates, satisfaction, freeMinutes, rules, fourWeekLoad);
    return new Result(monday, new WeekPlanner().plan(input, seed), input, features);
  }

  /** Average weekly load (minutes x effort) of the workouts in the four weeks before {@code now}. */
  static double fourWeekLoad(SignalStore signals, Instant now) {
    double[] load = {0};
    Instant since = now.minusSeconds(28L * 86_400);
    signals.forEachSince(Set.of(SignalKind.WORKOUT), since, s -> {
      if (!s.start().isAfter(now)) {
        String activity = s.category().toLowerCase(Locale.ROOT).replace(" ", "");
        load[0] += s.value() * WORKOUT_EFFORT.getOrDefault(activity, 5);
      }
    });
    return load[0] / 4.0;
  }
}
