package dev.autonomy.solve.tsp;

import dev.autonomy.solve.SolverLimits;
import dev.autonomy.solve.aco.ColonyBuilder;
import dev.autonomy.solve.aco.ColonySettings;
import dev.autonomy.solve.aco.ParallelAnts;
import dev.autonomy.solve.aco.PheromoneMatrix;
import dev.autonomy.solve.aco.RouletteWheel;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * MAX-MIN Ant System (Stützle and Hoos 2000) for the symmetric TSP, with the refinements of
 * Stützle's ACOTSP: ants choose among the nearest-neighbour candidates, every ant tour is improved
 * by 2-opt and Or-opt ({@link LocalSearch}), pheromone is bounded to [τmin, τmax] and reset when
 * the colony stagnates, and the global-best ant deposits more often as the run goes on.
 *
 * <p>Deterministic for a seed: each ant draws from its own generator, split from the run's in a
 * fixed order, and the ants' tours are compared in index order, so thread timing cannot change the
 * result. Immutable and thread-safe; build once with {@link #builder()}.
 */
public final class AntColonyTsp {
  private final ColonySettings colony;
  private final int candidates;
  private final int localSearchWidth;
  private final long targetLength;

  private AntColonyTsp(Builder b) {
    this.colony = b.colony();
    this.candidates = b.candidates;
    this.localSearchWidth = b.localSearchWidth;
    this.targetLength = b.targetLength;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Solves with the default settings. */
  public static TspTour solve(TspInstance instance, SolverLimits limits, long seed) {
    return builder().build().run(instance, limits, seed).tour();
  }

  public TspResult run(TspInstance instance, SolverLimits limits, long seed) {
    if (instance == null || limits == null) {
      throw new IllegalArgumentException("instance and limits must not be null");
    }
    long start = colony.ticker().nanos();
    int n = instance.dimension();
    if (n <= 9) {
      TspTour tour = SmallTsp.exact(instance);
      return new TspResult(tour, 0, 0, Duration.ofNanos(colony.ticker().nanos() - start), seed);
    }
    Run run = new Run(instance, limits, seed, start);
    return run.solve();
  }

  /** The state of one run; confined to the calling thread except for the per-ant work. */
  private final class Run {
    final CandidateGraph graph;
    final int n;
    final int k;
    final int m;
    final SolverLimits limits;
    final long seed;
    final long start;
    final long deadline;
    final SplittableRandom random;
    final PheromoneMatrix pheromone;
    final double[] eta;
    final double[] choice;
    final int[][] antTours;
    final long[] antLengths;
    final ParallelAnts<Worker> workers;

    int[] best;
    long bestLength = Long.MAX_VALUE;
    int[] restartBest;
    long restartBestLength = Long.MAX_VALUE;
    long iteration;
    long restartIteration;
    long restartFoundBest;
    long lastImprovement;
    int restarts;

    Run(TspInstance instance, SolverLimits limits, long seed, long start) {
      this.graph = new CandidateGraph(instance, candidates);
      this.n = graph.n;
      this.k = graph.k;
      this.m = Math.min(colony.ants(), n);
      this.limits = limits;
      this.seed = seed;
      this.start = start;
      long budget = limits.maxTime().toNanos();
      this.deadline = budget > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + budget;
      this.random = new SplittableRandom(seed);
      this.pheromone = new PheromoneMatrix(n, k, colony.rho());
      this.eta = new double[n * k];
      this.choice = new double[n * k];
      for (int c = 0; c < n; c++) {
        for (int r = 0; r < k; r++) {
          int j = graph.neighbours[c * k + r];
          eta[c * k + r] = Math.pow(1.0 / (graph.d(c, j) + 0.1), colony.beta());
        }
      }
      this.antTours = new int[m][n];
      this.antLengths = new long[m];
      this.workers = new ParallelAnts<>(
          colony.threads(), m, n, () -> new Worker(graph, localSearchWidth), "aco-tsp-worker");
    }

    TspResult solve() {
      // Start from a nearest-neighbour tour improved by local search, as ACOTSP does.
      try (workers) {
        int[] initial = workers.first().nearestNeighbourTour(random.nextInt(n));
        workers.first().search.improve(initial, random.split());
        accept(initial, graph.length(initial));
        pheromone.reset();
        while (!stop()) {
          iteration++;
          pheromone.weigh(colony.alpha(), eta, choice);
          workers.run(random, this::antWork);
          int iterationBest = 0;
          for (int a = 1; a < m; a++) {
            if (antLengths[a] < antLengths[iterationBest]) {
              iterationBest = a;
            }
          }
          accept(antTours[iterationBest], antLengths[iterationBest]);
          updatePheromone(iterationBest);
          if (iteration % 50 == 0) {
            maybeRestart();
          }
        }
      }
      return new TspResult(
          new TspTour(best, bestLength), iteration, restarts,
          Duration.ofNanos(colony.ticker().nanos() - start), seed);
    }

    boolean stop() {
      return bestLength <= targetLength
          || iteration - lastImprovement >= limits.maxStagnantIterations()
          || colony.ticker().nanos() - deadline >= 0;
    }

    void accept(int[] tour, long length) {
      if (length < restartBestLength) {
        restartBestLength = length;
        restartBest = tour.clone();
        restartFoundBest = iteration;
      }
      if (length < bestLength) {
        bestLength = length;
        best = tour.clone();
        lastImprovement = iteration;
        pheromone.limit(1.0 / (colony.rho() * Math.max(1, bestLength)));
      }
    }

    void antWork(Worker worker, int a, SplittableRandom rng) {
      int[] tour = antTours[a];
      worker.construct(tour, choice, rng);
      worker.search.improve(tour, rng);
      antLengths[a] = graph.length(tour);
    }

    /** ACOTSP's schedule: the best-so-far ant deposits more often as the run ages. */
    void updatePheromone(int iterationBest) {
      long age = iteration - restartIteration;
      int every = age < 25 ? 25 : age < 75 ? 5 : age < 125 ? 3 : age < 250 ? 2 : 1;
      int[] depositor;
      long length;
      if (iteration % every != 0) {
        depositor = antTours[iterationBest];
        length = antLengths[iterationBest];
      } else if (every == 1 && iteration - restartFoundBest > 50) {
        depositor = best;
        length = bestLength;
      } else {
        depositor = restartBest;
        length = restartBestLength;
      }
      pheromone.evaporate();
      double amount = 1.0 / length;
      int prev = depositor[n - 1];
      for (int c : depositor) {
        deposit(prev, c, amount);
        deposit(c, prev, amount);
        prev = c;
      }
      pheromone.clampToBounds();
    }

    /** Pheromone lives only on candidate edges; a tour edge outside the candidates gets none. */
    void deposit(int from, int to, double amount) {
      int base = from * k;
      for (int r = 0; r < k; r++) {
        if (graph.neighbours[base + r] == to) {
          pheromone.add(from, r, amount);
          return;
        }
      }
    }

    /** Resets the pheromone when nearly every city has only its two tour edges left to choose. */
    void maybeRestart() {
      double branches = 0;
      for (int c = 0; c < n; c++) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int r = 0; r < k; r++) {
          double t = pheromone.at(c, r);
          lo = Math.min(lo, t);
          hi = Math.max(hi, t);
        }
        double cutoff = lo + 0.05 * (hi - lo);
        for (int r = 0; r < k; r++) {
          if (pheromone.at(c, r) > cutoff) {
            branches++;
          }
        }
      }
      double branching = branches / (2.0 * n);
      if (branching < 1.00001 && iteration - restartFoundBest > 250) {
        restarts++;
        restartIteration = iteration;
        restartBestLength = Long.MAX_VALUE;
        restartBest = null;
        pheromone.reset();
      }
    }
  }

  /** Per-thread scratch: visited marks and the local search. */
  static final class Worker {
    final CandidateGraph graph;
    final LocalSearch search;
    final int[] visitedAt;
    final double[] weights;
    int epoch;

    Worker(CandidateGraph graph, int width) {
      this.graph = graph;
      this.search = new LocalSearch(graph, width);
      this.visitedAt = new int[graph.n];
      this.weights = new double[graph.k];
    }

    void construct(int[] tour, double[] choice, SplittableRandom rng) {
      int n = graph.n;
      int k = graph.k;
      int mark = ++epoch;
      int current = rng.nextInt(n);
      tour[0] = current;
      visitedAt[current] = mark;
      for (int step = 1; step < n; step++) {
        int base = current * k;
        double sum = 0;
        for (int r = 0; r < k; r++) {
          double w = visitedAt[graph.neighbours[base + r]] == mark ? 0.0 : choice[base + r];
          weights[r] = w;
          sum += w;
        }
        int next;
        if (sum > 0) {
          next = graph.neighbours[base + RouletteWheel.spin(weights, sum, rng)];
        } else { // every candidate visited: leave the candidate list
          next = nearestUnvisited(current, mark);
        }
        tour[step] = next;
        visitedAt[next] = mark;
        current = next;
      }
    }

    int[] nearestNeighbourTour(int first) {
      int n = graph.n;
      int mark = ++epoch;
      int[] tour = new int[n];
      tour[0] = first;
      visitedAt[first] = mark;
      for (int step = 1; step < n; step++) {
        int next = nearestUnvisited(tour[step - 1], mark);
        tour[step] = next;
        visitedAt[next] = mark;
      }
      return tour;
    }

    private int nearestUnvisited(int current, int mark) {
      int base = current * graph.k;
      for (int r = 0; r < graph.k; r++) {
        int j = graph.neighbours[base + r];
        if (visitedAt[j] != mark) {
          return j;
        }
      }
      int best = -1;
      int bestDist = Integer.MAX_VALUE;
      for (int j = 0; j < graph.n; j++) {
        if (visitedAt[j] != mark) {
          int d = graph.d(current, j);
          if (d < bestDist) {
            bestDist = d;
            best = j;
          }
        }
      }
      return best;
    }
  }

  /** Settings, checked as they are set. */
  public static final class Builder extends ColonyBuilder<Builder> {
    private int candidates = 20;
    private int localSearchWidth = 12;
    private long targetLength = -1;

    private Builder() {
      super(ColonySettings.of(25, 1.0, 2.0, 0.2));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Nearest neighbours an ant chooses among. */
    public Builder candidates(int candidates) {
      if (candidates < 1) {
        throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
      }
      this.candidates = candidates;
      return this;
    }

    /** Nearest neighbours the local search tries for each city. */
    public Builder localSearchWidth(int width) {
      if (width < 1) {
        throw new IllegalArgumentException("localSearchWidth must be >= 1, was " + width);
      }
      this.localSearchWidth = width;
      return this;
    }

    /** Stop as soon as a tour this short is found (e.g. a known optimum, in benchmarks). */
    public Builder targetLength(long length) {
      if (length < 0) {
        throw new IllegalArgumentException("targetLength must be >= 0, was " + length);
      }
      this.targetLength = length;
      return this;
    }

    public AntColonyTsp build() {
      if (candidates < localSearchWidth) {
        localSearchWidth = candidates;
      }
      return new AntColonyTsp(this);
    }
  }
}
