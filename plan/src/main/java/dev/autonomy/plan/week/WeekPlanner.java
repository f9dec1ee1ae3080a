package dev.autonomy.plan.week;

import io.jenetics.IntegerGene;
import io.jenetics.Mutator;
import io.jenetics.SinglePointCrossover;
import io.jenetics.TournamentSelector;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Codecs;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.Limits;
import io.jenetics.util.IntRange;
import io.jenetics.util.RandomRegistry;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Places sessions on the days of a week with a genetic algorithm (Jenetics). Encoding: one integer
 * gene per day, a candidate index or "rest". The decoder repairs every genotype into a plan that
 * keeps the hard constraints (a session that breaks a rule or does not fit the day's free time
 * becomes rest; while the week's load is over the cap, the session with the least satisfaction per
 * load is dropped), so the GA only ever sees valid plans; the returned plan is checked again.
 * Fitness: total predicted satisfaction minus penalties for a hard or moderate day straight after
 * a hard day and for repeating the same session.
 */
public final class WeekPlanner {
  static final double HARD_AFTER_HARD = 0.5;
  static final double MODERATE_AFTER_HARD = 0.2;
  static final double REPEAT = 0.25;

  private final dev.autonomy.plan.GaLimits limits;

  /** Population 80; stop after 50 generations without progress or 500 in all. */
  public WeekPlanner() {
    this(80, 50, 500);
  }

  public WeekPlanner(int populationSize, int steadyGenerations, int maxGenerations) {
    this.limits = new dev.autonomy.plan.GaLimits(populationSize, steadyGenerations, maxGenerations);
  }

  /** The best plan found; same input and seed, same plan. */
  public WeekPlan plan(WeekInput input, long seed) {
    Model model = new Model(input);
    Codec<int[], IntegerGene> raw = Codecs.ofVector(IntRange.of(0, input.candidates().size() + 1), 7);
    Codec<int[], IntegerGene> codec = Codec.of(raw.encoding(), gt -> model.repair(raw.decode(gt)));
    EvolutionResult<IntegerGene, Double> result = RandomRegistry.with(new SplittableRandom(seed), random -> {
      Engine<IntegerGene, Double> engine = Engine.builder(model::fitness, codec)
          .populationSize(limits.populationSize())
          .selector(new TournamentSelector<>(3))
          .alterers(new SinglePointCrossover<>(0.3), new Mutator<>(0.2))
          .executor(Runnable::run)
          .build();
      return engine.stream()
          .limit(Limits.bySteadyFitness(limits.steadyGenerations()))
          .limit(limits.maxGenerations())
          .collect(EvolutionResult.toBestEvolutionResult());
    });
    int[] choice = codec.decode(result.bestPhenotype().genotype());
    WeekPlan plan = model.explain(choice, result.totalGenerations(), seed);
    List<String> broken = violations(input, plan);
    if (!broken.isEmpty()) {
      throw new IllegalStateException("week plan breaks hard constraints: " + broken);
    }
    return plan;
  }

  /** A plan decoded from random genes (repaired like the GA's): the baseline the GA must beat. */
  public static WeekPlan random(WeekInput input, long seed) {
    Model model = new Model(input);
    SplittableRandom random = new SplittableRandom(seed);
    int[] genes = new int[7];
    for (int d = 0; d < 7; d++) {
      genes[d] = random.nextInt(input.candidates().size() + 1);
    }
    return model.explain(model.repair(genes), 0, seed);
  }

  /**
   * The best plan by trying every gene vector: the reference for tests on small catalogues.
   *
   * @throws IllegalArgumentException if there are more than 3 million
   */
  static WeekPlan exhaustive(WeekInput input) {
    Model model = new Model(input);
    int base = input.candidates().size() + 1;
    long total = (long) Math.pow(base, 7);
    if (total > 3_000_000) {
      throw new IllegalArgumentException("too many plans to enumerate: " + total);
    }
    int[] genes = new int[7];
    int[] best = null;
    double bestFitness = Double.NEGATIVE_INFINITY;
    for (long code = 0; code < total; code++) {
      long rest = code;
      for (int d = 0; d < 7; d++) {
        genes[d] = (int) (rest % base);
        rest /= base;
      }
      int[] choice = model.repair(genes);
      double f = model.fitness(choice);
      if (f > bestFitness) {
        bestFitness = f;
        best = choice;
      }
    }
    return model.explain(best, 0, 0);
  }

  /** Every broken hard constraint of {@code plan} under {@code input}, in words (empty: none). */
  public static List<String> violations(WeekInput input, WeekPlan plan) {
    List<String> broken = new ArrayList<>();
    double load = 0;
    for (DayPlan day : plan.days()) {
      if (day.session().isEmpty()) {
        continue;
      }
      SessionCandidate s = day.session().get();
      load += s.load();
      int free = input.free(day.day().getValue() - 1);
      if (s.minutes() > free) {
        broken.add(day.day() + ": " + s.id() + " takes " + s.minutes() + " min, " + free + " free");
      }
      for (Rule rule : input.rules()) {
        if (!rule.allows().test(new PlacedSession(day.day(), s))) {
          broken.add(day.day() + ": " + s.id() + " breaks rule '" + rule.name() + "'");
        }
      }
    }
    if (load > input.loadCap() + 1e-9) {
      broken.add(String.format(Locale.ROOT, "load %.0f over the cap %.0f", load, input.loadCap()));
    }
    return broken;
  }

  /** The problem: which placements are allowed, repair, fitness and explanations. */
  private static final class Model {
    private final WeekInput input;
    private final int k;
    private final boolean[][] allowed;
    private final String[][] excludedBy;

    Model(WeekInput input) {
      this.input = input;
      this.k = input.candidates().size();
      this.allowed = new boolean[7][k];
      this.excludedBy = new String[7][k];
      for (int d = 0; d < 7; d++) {
        DayOfWeek day = DayOfWeek.of(d + 1);
        for (int c = 0; c < k; c++) {
          SessionCandidate s = input.candidates().get(c);
          String reason = null;
          if (s.minutes() > input.free(d)) {
            reason = "free time: takes " + s.minutes() + " min, " + input.free(d) + " free";
          } else {
            for (Rule rule : input.rules()) {
              if (!rule.allows().test(new PlacedSession(day, s))) {
                reason = "rule '" + rule.name() + "'";
                break;
              }
            }
          }
          allowed[d][c] = reason == null;
          excludedBy[d][c] = reason;
        }
      }
    }

    /** -1 is rest. */
    int[] repair(int[] genes) {
      int[] choice = new int[7];
      double load = 0;
      for (int d = 0; d < 7; d++) {
        int c = genes[d];
        choice[d] = c >= 0 && c < k && allowed[d][c] ? c : -1;
        if (choice[d] >= 0) {
          load += input.candidates().get(choice[d]).load();
        }
      }
      double cap = input.loadCap();
      while (load > cap) {
        int worst = -1;
        double worstRatio = Double.POSITIVE_INFINITY;
        for (int d = 0; d < 7; d++) {
          if (choice[d] >= 0) {
            double ratio = input.satisfaction(d, choice[d]) / input.candidates().get(choice[d]).load();
            if (ratio < worstRatio) {
              worstRatio = ratio;
              worst = d;
            }
          }
        }
        load -= input.candidates().get(choice[worst]).load();
        choice[worst] = -1;
      }
      return choice;
    }

    double fitness(int[] choice) {
      double f = 0;
      Map<Integer, Integer> counts = new HashMap<>();
      for (int d = 0; d < 7; d++) {
        if (choice[d] < 0) {
          continue;
        }
        f += input.satisfaction(d, choice[d]);
        int seen = counts.merge(choice[d], 1, Integer::sum);
        if (seen > 1) {
          f -= REPEAT;
        }
        if (d > 0 && choice[d - 1] >= 0 && input.candidates().get(choice[d - 1]).hard()) {
          int effort = input.candidates().get(choice[d]).effort();
          f -= effort >= SessionCandidate.HARD_EFFORT ? HARD_AFTER_HARD : effort >= 4 ? MODERATE_AFTER_HARD : 0;
        }
      }
      return f;
    }

    WeekPlan explain(int[] choice, long generations, long seed) {
      List<DayPlan> days = new ArrayList<>();
      double load = 0;
      double satisfaction = 0;
      for (int d = 0; d < 7; d++) {
        DayOfWeek day = DayOfWeek.of(d + 1);
        if (choice[d] >= 0) {
          SessionCandidate s = input.candidates().get(choice[d]);
          double sat = input.satisfaction(d, choice[d]);
          load += s.load();
          satisfaction += sat;
          days.add(new DayPlan(day, Optional.of(s), sat, sessionWhy(d, choice[d])));
        } else {
          days.add(new DayPlan(day, Optional.empty(), 0, restWhy(d, choice)));
        }
      }
      return new WeekPlan(days, load, input.loadCap(), satisfaction, fitness(choice), generations, seed);
    }

    private String sessionWhy(int d, int c) {
      SessionCandidate s = input.candidates().get(c);
      StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
          "predicted satisfaction %.2f; %d of %d free minutes", input.satisfaction(d, c), s.minutes(), input.free(d)));
      int better = -1;
      for (int o = 0; o < k; o++) {
        if (!allowed[d][o] && input.satisfaction(d, o) > input.satisfaction(d, c)
            && (better < 0 || input.satisfaction(d, o) > input.satisfaction(d, better))) {
          better = o;
        }
      }
      if (better >= 0) {
        why.append(String.format(Locale.ROOT, "; bound by %s, which rules out '%s' (%.2f)",
            excludedBy[d][better], input.candidates().get(better).name(), input.satisfaction(d, better)));
      }
      return why.toString();
    }

    private String restWhy(int d, int[] choice) {
      boolean any = false;
      for (int c = 0; c < k; c++) {
        any |= allowed[d][c];
      }
      if (!any) {
        String first = k > 0 ? excludedBy[d][0] : "no candidates";
        return "rest: no session is allowed (" + (input.free(d) == 0 ? "no free time" : "e.g. " + first) + ")";
      }
      if (d > 0 && choice[d - 1] >= 0 && input.candidates().get(choice[d - 1]).hard()) {
        return "rest after a hard day (effort " + input.candidates().get(choice[d - 1]).effort() + " yesterday)";
      }
      if (Double.isFinite(input.loadCap())) {
        double load = 0;
        for (int c : choice) {
          if (c >= 0) {
            load += input.candidates().get(c).load();
          }
        }
        double cheapest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          if (allowed[d][c]) {
            cheapest = Math.min(cheapest, input.candidates().get(c).load());
          }
        }
        if (load + cheapest > input.loadCap()) {
          return String.format(Locale.ROOT,
              "rest: weekly load cap %.0f (four-week average +%.0f%%) reached at %.0f",
              input.loadCap(), WeekInput.LOAD_RISE * 100, load);
        }
      }
      return "rest: no allowed session adds satisfaction after the variety and recovery penalties";
    }
  }
}
