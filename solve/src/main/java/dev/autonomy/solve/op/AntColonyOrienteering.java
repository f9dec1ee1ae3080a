package dev.autonomy.solve.op;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.solve.SolverLimits;
import dev.autonomy.solve.aco.ColonyBuilder;
import dev.autonomy.solve.aco.ColonySettings;
import dev.autonomy.solve.aco.ParallelAnts;
import dev.autonomy.solve.aco.PheromoneMatrix;
import dev.autonomy.solve.aco.RouletteWheel;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A MAX-MIN ant colony for the orienteering problem. Each ant walks from the start, choosing the
 * next node among those it can still reach and get back to the end from within the budget, with
 * probability proportional to pheromone times prize per cost; its route is then improved by {@link
 * RouteSearch} (2-opt, relocation, greedy insertion, drop-and-refill). Pheromone on the arcs of the
 * iteration-best or best-so-far route is reinforced, bounded, and reset when the colony stagnates.
 *
 * <p>Deterministic for a seed (each ant has its own generator, split in a fixed order; ants are
 * compared in index order). Immutable; build once with {@link #builder()}.
 */
public final class AntColonyOrienteering {
  private static final double EPS = 1e-9;

  private final ColonySettings colony;

  private AntColonyOrienteering(Builder b) {
    this.colony = b.colony();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Solves with the default settings.
   *
   * @throws InvalidInputException if even the direct path from start to end exceeds the budget
   */
  public static OrienteeringSolution solve(OrienteeringProblem problem, SolverLimits limits, long seed) {
    return builder().build().run(problem, limits, seed).solution();
  }

  public OrienteeringResult run(OrienteeringProblem problem, SolverLimits limits, long seed) {
    if (problem == null || limits == null) {
      throw new IllegalArgumentException("problem and limits must not be null");
    }
    double direct = problem.cost(problem.start(), problem.end());
    if (direct > problem.budget()) {
      throw new InvalidInputException(
          "the budget " + problem.budget() + " is less than the direct cost " + direct
              + " from start " + problem.start() + " to end " + problem.end() + ": no route is possible");
    }
    return new Run(problem, limits, seed).solve();
  }

  private final class Run {
    final OrienteeringProblem problem;
    final double[][] c;
    final double[] prize;
    final int n;
    final int start;
    final int end;
    final double budget;
    final SolverLimits limits;
    final long seed;
    final long began;
    final long deadline;
    final boolean[] eligible;
    final double upperBound;
    final PheromoneMatrix pheromone;
    final double[] eta;
    final double[] choice;
    final int m;
    final ParallelAnts<Worker> workers;
    final int[][] antRoutes;
    final int[] antSizes;
    final double[] antScores;
    final double[] antLengths;

    int[] best;
    double bestScore = -1;
    double bestLength;
    int[] restartBest;
    double restartBestScore = -1;
    double restartBestLength;
    long iteration;
    long lastImprovement;
    long restartFoundBest;
    int restarts;

    Run(OrienteeringProblem problem, SolverLimits limits, long seed) {
      this.problem = problem;
      this.c = problem.cost();
      this.prize = problem.prize();
      this.n = prize.length;
      this.start = problem.start();
      this.end = problem.end();
      this.budget = problem.budget();
      this.limits = limits;
      this.seed = seed;
      this.began = colony.ticker().nanos();
      long max = limits.maxTime().toNanos();
      this.deadline = max > Long.MAX_VALUE - began ? Long.MAX_VALUE : began + max;
      this.eligible = new boolean[n];
      // A node is worth visiting if it has a prize and some path through it fits the budget. Costs
      // need not obey the triangle inequality, so "some path" uses shortest-path costs.
      double[][] shortest = shortestPaths(c);
      double bound = prize[start] + (end != start ? prize[end] : 0);
      for (int v = 0; v < n; v++) {
        if (v != start && v != end && prize[v] > 0 && shortest[start][v] + shortest[v][end] <= budget) {
          eligible[v] = true;
          bound += prize[v];
        }
      }
      this.upperBound = bound;
      this.pheromone = new PheromoneMatrix(n, n, colony.rho());
      this.eta = new double[n * n];
      this.choice = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          eta[i * n + j] = eligible[j] ? Math.pow(prize[j] / (c[i][j] + 1e-6), colony.beta()) : 0;
        }
      }
      this.m = colony.ants();
      this.workers = new ParallelAnts<>(
          colony.threads(), m, n, () -> new Worker(new RouteSearch(c, prize, budget, eligible)),
          "aco-op-worker");
      this.antRoutes = new int[m][n + 1];
      this.antSizes = new int[m];
      this.antScores = new double[m];
      this.antLengths = new double[m];
    }

    OrienteeringResult solve() {
      SplittableRandom random = new SplittableRandom(seed);
      try (workers) {
        // A greedy route first, so that the bounds have a scale from the start.
        RouteSearch first = workers.first().search;
        first.load(endpoints(), endpoints().length);
        first.improve(random.split());
        accept(Arrays.copyOf(first.route, first.size), first.score(), first.length());
        pheromone.reset();
        while (!stop()) {
          iteration++;
          pheromone.weigh(colony.alpha(), eta, choice);
          workers.run(random, this::antWork);
          int ib = 0;
          for (int a = 1; a < m; a++) {
            if (better(antScores[a], antLengths[a], antScores[ib], antLengths[ib])) {
              ib = a;
            }
          }
          accept(Arrays.copyOf(antRoutes[ib], antSizes[ib]), antScores[ib], antLengths[ib]);
          updatePheromone(ib);
        }
      }
      OrienteeringSolution solution = problem.verify(best);
      return new OrienteeringResult(
          solution, iteration, restarts, java.time.Duration.ofNanos(colony.ticker().nanos() - began), seed);
    }

    /** Floyd-Warshall closure of the costs (the costs themselves when n is large: then a direct path bounds nothing). */
    double[][] shortestPaths(double[][] cost) {
      if (n > 400) {
        double[][] zero = new double[n][n];
        return zero; // every node with a prize stays eligible; the bound is the total prize
      }
      double[][] d = new double[n][];
      for (int i = 0; i < n; i++) {
        d[i] = cost[i].clone();
      }
      for (int k = 0; k < n; k++) {
        for (int i = 0; i < n; i++) {
          double dik = d[i][k];
          for (int j = 0; j < n; j++) {
            if (dik + d[k][j] < d[i][j]) {
              d[i][j] = dik + d[k][j];
            }
          }
        }
      }
      return d;
    }

    int[] endpoints() {
      return new int[] {start, end};
    }

    boolean stop() {
      return bestScore >= upperBound - EPS
          || iteration - lastImprovement >= limits.maxStagnantIterations()
          || colony.ticker().nanos() - deadline >= 0;
    }

    boolean better(double score, double length, double otherScore, double otherLength) {
      return score > otherScore + EPS || (score > otherScore - EPS && length < otherLength - EPS);
    }

    void accept(int[] route, double score, double length) {
      if (problem.length(route) > budget) {
        return; // never keep a route over the budget, whatever rounding did
      }
      if (restartBest == null || better(score, length, restartBestScore, restartBestLength)) {
        restartBest = route;
        restartBestScore = score;
        restartBestLength = length;
        restartFoundBest = iteration;
      }
      if (best == null || better(score, length, bestScore, bestLength)) {
        best = route;
        bestScore = score;
        bestLength = length;
        lastImprovement = iteration;
        pheromone.limit(1.0 / colony.rho()); // deposits are scaled to at most about 1
      }
    }

    void antWork(Worker worker, int a, SplittableRandom rng) {
      int[] route = antRoutes[a];
      int size = worker.construct(route, choice, rng);
      RouteSearch search = worker.search;
      search.load(route, size);
      search.improve(rng);
      System.arraycopy(search.route, 0, route, 0, search.size);
      antSizes[a] = search.size;
      antScores[a] = search.score();
      antLengths[a] = search.length();
    }

    void updatePheromone(int ib) {
      long age = iteration - restartFoundBest;
      int[] route;
      int size;
      double score;
      if (iteration % 5 == 0 && (age > 50 || restartBest != null)) {
        route = age > 50 ? best : restartBest;
        size = route.length;
        score = age > 50 ? bestScore : restartBestScore;
      } else {
        route = antRoutes[ib];
        size = antSizes[ib];
        score = antScores[ib];
      }
      pheromone.evaporate();
      double amount = bestScore > 0 ? score / bestScore : 1.0;
      for (int i = 0; i + 1 < size; i++) {
        pheromone.add(route[i], route[i + 1], amount);
      }
      pheromone.clampToBounds();
      if (age > 100) { // stagnation: forget and explore again, keeping the best route
        restarts++;
        pheromone.reset();
        restartBest = null;
        restartFoundBest = iteration;
      }
    }

    /** Per-thread scratch. */
    final class Worker {
      final RouteSearch search;
      final boolean[] visited = new boolean[n];
      final double[] weights = new double[n];

      Worker(RouteSearch search) {
        this.search = search;
      }

      /** Walks from start while some node can still be reached and left for the end. */
      int construct(int[] route, double[] choice, SplittableRandom rng) {
        Arrays.fill(visited, false);
        visited[start] = true;
        visited[end] = true;
        int size = 0;
        route[size++] = start;
        int current = start;
        double length = 0;
        while (true) {
          double sum = 0;
          int base = current * n;
          for (int j = 0; j < n; j++) {
            double w = 0;
            if (!visited[j] && eligible[j] && length + c[current][j] + c[j][end] <= budget) {
              w = choice[base + j];
            }
            weights[j] = w;
            sum += w;
          }
          if (sum <= 0) {
            break;
          }
          int next = RouletteWheel.spin(weights, sum, rng);
          route[size++] = next;
          visited[next] = true;
          length += c[current][next];
          current = next;
        }
        route[size++] = end;
        return size;
      }
    }
  }

  /** Settings, checked as they are set. */
  public static final class Builder extends ColonyBuilder<Builder> {

    private Builder() {
      super(ColonySettings.of(10, 1.0, 1.0, 0.1));
    }

    @Override
    protected Builder self() {
      return this;
    }

    public AntColonyOrienteering build() {
      return new AntColonyOrienteering(this);
    }
  }
}
