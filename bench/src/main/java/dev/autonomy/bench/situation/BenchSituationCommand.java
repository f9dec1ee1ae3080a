package dev.autonomy.bench.situation;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench situation}: learned weather and place effects against known ones, and desires' latency. */
@Command(
    name = "situation",
    mixinStandardHelpOptions = true,
    description = {
      "Synthetic persons with known rain and outdoor effects, written as real files and imported: the",
      "learned effects against the truth; then the latency of desires with a year of hourly data."
    })
public final class BenchSituationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--persons", defaultValue = "20", description = "synthetic persons (default: ${DEFAULT-VALUE})")
  int persons;

  @Option(names = "--days", defaultValue = "90", description = "days of history per person (default: ${DEFAULT-VALUE})")
  int days;

  @Option(names = "--latency-days", defaultValue = "365",
      description = "days of hourly data for the latency run (default: ${DEFAULT-VALUE})")
  int latencyDays;

  @Option(names = "--calls", defaultValue = "1000", description = "timed desires calls (default: ${DEFAULT-VALUE})")
  int calls;

  @Option(names = "--seed", defaultValue = "1", description = "first person's seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (persons < 1 || days < 14 || latencyDays < 14 || calls < 100) {
      throw new InvalidInputException(
          "persons must be >= 1, days and latency days >= 14, calls >= 100");
    }
    SituationBenchmark.Report report = SituationBenchmark.run(persons, days, seed, latencyDays, calls);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(SituationBenchmark.toMap(report)) : report.table());
    out.flush();
    return 0;
  }
}
