package dev.autonomy.bench.plan;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.plan.basket.Basket;
import dev.autonomy.plan.basket.BasketPlanner;
import dev.autonomy.plan.basket.BasketProblem;
import dev.autonomy.plan.basket.Item;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.map.Place;
import dev.autonomy.plan.run.RunLoop;
import dev.autonomy.plan.run.RunPlanner;
import dev.autonomy.plan.run.RunRequest;
import dev.autonomy.plan.trip.Trip;
import dev.autonomy.plan.trip.TripPlanner;
import dev.autonomy.plan.trip.TripRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Route planning on real maps: time to build each map's graph from scratch (into a fresh temporary
 * folder, never the cache) and to load it back, time per trip and per running loop over many
 * seeds and start points (p50/p99, after one untimed warm-up plan of each kind), and the basket GA
 * against the exact dynamic programme. Percentiles are nearest-rank: with 3 builds, p99 is the
 * slowest (usually the first, on a cold JVM).
 *
 * <p>Run: {@code ./autonomy bench routes --data ../shared/data/osm-graphhopper}
 */
public final class RoutesBenchmark {
  /** The maps measured, with a start point for trips and runs. */
  public static final Map<String, LatLon> MAPS =
      Map.of("monaco.osm.gz", new LatLon(43.7384, 7.4246), "andorra.osm.pbf", new LatLon(42.5078, 1.5211));

  private final Path data;
  private final int plans;
  private final Duration solverTime;
  private final LongSupplier nanoTime;

  /**
   * @param data folder holding the OSM files
   * @param plans plans per map and kind (trip, run), each with its own seed and start point
   * @param solverTime the trip solver's time limit
   * @param nanoTime the clock the timings are read from ({@code System::nanoTime})
   */
  public RoutesBenchmark(Path data, int plans, Duration solverTime, LongSupplier nanoTime) {
    if (plans < 1) {
      throw new InvalidInputException("plans must be >= 1, was " + plans);
    }
    this.data = data;
    this.plans = plans;
    this.solverTime = solverTime;
    this.nanoTime = nanoTime;
  }

  /** One measured row. */
  public record Row(String what, String map, int n, double p50Ms, double p99Ms, String quality) {}

  /** Runs everything and returns the rows in table order. */
  public List<Row> run() {
    List<Row> rows = new ArrayList<>();
    for (String file : List.of("monaco.osm.gz", "andorra.osm.pbf")) {
      Path osm = data.resolve(file);
      if (!Files.isRegularFile(osm)) {
        rows.add(new Row("(missing)", file, 0, Double.NaN, Double.NaN, "not found in " + data));
        continue;
      }
      rows.addAll(mapRows(file, osm));
    }
    rows.add(basketRow());
    return rows;
  }

  private List<Row> mapRows(String file, Path osm) {
    List<Row> rows = new ArrayList<>();
    Path temp;
    try {
      temp = Files.createTempDirectory("autonomy-bench-routes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      double[] builds = new double[3];
      int places = 0;
      for (int i = 0; i < builds.length; i++) {
        long t0 = nanoTime.getAsLong();
        try (OsmMap map = OsmMap.open(osm, temp.resolve("build-" + i))) {
          builds[i] = ms(t0);
          places = map.places().size();
          if (!map.builtNow()) {
            throw new IllegalStateException("expected a fresh build in " + map.folder());
          }
        }
      }
      rows.add(new Row("build graph (fresh)", file, builds.length, pct(builds, 50), pct(builds, 99), places + " places"));
      double[] loads = new double[3];
      for (int i = 0; i < loads.length; i++) {
        long t0 = nanoTime.getAsLong();
        try (OsmMap map = OsmMap.open(osm, temp.resolve("build-0"))) {
          loads[i] = ms(t0);
          if (map.builtNow()) {
            throw new IllegalStateException("expected a load from the cache in " + map.folder());
          }
        }
      }
      rows.add(new Row("load graph (cached)", file, loads.length, pct(loads, 50), pct(loads, 99), ""));
      // What an encrypted vault pays on every plan command instead: the graph built in memory, nothing cached.
      double[] inMemory = new double[3];
      for (int i = 0; i < inMemory.length; i++) {
        long t0 = nanoTime.getAsLong();
        try (OsmMap map = OsmMap.inMemory(osm)) {
          inMemory[i] = ms(t0);
          places = map.places().size();
        }
      }
      rows.add(new Row("build graph in memory (encrypted vault)", file, inMemory.length, pct(inMemory, 50),
          pct(inMemory, 99), places + " places"));
      try (OsmMap map = OsmMap.open(osm, temp.resolve("build-0"))) {
        List<LatLon> starts = starts(map, MAPS.get(file));
        // one untimed plan of each kind, so the timings are of warmed-up code
        new TripPlanner(map).plan(new TripRequest(starts.get(0), Duration.ofHours(3), LocalTime.of(10, 0),
            TripRequest.DEFAULT_WEIGHTS, 35, 0, solverTime));
        new RunPlanner(map).plan(RunRequest.of(starts.get(0), 5, 0));
        rows.add(tripRow(map, file, starts));
        rows.add(runRow(map, file, starts));
      }
    } finally {
      delete(temp);
    }
    return rows;
  }

  /** The given start, then named places of the map, as varied start points. */
  private List<LatLon> starts(OsmMap map, LatLon first) {
    List<LatLon> starts = new ArrayList<>();
    starts.add(first);
    map.places().stream().filter(Place::named).sorted(Comparator.comparing(Place::osmId)).forEach(p -> {
      try {
        map.requireOnMap(p.at(), "start");
        starts.add(p.at());
      } catch (RuntimeException offRoad) {
        // a place far from any path is no start
      }
    });
    return starts;
  }

  private Row tripRow(OsmMap map, String file, List<LatLon> starts) {
    TripPlanner planner = new TripPlanner(map);
    double[] times = new double[plans];
    double stops = 0;
    int withinBudget = 0;
    String solver = "";
    for (int i = 0; i < plans; i++) {
      TripRequest request = new TripRequest(starts.get(i % starts.size()), Duration.ofHours(3), LocalTime.of(10, 0),
          TripRequest.DEFAULT_WEIGHTS, 35, i + 1, solverTime);
      long t0 = nanoTime.getAsLong();
      Trip trip = planner.plan(request);
      times[i] = ms(t0);
      stops += trip.stops().size();
      solver = trip.solver();
      withinBudget += trip.totalMinutes() <= trip.budgetMinutes() + 1e-6 ? 1 : 0;
    }
    return new Row("trip, 3 h (" + solver + ")", file, plans, pct(times, 50), pct(times, 99),
        String.format(Locale.ROOT, "%.1f stops on average; %d/%d within budget", stops / plans, withinBudget, plans));
  }

  private Row runRow(OsmMap map, String file, List<LatLon> starts) {
    RunPlanner planner = new RunPlanner(map);
    double[] times = new double[plans];
    int within = 0;
    double repeated = 0;
    double worst = 0;
    for (int i = 0; i < plans; i++) {
      RunRequest request = RunRequest.of(starts.get(i % starts.size()), 5, i + 1);
      long t0 = nanoTime.getAsLong();
      RunLoop loop = planner.plan(request);
      times[i] = ms(t0);
      within += loop.withinTolerance() ? 1 : 0;
      repeated += loop.repeatedShare();
      worst = Math.max(worst, loop.relativeError());
    }
    return new Row("run loop, 5 km", file, plans, pct(times, 50), pct(times, 99),
        String.format(Locale.ROOT, "%d/%d within 10%% (worst %.1f%%); repeated %.1f%% on average",
            within, plans, worst * 100, repeated / plans * 100));
  }

  private Row basketRow() {
    BasketPlanner planner = new BasketPlanner();
    double[] ga = new double[plans];
    double[] dp = new double[plans];
    double worstGap = 0;
    int optimal = 0;
    for (int i = 0; i < plans; i++) {
      BasketProblem problem = basket(i + 1);
      long t0 = nanoTime.getAsLong();
      Basket exact = planner.exact(problem);
      dp[i] = ms(t0);
      t0 = nanoTime.getAsLong();
      Basket genetic = planner.genetic(problem, i + 1);
      ga[i] = ms(t0);
      double gap = (exact.utility() - genetic.utility()) / exact.utility();
      worstGap = Math.max(worstGap, gap);
      optimal += gap < 1e-9 ? 1 : 0;
    }
    return new Row("basket, 20 items, budget 120: GA (DP)", "-", plans, pct(ga, 50), pct(ga, 99),
        String.format(Locale.ROOT, "DP p50 %.1f ms, p99 %.1f ms; GA optimal %d/%d, worst gap %.2f%%",
            pct(dp, 50), pct(dp, 99), optimal, plans, worstGap * 100));
  }

  /** A seeded random basket of 20 items. */
  static BasketProblem basket(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DesireType[] desires = DesireType.values();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(new Item("item" + i, 1 + random.nextInt(4000) / 100.0, desires[random.nextInt(desires.length)],
          random.nextDouble(1, 10), 1 + random.nextInt(4)));
    }
    return new BasketProblem(items, 120, Map.of(DesireType.BUY, 0.7, DesireType.SAVE, 0.3, DesireType.MOVE, 0.5,
        DesireType.REST, 0.4, DesireType.EXPLORE, 0.6), 0.5);
  }

  /** The rows as a markdown table. */
  public static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| what | map | n | p50 ms | p99 ms | quality |\n|---|---|---:|---:|---:|---|\n");
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %s |%n", r.what(), r.map(), r.n(), r.p50Ms(), r.p99Ms(), r.quality()));
    }
    return out.toString();
  }

  private double ms(long t0) {
    return (nanoTime.getAsLong() - t0) / 1e6;
  }

  /** Nearest-rank percentile. */
  static double pct(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temporary folder; the OS cleans it
    }
  }
}
