package dev.autonomy.bench.moment;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./autonomy bench moments}: the moment-level move model against the block-mean and
 * yesterday baselines for every person of a Fitabase export (see docs/benchmarks.md).
 */
@Command(
    name = "moments",
    mixinStandardHelpOptions = true,
    description = {
      "Moment-level move model MAE per block of hours against the block-mean, block-median and",
      "yesterday baselines, for every person of a Fitabase export; the last --test-days held out."
    })
public final class BenchMomentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Fitabase CSV folder (default: ../shared/data/fitbit-fitabase-2016 beside the repository)")
  Path data;

  @Option(names = "--blocks", paramLabel = "H", defaultValue = "3", description = "hours per block (default: ${DEFAULT-VALUE})")
  int blockHours;

  @Option(names = "--test-days", paramLabel = "N", defaultValue = "7",
      description = "days held out at the end of each person's history (default: ${DEFAULT-VALUE})")
  int testDays;

  @Option(names = "--seed", defaultValue = "42", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path dir = data != null
        ? data : SharedData.dataset("fitbit-fitabase-2016").orElseThrow(() -> BenchCli.noSharedData("fitbit-fitabase-2016"));
    if (!Files.isRegularFile(dir.resolve("hourlySteps_merged.csv"))) {
      throw new InvalidInputException(dir + ": no hourlySteps_merged.csv; pass --data DIR with the Fitabase CSVs");
    }
    MomentBenchmark.Report report = MomentBenchmark.run(dir, blockHours, testDays, seed);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toMap())
        : report.table());
    out.flush();
    return 0;
  }
}
