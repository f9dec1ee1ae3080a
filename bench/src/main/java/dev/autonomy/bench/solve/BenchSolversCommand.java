package dev.autonomy.bench.solve;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.solve.op.DistanceConvention;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench solvers}: TSP gaps against TSPLIB optima beside Jenetics and Timefold; orienteering scores. */
@Command(
    name = "solvers",
    mixinStandardHelpOptions = true,
    description = "TSP: our ant colony, Jenetics' GA and Timefold on TSPLIB instances with known optima (gap, time); "
        + "orienteering: our colony against best known scores. Prints markdown tables.")
public final class BenchSolversCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Shared data folder holding tsplib/ and orienteering/ "
      + "(default: ../shared/data beside the repository).")
  Path data;

  @Option(names = "--seconds", paramLabel = "S", description = "TSP time budget per run "
      + "(default: 10 s up to 200 cities, 60 s above).")
  Double seconds;

  @Option(names = "--op-seconds", defaultValue = "10", paramLabel = "S",
      description = "Orienteering time budget per run (default: ${DEFAULT-VALUE}).")
  double opSeconds;

  @Option(names = "--op-stagnation", defaultValue = "200", paramLabel = "N",
      description = "Orienteering runs also stop after N iterations without improvement (default: ${DEFAULT-VALUE}).")
  int opStagnation;

  @Option(names = "--op-distances", split = ",", defaultValue = "EXACT,ROUNDED_1DP", paramLabel = "CONVENTION",
      description = "Orienteering distance conventions, one row each: EXACT (plain Euclidean, the format's definition) "
          + "and/or ROUNDED_1DP (each leg rounded to one decimal, as some published scores used) (default: ${DEFAULT-VALUE}).")
  List<DistanceConvention> opDistances;

  @Option(names = "--seeds", defaultValue = "5", description = "Seeds per instance and solver (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--max-cities", defaultValue = "450", paramLabel = "N",
      description = "Largest TSP instance (default: ${DEFAULT-VALUE}).")
  int maxCities;

  @Option(names = "--only", split = ",", paramLabel = "NAME",
      description = "Only these instances (TSPLIB names like eil51, orienteering file names like chao_set_64_1_80).")
  List<String> only = new ArrayList<>();

  @Option(names = "--solvers", split = ",", defaultValue = "aco,jenetics,timefold", paramLabel = "NAME",
      description = "TSP solvers to run, of aco, jenetics, timefold (default: ${DEFAULT-VALUE}).")
  List<String> solvers;

  @Option(names = "--part", defaultValue = "all", description = "tsp, op or all (default: ${DEFAULT-VALUE}).")
  String part;

  @Override
  public Integer call() {
    // Timefold logs its phases at INFO; the table is the output here.
    System.setProperty("org.slf4j.simpleLogger.log.ai.timefold", "warn");
    Path dir = data != null ? data : SharedData.root().orElseThrow(() -> BenchCli.noSharedData(""));
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("--data: no such folder " + dir.toAbsolutePath().normalize());
    }
    if (!part.equals("tsp") && !part.equals("op") && !part.equals("all")) {
      throw new InvalidInputException("--part must be tsp, op or all, was '" + part + "'");
    }
    if (seconds != null && !(seconds > 0)) {
      throw new InvalidInputException("--seconds must be > 0, was " + seconds);
    }
    if (!(opSeconds > 0)) {
      throw new InvalidInputException("--op-seconds must be > 0, was " + opSeconds);
    }
    SolversBenchmark.Settings settings;
    try {
      settings = new SolversBenchmark.Settings(
          dir, seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000)),
          Duration.ofMillis(Math.round(opSeconds * 1000)), opStagnation, opDistances, seeds, maxCities, Set.copyOf(only), solvers,
          !part.equals("op"), !part.equals("tsp"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    SolversBenchmark bench = new SolversBenchmark(settings, System::nanoTime);
    PrintWriter out = spec.commandLine().getOut();
    List<SolversBenchmark.TspRow> tsp = List.of();
    List<SolversBenchmark.OpRow> op = List.of();
    if (settings.tsp()) {
      out.print("\n### TSP\n\n" + SolversBenchmark.tspHeader());
      out.flush();
      tsp = bench.runTsp(row -> {
        out.print(SolversBenchmark.tspLine(row));
        out.flush();
      });
    }
    if (settings.op()) {
      out.print("\n### Orienteering (our ant colony)\n\n" + SolversBenchmark.opHeader());
      out.flush();
      op = bench.runOp(row -> {
        out.print(SolversBenchmark.opLine(row));
        out.flush();
      });
    }
    for (String skipped : bench.skipped()) {
      out.println("- skipped " + skipped);
    }
    out.print("\n" + SolversBenchmark.summary(tsp, op));
    out.printf(Locale.ROOT, "(%d cores available to the JVM; seeds 1..%d)%n", Runtime.getRuntime().availableProcessors(), seeds);
    out.flush();
    return 0;
  }
}
