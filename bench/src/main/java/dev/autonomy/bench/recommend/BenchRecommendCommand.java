package dev.autonomy.bench.recommend;

import dev.autonomy.core.data.ThrowAwayFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench recommend}: recommendation latency over a synthetic year of data. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Recommendation latency, warm, with 100 candidate options after a year of (synthetic) data: p50/p90/p99.")
public final class BenchRecommendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--days", defaultValue = "365", description = "Days of data (default ${DEFAULT-VALUE}).") int days;
  @Option(names = "--options", defaultValue = "100", description = "Candidate options (default ${DEFAULT-VALUE}).") int options;
  @Option(names = "--calls", defaultValue = "2000", description = "Timed calls (default ${DEFAULT-VALUE}).") int calls;
  @Option(names = "--seed", defaultValue = "1") long seed;

  @Override
  public Integer call() throws Exception {
    Path work = ThrowAwayFolder.create("autonomy-bench-recommend-");
    try {
      var rows = RecommendLatencyBenchmark.run(work, days, options, calls, seed, spec.commandLine().getErr());
      spec.commandLine().getOut().printf("Recommend latency: %d days of data, %d candidate options, 2 rules, %d warm calls%n%n", days, options, calls);
      spec.commandLine().getOut().print(RecommendLatencyBenchmark.table(rows));
      spec.commandLine().getOut().flush();
    } finally {
      ThrowAwayFolder.delete(work);
    }
    return 0;
  }
}
