package dev.autonomy.cli.plan;

import dev.autonomy.cli.ContextOption;
import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.plan.WeekPlanning;
import dev.autonomy.plan.week.DayPlan;
import dev.autonomy.plan.week.WeekPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "week", mixinStandardHelpOptions = true,
    description = {"A 7-day training plan for next week from your desires, free time and rules (genetic algorithm, Jenetics).",
        "Keeps your rules and free time, rests after hard days, and keeps the week's load within 10% of your last four weeks."})
public final class PlanWeekCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--free", paramLabel = "MIN,...", split = ",",
      description = "Free minutes per day, Monday first (7 values; default 60 on weekdays, 120 at weekends).")
  List<Integer> free = new ArrayList<>();

  @picocli.CommandLine.Mixin ContextOption context;

  @Option(names = "--seed", defaultValue = "1", description = "Same seed, same plan (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    int[] minutes = {60, 60, 60, 60, 60, 120, 120};
    if (!free.isEmpty()) {
      if (free.size() != 7) {
        throw new InvalidInputException("--free needs 7 values (Monday first), got " + free.size());
      }
      for (int d = 0; d < 7; d++) {
        if (free.get(d) < 0) {
          throw new InvalidInputException("--free: day " + (d + 1) + " has negative minutes " + free.get(d));
        }
        minutes[d] = free.get(d);
      }
    }
    try (Autonomy autonomy = Session.open(spec, seed)) {
      var stated = context.situation(autonomy).stated();
      var offered = autonomy.recommendWeekPlan(stated, minutes, seed);
      WeekPlanning.Result result = offered.result();
      Map<String, String> elementIds = new LinkedHashMap<>();
      offered.elements().forEach(e -> elementIds.put(e.id().substring(e.id().length() - 3), e.id()));
      List<String> broken = WeekPlanner.violations(result.input(), result.plan());
      if (!broken.isEmpty()) {
        throw new IllegalStateException("the plan breaks constraints: " + broken);
      }
      if (json) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (DayPlan d : result.plan().days()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("date", result.monday().plusDays(d.day().getValue() - 1L).toString());
          m.put("day", d.day().toString().toLowerCase(Locale.ROOT));
          m.put("session", d.session().map(s -> s.id()).orElse(null));
          m.put("name", d.session().map(s -> s.name()).orElse("Rest"));
          m.put("minutes", d.session().map(s -> s.minutes()).orElse(0));
          m.put("satisfaction", d.satisfaction());
          m.put("why", d.why());
          m.put("id", elementIds.get(d.day().toString().substring(0, 3).toLowerCase(Locale.ROOT)));
          days.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", offered.plan().id());
        out.put("week_of", result.monday().toString());
        out.put("days", days);
        out.put("load", result.plan().load());
        out.put("load_cap", Double.isInfinite(result.plan().loadCap()) ? null : result.plan().loadCap());
        out.put("satisfaction", result.plan().satisfaction());
        out.put("rules", autonomy.rules());
        out.put("seed", seed);
        Session.json(spec, out);
        return 0;
      }
      PrintWriter out = Session.out(spec);
      out.printf("Training plan for the week of %s  [%s]%n", result.monday(), offered.plan().id());
      for (DayPlan d : result.plan().days()) {
        String id = elementIds.get(d.day().toString().substring(0, 3).toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  %-9s %-40s %s%s%n", d.day().toString().toLowerCase(Locale.ROOT),
            d.session().map(s -> s.name() + " (" + s.minutes() + " min)").orElse("rest"), d.why(), id == null ? "" : "  [" + id + "]");
      }
      out.println("Feedback on a day: autonomy feedback <id in brackets> --done --rating 1..5 (or --skipped)");
      out.printf(Locale.ROOT, "load %.0f%s; predicted satisfaction %.2f; rules kept: %d%n", result.plan().load(),
          Double.isInfinite(result.plan().loadCap()) ? " (no history: no cap)" : String.format(Locale.ROOT, " of at most %.0f", result.plan().loadCap()),
          result.plan().satisfaction(), autonomy.rules().size());
    }
    return 0;
  }
}
