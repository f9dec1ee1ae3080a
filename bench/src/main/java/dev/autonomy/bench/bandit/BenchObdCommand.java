package dev.autonomy.bench.bandit;

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

/** {@code ./autonomy bench obd}: off-policy estimates and replay on the Open Bandit Dataset sample. */
@Command(
    name = "obd",
    mixinStandardHelpOptions = true,
    description = {
      "Open Bandit Dataset sample (men, women): Bernoulli TS's CTR estimated from the uniform-random log with DM,",
      "IPW, SNIPW and DR against the CTR in its own log (relative error), and a replay of our policies on the",
      "random log."
    })
public final class BenchObdCommand implements Callable<Integer> {
  static final String DATASET = "open-bandit-dataset";

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "the data set's folder, holding random/ and bts/ (default: ../shared/data/" + DATASET + " beside the repository)")
  Path data;

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "200", description = "bootstrap resamples (default: ${DEFAULT-VALUE})")
  int resamples;

  @Option(names = "--seed", defaultValue = "1", description = "bootstrap and replay seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path dir = data != null ? data : SharedData.dataset(DATASET).orElseThrow(() -> BenchCli.noSharedData(DATASET));
    if (!Files.isDirectory(dir.resolve("random")) || !Files.isDirectory(dir.resolve("bts"))) {
      throw new InvalidInputException(dir + ": no random/ and bts/ folders; pass --data DIR with the Open Bandit Dataset");
    }
    if (resamples < 20) {
      throw new InvalidInputException("--resamples must be >= 20, was " + resamples);
    }
    ObdBenchmark.Report report = ObdBenchmark.run(dir, resamples, seed);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toMap())
        : report.table());
    out.flush();
    return 0;
  }
}
