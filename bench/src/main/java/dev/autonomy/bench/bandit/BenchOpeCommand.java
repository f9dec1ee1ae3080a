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

/** {@code ./autonomy bench ope}: bias, RMSE and interval coverage of the off-policy estimators. */
@Command(
    name = "ope",
    mixinStandardHelpOptions = true,
    description = {
      "Off-policy estimators (IPS, SNIPS, DM, DR, DR-OS) on simulated logs with known truth: bias, RMSE and",
      "coverage of the bootstrap 95% interval per log size, and how often comparing two close policies says",
      "\"cannot tell\"."
    })
public final class BenchOpeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "200", description = "logs per size (default: ${DEFAULT-VALUE})")
  int seeds;

  @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "50,200,1000",
      description = "decisions per log (default: ${DEFAULT-VALUE})")
  List<Integer> sizes;

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "200",
      description = "bootstrap resamples per interval (default: ${DEFAULT-VALUE})")
  int resamples;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (seeds < 1 || resamples < 20 || sizes.stream().anyMatch(n -> n < 10)) {
      throw new InvalidInputException("--seeds must be >= 1, --resamples >= 20 and every --sizes >= 10");
    }
    OpeBenchmark.Report report = OpeBenchmark.run(sizes, seeds, resamples);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toMap())
        : report.table());
    out.flush();
    return 0;
  }
}
