package dev.autonomy.bench.desire;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.engine.desire.DesireTrainerSettings;
import dev.autonomy.vault.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./autonomy bench desires}: desire-model error against the person's-mean, person's-median
 * and yesterday's-value baselines, with bootstrap intervals and verdicts, for every person of a Fitabase export, as a markdown table (see docs/bench/desires.md).
 */
@Command(
    name = "desires",
    mixinStandardHelpOptions = true,
    description = {
      "Desire model MAE against three baselines (training mean, training median, yesterday's label)",
      "for every person of a Fitabase export: train on the first days, test on the last --test-days.",
      "Each person gets a verdict from 95% bootstrap intervals over their test days ('beats all',",
      "'worse than X', 'cannot tell'); the mean over persons gets intervals from resampling persons."
    })
public final class BenchDesiresCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Fitabase CSV folder (default: ../shared/data/fitbit-fitabase-2016 beside the repository)")
  Path data;

  @Option(names = "--test-days", paramLabel = "N", defaultValue = "10",
      description = "days held out at the end of each person's history (default: ${DEFAULT-VALUE})")
  int testDays;

  @Option(names = "--seed", defaultValue = "42", description = "trainer seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--l2", paramLabel = "L2",
      description = "ridge penalty, in examples' worth per weight (default: the trainer's)")
  Double l2;

  @Option(names = "--nested-l2",
      description = "choose each person's l2 on their training days only (candidates 3, 10, 30, 100, 300)")
  boolean nestedL2;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path dir = data != null
        ? data : SharedData.dataset("fitbit-fitabase-2016").orElseThrow(() -> BenchCli.noSharedData("fitbit-fitabase-2016"));
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(dir + ": not a folder; pass --data DIR with the Fitabase CSVs");
    }
    if (testDays < 1) {
      throw new InvalidInputException("--test-days: must be >= 1, was " + testDays);
    }
    DesireTrainerSettings settings = DesireTrainerSettings.defaults(seed);
    if (l2 != null) {
      settings = settings.withL2(l2);
    }
    DesireBenchmark.Report report = DesireBenchmark.run(dir, testDays, settings, nestedL2);
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writeValueAsString(report.toMap()));
    } else {
      out.println("Desire model vs baselines, MAE on each person's last " + testDays + " days (" + dir + ")");
      out.println();
      out.print(report.toMarkdown());
    }
    out.flush();
    return 0;
  }
}
