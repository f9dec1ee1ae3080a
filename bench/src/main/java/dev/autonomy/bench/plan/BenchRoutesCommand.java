package dev.autonomy.bench.plan;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench routes}: graph build and plan times on Monaco and Andorra; basket GA vs DP. */
@Command(
    name = "routes",
    mixinStandardHelpOptions = true,
    description = "Time to build the Monaco and Andorra graphs (fresh), time per trip and run plan (p50/p99), "
        + "basket GA against the exact DP; prints a markdown table.")
public final class BenchRoutesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Folder with monaco.osm.gz and andorra.osm.pbf "
      + "(default: ../shared/data/osm-graphhopper beside the repository).")
  Path data;

  @Option(names = "--plans", defaultValue = "20", description = "Plans per map and kind (default: ${DEFAULT-VALUE}).")
  int plans;

  @Option(names = "--seconds", defaultValue = "1", description = "Trip solver time limit (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Override
  public Integer call() {
    // GraphHopper logs every import step at INFO; the table is the output here.
    if (System.getProperty("org.slf4j.simpleLogger.log.com.graphhopper") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.com.graphhopper", "warn");
    }
    Path dir = data != null
        ? data : SharedData.dataset("osm-graphhopper").orElseThrow(() -> BenchCli.noSharedData("osm-graphhopper"));
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("--data: no such folder " + dir);
    }
    if (plans < 1) {
      throw new InvalidInputException("--plans must be >= 1, was " + plans);
    }
    List<RoutesBenchmark.Row> rows = new RoutesBenchmark(dir, plans, Duration.ofMillis(Math.round(seconds * 1000)), System::nanoTime).run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(RoutesBenchmark.table(rows));
    out.printf("(%d cores available to the JVM; trip solver limit %.1f s)%n", Runtime.getRuntime().availableProcessors(), seconds);
    out.flush();
    return 0;
  }
}
