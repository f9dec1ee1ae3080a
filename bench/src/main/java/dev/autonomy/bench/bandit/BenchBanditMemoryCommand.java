package dev.autonomy.bench.bandit;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench bandit-memory}: heap and saved bytes of one person's policy, per kind and dimension. */
@Command(
    name = "bandit-memory",
    mixinStandardHelpOptions = true,
    description = {
      "Memory per person-model: each ranking policy's retained heap (measured with JOL) and its saved state's",
      "JSON bytes, at several feature counts, and the engine's whole policy document in a scratch vault."
    })
public final class BenchBanditMemoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dimensions", split = ",", paramLabel = "D", defaultValue = "8,18,31,32,128",
      description = "feature counts (default: ${DEFAULT-VALUE}; the engine ranks with 18, bench bandit with 31)")
  List<Integer> dimensions;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the random updates (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Override
  public Integer call() throws Exception {
    for (int d : dimensions) {
      if (d < 1 || d > 4096) {
        throw new InvalidInputException("--dimensions must each be in 1..4096, was " + d);
      }
    }
    BanditMemory.Report report = BanditMemory.run(dimensions, seed);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toMap())
        : report.table());
    out.flush();
    return 0;
  }
}
