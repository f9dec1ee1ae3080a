package dev.autonomy.bench.federated;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.federate.privacy.RdpAccountant;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench federated}: a federated population prior for new persons' desire models. */
@Command(
    name = "federated",
    mixinStandardHelpOptions = true,
    description = {
      "Desire-model MAE of new persons (last --test-days held out) with and without a population prior",
      "learned across the persons of --train-data: their mean (baseline), their own model, the prior alone,",
      "their model with the federated prior at each --epsilon (delta --delta), and with a centrally pooled",
      "prior (an upper bound). Without --test-data, new persons are leave-persons-out folds of --train-data."
    })
public final class BenchFederatedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--train-data", paramLabel = "DIR",
      description = "Fitabase CSV folder of the federation (default: ../shared/data/fitbit-fitabase-2016)")
  Path trainData;

  @Option(names = "--test-data", paramLabel = "DIR", description = "Fitabase CSV folder of the new persons")
  Path testData;

  @Option(names = "--test-days", paramLabel = "N", defaultValue = "10", description = "held-out days (default: ${DEFAULT-VALUE})")
  int testDays;

  @Option(names = "--cold-days", paramLabel = "N", defaultValue = "0",
      description = "train new persons on only this many days (0: all before the held-out ones; default ${DEFAULT-VALUE})")
  int coldDays;

  @Option(names = "--epsilon", split = ",", paramLabel = "E", defaultValue = "Infinity,8,2,1",
      description = "epsilons of the federated rows (default: ${DEFAULT-VALUE})")
  List<Double> epsilons;

  @Option(names = "--delta", defaultValue = "1e-5", description = "DP delta (default: ${DEFAULT-VALUE})")
  double delta;

  @Option(names = "--rounds", defaultValue = "1", description = "federated rounds (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--clip", defaultValue = "0.2", description = "clip norm of an update (default: ${DEFAULT-VALUE})")
  double clip;

  @Option(names = "--proximal", defaultValue = "10",
      description = "FedProx's pull toward the population weights in a member's local fit, in days' worth"
          + " (0: plain local fits, federated averaging; default ${DEFAULT-VALUE})")
  double proximal;

  @Option(names = "--folds", defaultValue = "5", description = "leave-persons-out folds (default: ${DEFAULT-VALUE})")
  int folds;

  @Option(names = "--repeats", defaultValue = "3", description = "federated trainings per epsilon (default: ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--seed", defaultValue = "42", description = "trainer and noise seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Option(names = "--cost-clients", defaultValue = "22",
      description = "clients of the in-process cost measurement (0: skip it; default ${DEFAULT-VALUE})")
  int costClients;

  @Override
  public Integer call() throws Exception {
    Path train = trainData != null ? trainData
        : SharedData.dataset("fitbit-fitabase-2016").orElseThrow(() -> BenchCli.noSharedData("fitbit-fitabase-2016"));
    for (Path dir : testData == null ? List.of(train) : List.of(train, testData)) {
      if (!Files.isDirectory(dir)) {
        throw new InvalidInputException(dir + ": not a folder; pass a folder of Fitabase CSVs");
      }
    }
    if (epsilons.stream().anyMatch(e -> !(e > 0))) {
      throw new InvalidInputException("--epsilon: every value must be > 0 (Infinity for no noise), were " + epsilons);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new InvalidInputException("--delta must be in (0, 1), was " + delta);
    }
    if (!(proximal >= 0)) {
      throw new InvalidInputException("--proximal must be >= 0, was " + proximal);
    }
    if (!(clip > 0)) {
      throw new InvalidInputException("--clip must be > 0, was " + clip);
    }
    var settings = new FederatedBenchmark.Settings(testDays, coldDays, folds, rounds, clip, delta, epsilons, repeats, seed,
        proximal);
    FederatedBenchmark.Report report =
        FederatedBenchmark.run(train, testData, settings,
            // every member in every round: sampling rate 1, composed over the rounds
            e -> new RdpAccountant().noiseMultiplier(e, delta, 1.0, rounds));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toMap()));
    } else {
      out.println("Federated population prior, new persons' last " + testDays + " days, " + report.federation()
          + " persons in the federation, " + rounds + " rounds, clip " + clip + (coldDays > 0 ? ", cold start: "
          + coldDays + " training days" : ""));
      out.println();
      out.print(report.toMarkdown());
      if (!report.skipped().isEmpty()) {
        out.println();
        out.println("skipped: " + report.skipped());
      }
      if (costClients > 0) {
        FederatedCost.Result cost = FederatedCost.run(costClients, 5);
        out.println();
        out.printf(java.util.Locale.ROOT, "cost, %d clients in one process (secure aggregation, %d values, JSON as sent):"
            + " %d bytes sent per person per round; round time mean %.0f ms, max %.0f ms over %d rounds%n",
            cost.clients(), cost.dimension(), cost.bytesPerClient(), cost.meanRoundMillis(), cost.maxRoundMillis(),
            cost.rounds());
      }
    }
    out.flush();
    return 0;
  }
}
