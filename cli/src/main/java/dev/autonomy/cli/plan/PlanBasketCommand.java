package dev.autonomy.cli.plan;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.plan.RuleScreen;
import dev.autonomy.plan.basket.Basket;
import dev.autonomy.plan.basket.BasketPlanner;
import dev.autonomy.plan.basket.BasketProblem;
import dev.autonomy.plan.basket.Item;
import dev.autonomy.plan.basket.ItemsCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autonomy plan basket}: what to buy within a budget. */
@Command(
    name = "basket",
    mixinStandardHelpOptions = true,
    description = "Choose quantities within a budget, maximising desire-weighted utility with diminishing "
        + "returns (genetic algorithm, checked against the exact optimum when that is small enough).")
final class PlanBasketCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--budget", required = true, description = "Money available.")
  double budget;

  @Option(names = "--items", required = true, paramLabel = "FILE", description = "CSV: name,price,desire,utility,max_qty")
  Path items;

  @Option(names = "--desire", paramLabel = "D=W,...", description = "Desire weights, e.g. buy=0.7,save=0.3 (default: your predicted desires; every desire 1 while the vault is empty).")
  String desire;

  @Option(names = "--decay", defaultValue = "0.5", description = "Each further unit is worth this share of the one before (default: ${DEFAULT-VALUE}).")
  double decay;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; same seed, same basket (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!Double.isFinite(budget)) {
      throw new InvalidInputException("--budget must be a finite number, was " + budget);
    }
    if (!(decay > 0 && decay <= 1)) {
      throw new InvalidInputException("--decay must be in (0, 1], was " + decay);
    }
    RuleScreen.Allowed<Item> allowed;
    Map<DesireType, Double> weights;
    try (Autonomy autonomy = Session.open(spec)) {
      Situation now = new Situation(ZonedDateTime.now(autonomy.clock()), Map.of());
      allowed = autonomy.ruleScreen(now).items(ItemsCsv.read(items));
      if (allowed.kept().isEmpty()) {
        throw new InvalidInputException("your rules remove every item: " + allowed.removed());
      }
      if (desire != null) {
        weights = MapOptions.weights(desire, "--desire");
      } else {
        // The person's predicted desires weigh the items, or equal weights while the vault is empty.
        weights = autonomy.desireWeights(now).orElseGet(() -> {
          Map<DesireType, Double> equal = new EnumMap<>(DesireType.class);
          for (DesireType type : DesireType.values()) {
            equal.put(type, 1.0);
          }
          return equal;
        });
      }
    }
    List<Item> list = allowed.kept();
    BasketProblem problem = new BasketProblem(list, budget, weights, decay);
    BasketPlanner planner = new BasketPlanner();
    Basket basket = planner.genetic(problem, seed);
    Double optimum = null;
    try {
      optimum = planner.exact(problem).utility();
    } catch (InvalidInputException tooLarge) {
      // the exact check is only for baskets small enough
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("budget", basket.budget());
      o.put("spent", basket.spent());
      o.put("utility", round(basket.utility()));
      o.put("exact_optimum", optimum == null ? null : round(optimum));
      o.put("method", basket.method());
      o.put("bound", basket.bound());
      o.put("seed", basket.seed());
      List<Map<String, Object>> lines = new ArrayList<>();
      for (Basket.Line line : basket.lines()) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", line.item().name());
        l.put("quantity", line.quantity());
        l.put("price", line.item().price());
        l.put("desire", line.item().desire().code());
        l.put("utility", round(line.utility()));
        l.put("why", line.why());
        lines.add(l);
      }
      o.put("items", lines);
      o.put("removed_by_rules", allowed.removed());
      Session.json(spec, o);
    } else {
      out.printf(Locale.ROOT, "Basket within %.2f (%s, seed %d)%n", basket.budget(), basket.method(), basket.seed());
      out.printf(Locale.ROOT, "%4s  %-28s %9s  %-8s %8s  %s%n", "qty", "item", "cost", "desire", "utility", "why");
      for (Basket.Line line : basket.lines()) {
        out.printf(Locale.ROOT, "%4d  %-28s %9.2f  %-8s %8.2f  %s%n", line.quantity(), PlanTripCommand.clip(line.item().name(), 28),
            line.quantity() * line.item().price(), line.item().desire().code(), line.utility(), line.why());
      }
      out.printf(Locale.ROOT, "Spent %.2f of %.2f; utility %.2f", basket.spent(), basket.budget(), basket.utility());
      if (optimum != null) {
        out.printf(Locale.ROOT, " (exact optimum %.2f, gap %.2f%%)", optimum,
            optimum > 0 ? (optimum - basket.utility()) / optimum * 100 : 0.0);
      }
      out.println();
      out.println("Bound: " + basket.bound());
      allowed.removed().forEach((name, why) -> out.println("Not considered: " + name + " (" + why + ")"));
    }
    out.flush();
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
