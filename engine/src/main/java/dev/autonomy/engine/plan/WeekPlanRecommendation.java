package dev.autonomy.engine.plan;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.plan.week.DayPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A week plan offered as a recommendation: the plan itself is one option ("Training plan for the
 * week of ..."), and every planned session is logged as its own element recommendation
 * ({@code <plan id>-mon}, ...) so the person can give feedback on one day and the models learn
 * from it like from any other recommendation.
 *
 * @param plan the plan as a recommendation
 * @param elements one recommendation per planned (non-rest) day, Monday first
 * @param result the planner's result it was made from
 */
public record WeekPlanRecommendation(Recommendation plan, List<Recommendation> elements, WeekPlanning.Result result) {
  public WeekPlanRecommendation {
    elements = List.copyOf(elements);
  }

  /** Builds the plan and its elements from a planning result; options come from the catalogue. */
  public static WeekPlanRecommendation of(String id, WeekPlanning.Result result, Map<String, Option> options,
      List<RuleApplication> rules, String model) {
    List<Recommendation> elements = new ArrayList<>();
    List<String> days = new ArrayList<>();
    double satisfaction = 0;
    int minutes = 0;
    double effort = 0;
    double cost = 0;
    int sessions = 0;
    for (DayPlan d : result.plan().days()) {
      String day = d.day().toString().substring(0, 3).toLowerCase(Locale.ROOT);
      if (d.session().isEmpty()) {
        days.add(day + " rest");
        continue;
      }
      Option option = options.get(d.session().get().id());
      LocalDate date = result.monday().plusDays(d.day().getValue() - 1L);
      days.add(day + " " + option.id());
      satisfaction += d.satisfaction();
      minutes += option.minutes();
      effort += option.effort();
      cost += option.cost();
      sessions++;
      Explanation why = new Explanation(
          option.name() + " on " + date + " (element of plan " + id + "): " + d.why(),
          List.of(new Contribution("satisfaction", clip(d.satisfaction()), 1.0,
              "predicted satisfaction of this session on this day (the ranker's score)")),
          rules, false, 1.0, List.of(), model);
      elements.add(new Recommendation(id + "-" + day, option, DesireType.MOVE, clip(d.satisfaction()), 1.0, why));
    }
    double mean = sessions == 0 ? 0 : satisfaction / sessions;
    Option planOption = new Option("plan-week-" + result.monday(), "Training plan for the week of " + result.monday()
        + ": " + String.join(", ", days), DesireType.MOVE, Place.ANY, minutes, sessions == 0 ? 0 : effort / sessions, cost,
        "plan", Set.of("plan", "week"));
    String loadCap = Double.isInfinite(result.plan().loadCap()) ? "no load history, so no cap"
        : String.format(Locale.ROOT, "load %.0f within the cap %.0f (last four weeks + 10%%)", result.plan().load(), result.plan().loadCap());
    Explanation explanation = new Explanation(
        String.format(Locale.ROOT, "%d sessions placed by a genetic algorithm to maximise predicted satisfaction, keeping your"
            + " rules and free time, resting after hard days; %s. Give feedback on one day with its element id.", sessions, loadCap),
        List.of(new Contribution("mean_satisfaction", clip(mean), 1.0, "mean predicted satisfaction of the planned sessions"),
            new Contribution("load", result.plan().load(), 0.0, "the week's load, minutes x effort")),
        rules, false, 1.0, List.of(), model + " + Jenetics week planner (seed " + result.plan().seed() + ")");
    return new WeekPlanRecommendation(new Recommendation(id, planOption, DesireType.MOVE, clip(mean), 1.0, explanation), elements, result);
  }

  private static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
