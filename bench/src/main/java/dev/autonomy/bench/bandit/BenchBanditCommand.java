package dev.autonomy.bench.bandit;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench bandit}: learned rankers against the fixed one on simulated persons. */
@Command(
    name = "bandit",
    mixinStandardHelpOptions = true,
    description = {
      "Learned rankers (LinUCB, hybrid LinUCB, Thompson sampling, epsilon-greedy, conservative LinUCB, all starting from the hand",
      "weights) against the fixed ranker on seeded simulated persons whose tastes drift once, half of them",
      "contrary to the hand weights: the top suggestion's true satisfaction as a share of the best option's."
    })
public final class BenchBanditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--decisions", split = ",", paramLabel = "N", defaultValue = "200,5000",
      description = "decisions per person, one or more horizons (default: ${DEFAULT-VALUE})")
  List<Integer> decisions;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "20", description = "simulated persons (default: ${DEFAULT-VALUE})")
  int seeds;

  @Option(names = "--seed", defaultValue = "1", description = "first person's seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--lambda", defaultValue = "10", description = "prior precision (default: ${DEFAULT-VALUE}; chosen on seeds 101-120)")
  double lambda;

  @Option(names = "--alpha", defaultValue = "0.1", description = "LinUCB's bonus (default: ${DEFAULT-VALUE})")
  double alpha;

  @Option(names = "--v", defaultValue = "0.1", description = "Thompson sampling's posterior scale (default: ${DEFAULT-VALUE})")
  double v;

  @Option(names = "--epsilon", defaultValue = "0.05", description = "epsilon-greedy's rate (default: ${DEFAULT-VALUE})")
  double epsilon;

  @Option(names = "--discount", defaultValue = "0.98", description = "forgetting per update, 1 = never (default: ${DEFAULT-VALUE})")
  double discount;

  @Option(names = "--beta", defaultValue = "0.1",
      description = "the conservative policy's margin, in standard deviations (default: ${DEFAULT-VALUE}; chosen on seeds 101-120)")
  double beta;

  @Option(names = "--replays", defaultValue = "1",
      description = "lives of each person with different feedback draws; replay 0 is the single-run table's (default: ${DEFAULT-VALUE})")
  int replays;

  @Option(names = "--policies", split = ",", paramLabel = "NAME",
      description = "run only these learned policies beside the fixed ranker (default: all)")
  List<String> only = List.of();

  @Option(names = "--no-drift", description = "keep every person's tastes fixed (to see what the drift costs)")
  boolean noDrift;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  private BanditBenchmark.Settings settings() {
    return new BanditBenchmark.Settings(lambda, alpha, v, epsilon, discount, beta, 0.1, !noDrift);
  }

  @Override
  public Integer call() throws Exception {
    if (seeds < 1) {
      throw new InvalidInputException("--seeds must be >= 1, was " + seeds);
    }
    for (int d : decisions) {
      if (d < BanditBenchmark.FIRST + BanditBenchmark.LAST) {
        throw new InvalidInputException("--decisions must be >= " + (BanditBenchmark.FIRST + BanditBenchmark.LAST) + ", was " + d);
      }
    }
    if (replays < 1) {
      throw new InvalidInputException("--replays must be >= 1, was " + replays);
    }
    List<String> known = List.copyOf(BanditBenchmark.policies(settings()).keySet());
    for (String name : only) {
      if (!known.contains(name)) {
        throw new InvalidInputException("--policies: no policy '" + name + "'; known: " + String.join(", ", known));
      }
    }
    if (!(beta >= 0) ||!(lambda > 0) || alpha < 0 || v < 0 || epsilon < 0 || epsilon > 1 || !(discount > 0 && discount <= 1)) {
      throw new InvalidInputException("--lambda must be > 0, --alpha and --v >= 0, --epsilon in [0, 1], --discount in (0, 1], --beta >= 0");
    }
    BanditBenchmark.Report report = BanditBenchmark.run(decisions, seeds, seed, replays, Set.copyOf(only), settings());
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toMap())
        : report.table());
    out.flush();
    return 0;
  }
}
