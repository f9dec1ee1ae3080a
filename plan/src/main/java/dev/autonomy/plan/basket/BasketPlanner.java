package dev.autonomy.plan.basket;

import dev.autonomy.core.InvalidInputException;
import io.jenetics.Genotype;
import io.jenetics.IntegerGene;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.UniformCrossover;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Codecs;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.Limits;
import io.jenetics.util.IntRange;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Solves a {@link BasketProblem} two ways: a genetic algorithm through Jenetics (one integer gene
 * per item; a decoder that repairs over-budget baskets and fills what money is left), and an exact
 * dynamic programme over the budget in units of the prices' greatest common divisor, the reference
 * the GA is checked against.
 */
public final class BasketPlanner {
  /** The exact method refuses tables larger than this many cells. */
  static final long MAX_DP_CELLS = 60_000_000L;

  private final dev.autonomy.plan.GaLimits limits;

  /** Population 60, stop after 30 generations without progress or 400 in all. */
  public BasketPlanner() {
    this(60, 30, 400);
  }

  public BasketPlanner(int populationSize, int steadyGenerations, int maxGenerations) {
    this.limits = new dev.autonomy.plan.GaLimits(populationSize, steadyGenerations, maxGenerations);
  }

  /** The GA's basket; same problem and seed, same basket. */
  public Basket genetic(BasketProblem problem, long seed) {
    int n = problem.items().size();
    IntRange[] ranges = new IntRange[n];
    for (int i = 0; i < n; i++) {
      ranges[i] = IntRange.of(0, problem.maxUnits(i) + 1);
    }
    Codec<int[], IntegerGene> raw = Codecs.ofVector(ranges);
    Codec<int[], IntegerGene> codec = Codec.of(raw.encoding(), gt -> repair(problem, raw.decode(gt)));
    Phenotype<IntegerGene, Double> best = RandomRegistry.with(new SplittableRandom(seed), random -> {
      Engine<IntegerGene, Double> engine = Engine.builder(q -> problem.value(q), codec)
          .populationSize(limits.populationSize())
          .selector(new TournamentSelector<>(3))
          .alterers(new UniformCrossover<>(0.3, 0.3), new Mutator<>(0.15))
          .executor(Runnable::run)
          .build();
      return engine.stream()
          .limit(Limits.bySteadyFitness(limits.steadyGenerations()))
          .limit(limits.maxGenerations())
          .collect(EvolutionResult.toBestPhenotype());
    });
    Genotype<IntegerGene> genotype = best.genotype();
    return basket(problem, codec.decode(genotype), "genetic algorithm (Jenetics)", seed);
  }

  /** The optimal basket by dynamic programming. */
  public Basket exact(BasketProblem problem) {
    int n = problem.items().size();
    long g = problem.priceCents(0);
    for (int i = 1; i < n; i++) {
      g = gcd(g, problem.priceCents(i));
    }
    int capacity = (int) Math.min(Integer.MAX_VALUE - 1, problem.budgetCents() / g);
    if ((long) n * (capacity + 1) > MAX_DP_CELLS) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "basket too large for the exact method: %d items x %d budget steps > %d cells", n, capacity + 1, MAX_DP_CELLS));
    }
    double[] best = new double[capacity + 1];
    int[][] choice = new int[n][];
    for (int i = 0; i < n; i++) {
      int w = (int) (problem.priceCents(i) / g);
      int max = problem.maxUnits(i);
      double[] next = best.clone();
      int[] pick = new int[capacity + 1];
      for (int b = 0; b <= capacity; b++) {
        double v = 0;
        for (int q = 1; q <= max && (long) q * w <= b; q++) {
          v += problem.unitValue(i, q);
          double candidate = best[b - q * w] + v;
          if (candidate > next[b] + 1e-12) {
            next[b] = candidate;
            pick[b] = q;
          }
        }
      }
      best = next;
      choice[i] = pick;
    }
    int[] quantities = new int[n];
    int b = capacity;
    for (int i = n - 1; i >= 0; i--) {
      quantities[i] = choice[i][b];
      b -= quantities[i] * (int) (problem.priceCents(i) / g);
    }
    return basket(problem, quantities, "dynamic programming (exact)", 0);
  }

  /**
   * Clamps to the allowed units (none of an item worth nothing), drops the least worthwhile units
   * until within budget, then fills the money left with the most worthwhile units that fit.
   */
  static int[] repair(BasketProblem problem, int[] genes) {
    int n = genes.length;
    int[] q = new int[n];
    for (int i = 0; i < n; i++) {
      q[i] = problem.unitValue(i, 1) > 0 ? Math.max(0, Math.min(genes[i], problem.maxUnits(i))) : 0;
    }
    long budget = problem.budgetCents();
    long cost = problem.costCents(q);
    while (cost > budget) {
      int worst = -1;
      double worstRatio = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (q[i] > 0) {
          double ratio = problem.unitValue(i, q[i]) / problem.priceCents(i);
          if (ratio < worstRatio) {
            worstRatio = ratio;
            worst = i;
          }
        }
      }
      q[worst]--;
      cost -= problem.priceCents(worst);
    }
    while (true) {
      int bestItem = -1;
      double bestRatio = 0;
      for (int i = 0; i < n; i++) {
        if (q[i] < problem.maxUnits(i) && cost + problem.priceCents(i) <= budget) {
          double ratio = problem.unitValue(i, q[i] + 1) / problem.priceCents(i);
          if (ratio > bestRatio) {
            bestRatio = ratio;
            bestItem = i;
          }
        }
      }
      if (bestItem < 0) {
        return q;
      }
      q[bestItem]++;
      cost += problem.priceCents(bestItem);
    }
  }

  private static Basket basket(BasketProblem problem, int[] q, String method, long seed) {
    long cost = problem.costCents(q);
    if (cost > problem.budgetCents()) {
      throw new IllegalStateException("basket over budget: " + cost + " > " + problem.budgetCents() + " cents");
    }
    long left = problem.budgetCents() - cost;
    List<Basket.Line> lines = new ArrayList<>();
    for (int i = 0; i < q.length; i++) {
      if (q[i] == 0) {
        continue;
      }
      Item item = problem.items().get(i);
      double weight = problem.desireWeights().get(item.desire());
      String why = String.format(Locale.ROOT, "%s %.2f x utility %.2f", item.desire().code(), weight, item.utility());
      if (q[i] >= item.maxQty()) {
        why += String.format(Locale.ROOT, "; max_qty %d reached", item.maxQty());
      } else if (problem.priceCents(i) > left) {
        why += String.format(Locale.ROOT, "; one more would cost %.2f, %.2f left", item.price(), left / 100.0);
      } else {
        why += String.format(Locale.ROOT, "; unit %d would add only %.2f (decay %.2f)", q[i] + 1, problem.unitValue(i, q[i] + 1), problem.decay());
      }
      lines.add(new Basket.Line(item, q[i], problem.value(i, q[i]), why));
    }
    boolean anyAffordable = false;
    for (int i = 0; i < q.length; i++) {
      anyAffordable |= q[i] < problem.items().get(i).maxQty() && problem.priceCents(i) <= left;
    }
    String bound = anyAffordable
        ? String.format(Locale.ROOT, "desire weights: %.2f of %.2f left unspent; what still fits adds no weighted utility", left / 100.0, problem.budget())
        : String.format(Locale.ROOT, "budget: %.2f of %.2f spent; nothing else fits in the %.2f left", cost / 100.0, problem.budget(), left / 100.0);
    return new Basket(lines, cost / 100.0, problem.budget(), problem.value(q), method, bound, seed);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
