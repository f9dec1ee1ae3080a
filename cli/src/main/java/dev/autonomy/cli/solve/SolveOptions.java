package dev.autonomy.cli.solve;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.solve.SolverLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options both {@code solve} subcommands share. */
final class SolveOptions {
  @Option(names = "--seconds", defaultValue = "10", paramLabel = "S",
      description = "Time budget in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same answer "
      + "when the run stops on --max-stagnant (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-stagnant", paramLabel = "N",
      description = "Also stop after N iterations without improvement (default: time only).")
  Integer maxStagnant;

  @Option(names = "--threads", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  SolverLimits limits() {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new InvalidInputException("--seconds must be a number > 0, was " + seconds);
    }
    if (maxStagnant != null && maxStagnant < 1) {
      throw new InvalidInputException("--max-stagnant must be >= 1, was " + maxStagnant);
    }
    if (threads < 1) {
      throw new InvalidInputException("--threads must be >= 1, was " + threads);
    }
    SolverLimits limits = SolverLimits.ofTime(Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9))));
    return maxStagnant == null ? limits : limits.withMaxStagnantIterations(maxStagnant);
  }
}
