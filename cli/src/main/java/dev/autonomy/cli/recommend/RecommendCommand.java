package dev.autonomy.cli.recommend;

import dev.autonomy.cli.ContextOption;
import dev.autonomy.cli.Session;
import dev.autonomy.cli.plan.LatLonConverter;
import dev.autonomy.cli.plan.MapOptions;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.choose.TradeOffs;
import dev.autonomy.engine.plan.PathOffers;
import dev.autonomy.engine.plan.WeekPlanRecommendation;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.OsmMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = {"Concrete things to do now, ranked, each with an id, a score, a confidence and why.",
        "Your rules are applied after the model: nothing shown breaks one."})
public final class RecommendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin ContextOption context;

  @Option(names = "--limit", defaultValue = "5", description = "How many to show (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--explore", defaultValue = "0.1",
      description = "Probability that the last slot is an exploration pick (default ${DEFAULT-VALUE}; 0 turns it off).")
  double explore;

  @Option(names = "--desire", paramLabel = "DESIRE", description = "Only options serving this desire: move, rest, explore, buy, save.")
  String desire;

  @Option(names = "--with-plan", description = "Also offer next week's training plan as an alternative (each day gets its own id for feedback).")
  boolean withPlan;

  @Option(names = "--map", paramLabel = "FILE",
      description = "Also offer paths on this OSM map from --start: a running loop and a walking trip sized to your free_minutes"
          + " (an hour when not stated), each under your rules and with its own id.")
  String map;

  @Option(names = "--start", paramLabel = "LAT,LON", converter = LatLonConverter.class, description = "Where the paths of --map start and end.")
  LatLon start;

  @Option(names = "--seed", description = "Seed for the exploration draw (default: from the clock).")
  Long seed;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(names = "--no-rank", description = {"Decide myself: every option your rules allow, side by side with what it takes and",
      "gives (minutes, effort, cost, place, the desire it serves and how strong that is now), in a fixed order and",
      "with no score and no pick. Nothing is logged as a recommendation; the dependence watch counts each use."})
  boolean noRank;

  @Override
  public Integer call() {
    if (noRank && (withPlan || map != null)) {
      throw new InvalidInputException("--no-rank lays out the options only: leave out --with-plan and --map");
    }
    try (Autonomy autonomy = seed == null ? Session.open(spec) : Session.open(spec, seed)) {
      Situation situation = context.situation(autonomy);
      if (noRank) {
        TradeOffs laid = autonomy.selfChoice().lay(situation, Optional.ofNullable(desire).map(DesireType::fromCode), "cli");
        if (json) {
          Session.json(spec, laid.view());
        } else {
          printTradeOffs(Session.out(spec), laid);
        }
        return 0;
      }
      // The limit and the exploration rate are checked once, by the ranking policy.
      RankingPolicy policy = new RankingPolicy(limit, explore);
      if ((map == null) != (start == null)) {
        throw new InvalidInputException("--map and --start go together: give both or neither");
      }
      LatLon from = start;
      Optional<DesireType> only = Optional.ofNullable(desire).map(DesireType::fromCode);
      // Everything that can fail is checked before anything is logged: a list is logged only when shown.
      try (OsmMap osm = map == null ? null : MapOptions.open(autonomy, map)) {
        if (osm != null) {
          osm.requireOnMap(from, "--start");
        }
        Ranking ranking = autonomy.recommend(situation, policy, only);
        WeekPlanRecommendation plan = withPlan
            ? autonomy.recommendWeekPlan(situation.stated(), new int[] {60, 60, 60, 60, 60, 120, 120}, seed == null ? 1 : seed)
            : null;
        PathOffers paths = osm == null ? null : autonomy.offerPaths(osm, from, situation, seed == null ? 1 : seed);
        show(situation, ranking, plan, paths);
      }
    }
    return 0;
  }

  private void show(Situation situation, Ranking ranking, WeekPlanRecommendation plan, PathOffers paths) {
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>(ranking.view(situation));
      if (plan != null) {
        out.put("plans", List.of(Map.of("plan", plan.plan(), "elements", plan.elements())));
      }
      if (paths != null) {
        Map<String, Object> p = new LinkedHashMap<>();
        paths.run().ifPresent(r -> p.put("run", Map.of("recommendation", r.offered(), "km", Math.round(r.loop().meters()) / 1000.0)));
        paths.trip().ifPresent(t -> p.put("trip", Map.of("recommendation", t.offered(),
            "stops", t.trip().stops().stream().map(s -> s.place().name()).toList())));
        p.put("not_offered", paths.refused());
        out.put("paths", p);
      }
      Session.json(spec, out);
      return;
    }
    print(Session.out(spec), situation, ranking);
    if (plan != null) {
      printPlan(Session.out(spec), plan);
    }
    if (paths != null) {
      printPaths(Session.out(spec), paths);
    }
  }

  static void printTradeOffs(PrintWriter out, TradeOffs laid) {
    Situation situation = laid.situation();
    out.printf("Your options at %s%s, to choose from yourself (%d of %d within your rules; %s)%n",
        situation.at().withNano(0), situation.stated().isEmpty() ? "" : " " + situation.stated(), laid.options().size(),
        laid.considered(), TradeOffs.ORDER);
    StringBuilder now = new StringBuilder();
    laid.desires().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> now.append(now.length() == 0 ? "" : ", ").append(e.getKey().code())
            .append(String.format(Locale.ROOT, " %.2f", e.getValue())));
    out.println("Your desires now (predicted, 0..1): " + now);
    int width = laid.options().stream().mapToInt(r -> r.name().length() + r.id().length() + 3).max().orElse(12);
    out.printf("%-8s %-" + width + "s %-8s %5s %6s %6s  %s%n", "desire", "option [id]", "place", "min", "effort", "cost", "tags");
    for (TradeOffs.Row r : laid.options()) {
      List<String> notes = new java.util.ArrayList<>(r.notes());
      r.over().values().forEach(v -> notes.add("over: " + v));
      out.printf(Locale.ROOT, "%-8s %-" + width + "s %-8s %5d %6.1f %6.2f  %s%s%n", r.desire().code(),
          r.name() + " [" + r.id() + "]", r.place(), r.minutes(), r.effort(), r.cost(), String.join(",", r.tags()),
          notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")");
    }
    printRulesAndLimits(out, laid.rules(), laid.limits());
    if (laid.options().isEmpty()) {
      out.println("Nothing fits: your rules and stated limits left out every option in this context.");
    }
  }

  static void printPlan(PrintWriter out, WeekPlanRecommendation plan) {
    Recommendation p = plan.plan();
    out.printf(Locale.ROOT, "Or a plan: %s  score %.2f  [%s]%n", p.option().name(), p.score(), p.id());
    out.println("   " + p.explanation().summary());
    for (Recommendation e : plan.elements()) {
      out.printf(Locale.ROOT, "   [%s] %s%n", e.id(), e.explanation().summary());
    }
  }

  static void printPaths(PrintWriter out, PathOffers paths) {
    paths.run().ifPresent(r -> {
      out.printf(Locale.ROOT, "Or a path: %s  [%s]%n", r.offered().option().name(), r.offered().id());
      out.println("   " + r.offered().explanation().summary());
    });
    paths.trip().ifPresent(t -> {
      out.printf(Locale.ROOT, "Or a path: %s  [%s]%n", t.offered().option().name(), t.offered().id());
      out.println("   " + t.offered().explanation().summary());
      out.println("   " + String.join(" -> ", t.trip().stops().stream().map(s -> s.place().name()).toList()));
    });
    paths.refused().forEach(line -> out.println("Not offered: " + line));
    if (paths.run().isPresent() || paths.trip().isPresent()) {
      out.println(MapOptions.ATTRIBUTION);
    }
  }

  static void print(PrintWriter out, Situation situation, Ranking ranking) {
    boolean hardLimits = ranking.limits().stream().anyMatch(l -> !l.soft());
    out.printf("Recommendations at %s%s (%d options, %d within your rules%s)%n", situation.at().withNano(0),
        situation.stated().isEmpty() ? "" : " " + situation.stated(), ranking.considered(), ranking.eligible(),
        hardLimits ? " and stated limits" : "");
    int i = 1;
    for (Recommendation r : ranking.recommendations()) {
      out.printf(Locale.ROOT, "%d. %-40s score %.2f  confidence %.2f  [%s]%s%n", i++, r.option().name(), r.score(), r.confidence(),
          r.id(), r.explanation().exploration() ? "  (exploring)" : "");
      out.println("   " + r.explanation().summary());
      for (Contribution c : r.explanation().contributions().stream().limit(3).toList()) {
        out.printf(Locale.ROOT, "     %+.3f %-22s value %.2f x weight %.2f: %s%n", c.effect(), c.input(), c.value(), c.weight(), c.meaning());
      }
    }
    printRulesAndLimits(out, ranking.rules(), ranking.limits());
    if (ranking.recommendations().isEmpty()) {
      out.println(hardLimits
          ? "Nothing fits: your rules and stated limits left out every option in this context (limits=soft keeps them, scored down)."
          : "Nothing fits: your rules removed every option in this context.");
    }
  }

  /** What each rule removed from the list, then each stated limit. */
  private static void printRulesAndLimits(PrintWriter out, List<RuleApplication> rules, List<LimitApplication> limits) {
    for (RuleApplication rule : rules) {
      if (!rule.removed().isEmpty()) {
        out.printf("rule %s \"%s\" removed: %s%n", rule.ruleId(), rule.ruleText(), String.join(", ", rule.removed()));
      }
    }
    for (LimitApplication limit : limits) {
      printLimit(out, "", limit);
    }
  }

  /** One line per stated limit: what it left out (hard) or scored down (soft), each option with why. */
  static void printLimit(PrintWriter out, String indent, LimitApplication limit) {
    String what = limit.limit() + " " + limit.value() + (limit.soft() ? " (limits=soft)" : "");
    if (limit.over().isEmpty()) {
      out.printf("%sstated %s: every option is within it%n", indent, what);
      return;
    }
    out.printf("%sstated %s %s: %s%n", indent, what, limit.soft() ? "scored down" : "left out",
        String.join(", ", limit.over().stream().map(o -> o.optionId() + " (" + o.reason() + ")").toList()));
  }
}
