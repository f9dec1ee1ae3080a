package dev.autonomy.bench.solve;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.solve.SolverLimits;
import dev.autonomy.solve.op.AntColonyOrienteering;
import dev.autonomy.solve.op.DistanceConvention;
import dev.autonomy.solve.op.ExactOrienteering;
import dev.autonomy.solve.op.OrienteeringInstance;
import dev.autonomy.solve.op.OrienteeringProblem;
import dev.autonomy.solve.op.OrienteeringReader;
import dev.autonomy.solve.op.OrienteeringResult;
import dev.autonomy.solve.op.OrienteeringSolution;
import dev.autonomy.solve.tsp.TspInstance;
import dev.autonomy.solve.tsp.TspTour;
import dev.autonomy.solve.tsp.TsplibReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The solver benchmark of issue 3. TSP: every TSPLIB instance in {@code data/tsplib} with a known
 * optimum (optimum.csv) and at most {@code maxCities} cities, each solver in turn with the same
 * time budget and seeds; gap = (length - optimum) / optimum, mean and worst over the seeds. Every
 * tour is checked: a permutation whose recomputed length equals the length the solver reported.
 * Orienteering: every Tsiligirides and Chao instance in {@code data/orienteering}, our colony's
 * score against best_known_scores.csv (and, for the 21-node Tsiligirides set 2, against the exact
 * optimum by dynamic programming); every route is checked against its budget. Each orienteering
 * instance runs once per {@link DistanceConvention} asked for: {@code EXACT} (the format's
 * definition) and {@code ROUNDED_1DP} (legs rounded to one decimal, which some published scores
 * evidently used), each row labelled with its convention.
 *
 * <p>Run: {@code ./autonomy bench solvers --seeds 5 --max-cities 200}
 */
public final class SolversBenchmark {
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /** Default budget: 10 s up to 200 cities, 60 s above (the two targets). */
  public static Duration defaultBudget(int cities) {
    return Duration.ofSeconds(cities <= 200 ? 10 : 60);
  }

  /** The peers, by the name {@code --solvers} takes. */
  public static Map<String, TspPeer> peers() {
    Map<String, TspPeer> peers = new LinkedHashMap<>();
    peers.put("aco", new AcoPeer());
    peers.put("jenetics", new JeneticsGaPeer());
    peers.put("timefold", new TimefoldPeer());
    return peers;
  }

  /** What to run. {@code tspBudget} null means {@link #defaultBudget}; empty {@code only} means all. */
  public record Settings(
      Path data, Duration tspBudget, Duration opBudget, int opStagnation,
      List<DistanceConvention> opDistances, int seeds, int maxCities,
      Set<String> only, List<String> solvers, boolean tsp, boolean op) {
    public Settings {
      if (opDistances == null || opDistances.isEmpty()) {
        throw new InvalidInputException("opDistances must name at least one convention, was " + opDistances);
      }
      opDistances = List.copyOf(new java.util.LinkedHashSet<>(opDistances));
      if (opStagnation < 1) {
        throw new InvalidInputException("opStagnation must be >= 1, was " + opStagnation);
      }
      if (seeds < 1) {
        throw new InvalidInputException("seeds must be >= 1, was " + seeds);
      }
      if (maxCities < 1) {
        throw new InvalidInputException("maxCities must be >= 1, was " + maxCities);
      }
      for (String s : solvers) {
        if (!peers().containsKey(s)) {
          throw new InvalidInputException("unknown solver '" + s + "' (expected one of " + peers().keySet() + ")");
        }
      }
      only = Set.copyOf(only);
      solvers = List.copyOf(solvers);
    }
  }

  /** One TSP instance and solver: gaps in per cent over the seeds. */
  public record TspRow(
      String instance, int n, String type, String solver, double budgetSeconds,
      double meanGap, double worstGap, double meanSeconds, int seeds, boolean verified) {}

  /**
   * One orienteering instance and distance convention over the seeds. {@code exact} is the DP optimum
   * under {@code distances} (NaN when too large); {@code maxEuclideanLength} the longest route over
   * the seeds measured with plain Euclidean distances; {@code withinBudget} is checked under {@code
   * distances}.
   */
  public record OpRow(
      String set, String instance, int n, double tmax, DistanceConvention distances, double bestKnown, double exact,
      double minScore, double meanScore, double maxEuclideanLength, double meanSeconds, int seeds,
      boolean withinBudget) {
    public double minPercentOfBest() {
      return 100.0 * minScore / bestKnown;
    }
  }

  private final Settings settings;
  private final LongSupplier nanoTime;
  private final List<String> skipped = new ArrayList<>();

  /** Instances that could not be read, with the reason; filled by {@link #runTsp}. */
  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  public SolversBenchmark(Settings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
  }

  /** TSP instances that will run, in order of size. */
  public List<String> tspInstances() {
    Path folder = settings.data().resolve("tsplib");
    Map<String, Long> optimum = optimum(folder.resolve("optimum.csv"));
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Long> e : optimum.entrySet()) {
      Path file = folder.resolve("tsp").resolve(e.getKey() + ".tsp");
      if (Files.isRegularFile(file) && (settings.only().isEmpty() || settings.only().contains(e.getKey()))) {
        names.add(e.getKey());
      }
    }
    return names;
  }

  /** Runs the TSP part, handing each row to {@code sink} as soon as it is measured. */
  public List<TspRow> runTsp(Consumer<TspRow> sink) {
    Path folder = settings.data().resolve("tsplib");
    Map<String, Long> optimum = optimum(folder.resolve("optimum.csv"));
    List<Map.Entry<String, TspInstance>> instances = new ArrayList<>();
    for (String name : tspInstances()) {
      TspInstance instance;
      try {
        instance = TsplibReader.read(folder.resolve("tsp").resolve(name + ".tsp"));
      } catch (InvalidInputException e) {
        skipped.add(name + ": " + e.getMessage());
        continue;
      }
      if (instance.dimension() <= settings.maxCities()) {
        instances.add(Map.entry(name, instance));
      }
    }
    instances.sort((a, b) -> Integer.compare(a.getValue().dimension(), b.getValue().dimension()));
    Map<String, TspPeer> peers = peers();
    List<TspRow> rows = new ArrayList<>();
    for (Map.Entry<String, TspInstance> entry : instances) {
      String name = entry.getKey();
      TspInstance instance = entry.getValue();
      long best = optimum.get(name);
      Duration budget = settings.tspBudget() != null ? settings.tspBudget() : defaultBudget(instance.dimension());
      for (String solver : settings.solvers()) {
        TspPeer peer = peers.get(solver);
        double sumGap = 0;
        double worst = Double.NEGATIVE_INFINITY;
        double seconds = 0;
        boolean verified = true;
        for (int seed = 1; seed <= settings.seeds(); seed++) {
          long began = nanoTime.getAsLong();
          TspTour tour = peer.solve(instance, budget, seed, best);
          seconds += (nanoTime.getAsLong() - began) / 1e9;
          long length;
          try {
            length = instance.verifiedLength(tour.order());
          } catch (IllegalArgumentException e) {
            verified = false;
            continue;
          }
          verified &= length == tour.length();
          double gap = 100.0 * (length - best) / best;
          sumGap += gap;
          worst = Math.max(worst, gap);
        }
        TspRow row = new TspRow(
            name, instance.dimension(), instance.edgeWeightType().name(), peer.name(),
            budget.toMillis() / 1000.0, sumGap / settings.seeds(), worst, seconds / settings.seeds(),
            settings.seeds(), verified);
        rows.add(row);
        sink.accept(row);
      }
    }
    return rows;
  }

  /** Runs the orienteering part. */
  public List<OpRow> runOp(Consumer<OpRow> sink) {
    Path folder = settings.data().resolve("orienteering");
    Map<String, Double> bestKnown = bestKnown(folder.resolve("best_known_scores.csv"));
    List<OpRow> rows = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      String set = setOf(file);
      if (set == null) {
        continue;
      }
      OrienteeringInstance instance = OrienteeringReader.read(file);
      if (!settings.only().isEmpty() && !settings.only().contains(instance.name())) {
        continue;
      }
      Double best = bestKnown.get(set + "/" + format(instance.tmax()));
      if (best == null) {
        continue;
      }
      for (DistanceConvention distances : settings.opDistances()) {
        OpRow row = runOp(set, instance, distances, best);
        rows.add(row);
        sink.accept(row);
      }
    }
    return rows;
  }

  private OpRow runOp(String set, OrienteeringInstance instance, DistanceConvention distances, double best) {
    OrienteeringProblem problem = instance.toProblem(distances);
    OrienteeringProblem euclidean = instance.toProblem(DistanceConvention.EXACT);
    double exact = problem.size() - 2 <= ExactOrienteering.MAX_INNER
        ? ExactOrienteering.solve(problem).score() : Double.NaN;
    double min = Double.MAX_VALUE;
    double sum = 0;
    double seconds = 0;
    double longest = 0;
    boolean ok = true;
    for (int seed = 1; seed <= settings.seeds(); seed++) {
      long began = nanoTime.getAsLong();
      OrienteeringResult result = AntColonyOrienteering.builder().build()
          .run(problem, new SolverLimits(settings.opBudget(), settings.opStagnation()), seed);
      seconds += (nanoTime.getAsLong() - began) / 1e9;
      OrienteeringSolution s = result.solution();
      try {
        OrienteeringSolution checked = problem.verify(s.route());
        ok &= checked.score() == s.score() && checked.length() == s.length();
      } catch (IllegalArgumentException e) {
        ok = false;
      }
      longest = Math.max(longest, euclidean.length(s.route()));
      min = Math.min(min, s.score());
      sum += s.score();
    }
    return new OpRow(set, instance.name(), instance.size(), instance.tmax(), distances, best, exact,
        min, sum / settings.seeds(), longest, seconds / settings.seeds(), settings.seeds(), ok);
  }

  private static String setOf(Path file) {
    String path = file.toString().replace('\\', '/');
    if (path.contains("chao_set64")) {
      return "Chao diamond-shaped Set";
    }
    if (path.contains("chao_set66")) {
      return "Chao squared-shaped Set";
    }
    for (int k = 1; k <= 3; k++) {
      if (path.contains("tsiligrides_problem" + k + "/")) {
        return "Tsiligirides Set " + k;
      }
    }
    return null;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  static Map<String, Long> optimum(Path csv) {
    Map<String, Long> optimum = new LinkedHashMap<>();
    for (String[] row : csv(csv)) {
      if (!row[3].isBlank()) {
        optimum.put(row[0], Long.parseLong(row[3].trim()));
      }
    }
    return optimum;
  }

  static Map<String, Double> bestKnown(Path csv) {
    Map<String, Double> best = new LinkedHashMap<>();
    for (String[] row : csv(csv)) {
      best.put(row[0] + "/" + row[1], Double.parseDouble(row[2]));
    }
    return best;
  }

  /** The rows after the header, read with Commons CSV (RFC 4180); blank lines skipped. */
  private static List<String[]> csv(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": not found (is --data the shared data folder?)");
    }
    try (CSVParser parser = CSV.parse(Files.newBufferedReader(file))) {
      return parser.stream().skip(1).filter(r -> !(r.size() == 1 && r.get(0).isBlank())).map(CSVRecord::values).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String tspHeader() {
    return "| instance | n | type | solver | budget s | mean gap % | worst gap % | mean time s | seeds | tours verified |\n"
        + "|---|---:|---|---|---:|---:|---:|---:|---:|---|\n";
  }

  public static String tspLine(TspRow r) {
    return String.format(Locale.ROOT, "| %s | %d | %s | %s | %.0f | %.3f | %.3f | %.2f | %d | %s |%n",
        r.instance(), r.n(), r.type(), r.solver(), r.budgetSeconds(), r.meanGap(), r.worstGap(),
        r.meanSeconds(), r.seeds(), r.verified() ? "yes" : "NO");
  }

  public static String opHeader() {
    return "| set | instance | n | Tmax | distances | best known | exact (DP) | min score | mean score | min % of best known | max Euclidean length | mean time s | seeds | within budget |\n"
        + "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
  }

  public static String opLine(OpRow r) {
    return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.0f | %s | %.0f | %.1f | %.1f | %.3f | %.2f | %d | %s |%n",
        r.set(), r.instance(), r.n(), format(r.tmax()), r.distances(), r.bestKnown(),
        Double.isNaN(r.exact()) ? "-" : String.format(Locale.ROOT, "%.0f", r.exact()),
        r.minScore(), r.meanScore(), r.minPercentOfBest(), r.maxEuclideanLength(), r.meanSeconds(), r.seeds(), r.withinBudget() ? "yes" : "NO");
  }

  /** The targets, checked on the rows of our colony. */
  public static String summary(List<TspRow> tsp, List<OpRow> op) {
    StringBuilder s = new StringBuilder();
    List<TspRow> ours = tsp.stream().filter(r -> r.solver().startsWith("aco")).toList();
    if (!ours.isEmpty()) {
      summarise(s, ours.stream().filter(r -> r.n() >= 50 && r.n() <= 200).toList(), "50-200 cities", 0.5);
      summarise(s, ours.stream().filter(r -> r.n() > 200 && r.n() <= 450).toList(), "201-450 cities", 2.0);
    }
    for (DistanceConvention distances : DistanceConvention.values()) {
      List<OpRow> rows = op.stream().filter(r -> r.distances() == distances).toList();
      if (rows.isEmpty()) {
        continue;
      }
      long below = rows.stream().filter(r -> r.minPercentOfBest() < 99.0).count();
      long belowExact = rows.stream().filter(r -> !Double.isNaN(r.exact()) && r.minScore() < r.exact()).count();
      s.append(String.format(Locale.ROOT,
          "- Orienteering, %s distances: %d instances, %d with a seed below 99%% of best known; %d below the exact optimum where it was computed; all routes within budget: %s%n",
          distances, rows.size(), below, belowExact, rows.stream().allMatch(OpRow::withinBudget) ? "yes" : "NO"));
    }
    return s.toString();
  }

  private static void summarise(StringBuilder s, List<TspRow> rows, String label, double target) {
    if (rows.isEmpty()) {
      return;
    }
    long over = rows.stream().filter(r -> r.meanGap() > target).count();
    double worst = rows.stream().mapToDouble(TspRow::worstGap).max().orElse(Double.NaN);
    double meanOfMeans = rows.stream().mapToDouble(TspRow::meanGap).average().orElse(Double.NaN);
    s.append(String.format(Locale.ROOT,
        "- TSP %s (aco): %d instances, average of mean gaps %.3f%%, worst single run %.3f%%, %d over the %.1f%% target; all tours verified: %s%n",
        label, rows.size(), meanOfMeans, worst, over, target, rows.stream().allMatch(TspRow::verified) ? "yes" : "NO"));
  }
}
