package dev.autonomy.bench;

import dev.autonomy.bench.bandit.BenchBanditCommand;
import dev.autonomy.bench.bandit.BenchBanditMemoryCommand;
import dev.autonomy.bench.bandit.BenchObdCommand;
import dev.autonomy.bench.bandit.BenchOpeCommand;
import dev.autonomy.bench.desire.BenchDesiresCommand;
import dev.autonomy.bench.fuzz.BenchFuzzCommand;
import dev.autonomy.bench.ingest.BenchImportCommand;
import dev.autonomy.bench.moment.BenchMomentsCommand;
import dev.autonomy.bench.plan.BenchRoutesCommand;
import dev.autonomy.bench.recommend.BenchLogCommand;
import dev.autonomy.bench.recommend.BenchRecommendCommand;
import dev.autonomy.bench.situation.BenchSituationCommand;
import dev.autonomy.bench.solve.BenchSolversCommand;
import dev.autonomy.bench.text.BenchTextCommand;
import dev.autonomy.cli.ExitCodes;
import dev.autonomy.core.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./autonomy bench NAME}: benchmarks that print a table (see docs/benchmarks.md). A main of
 * its own, beside the CLI's, so that the shipped CLI carries neither the harness nor the peers it
 * measures against (Timefold); the launcher runs it with this module's class path.
 */
@Command(
    name = "autonomy bench",
    mixinStandardHelpOptions = true,
    version = "autonomy bench 0.1.0",
    description = "Run a benchmark and print its table (see docs/benchmarks.md).",
    subcommands = {
      CommandLine.HelpCommand.class,
      BenchSolversCommand.class,
      BenchRoutesCommand.class,
      BenchTextCommand.class,
      dev.autonomy.bench.text.BenchFinetuneCommand.class,
      BenchImportCommand.class,
      BenchDesiresCommand.class,
      BenchMomentsCommand.class,
      BenchRecommendCommand.class,
      BenchLogCommand.class,
      BenchSituationCommand.class,
      BenchBanditCommand.class,
      BenchBanditMemoryCommand.class,
      BenchOpeCommand.class,
      BenchObdCommand.class,
      BenchFuzzCommand.class,
      dev.autonomy.bench.federated.BenchFederatedCommand.class,
      dev.autonomy.bench.serve.BenchServeLoadCommand.class,
      dev.autonomy.bench.crypt.BenchEncryptionCommand.class
    })
public final class BenchCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command tree, with the CLI's exit codes: 2 for bad input, 1 for a failure of ours. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new BenchCli());
    cli.setExecutionExceptionHandler(new ExitCodes("autonomy bench"));
    return cli;
  }

  /** The error when {@code --data} was not given and the shared data (or {@code dataset} in it) is not there. */
  public static InvalidInputException noSharedData(String dataset) {
    String where = dataset.isEmpty() ? "../shared/data" : "../shared/data/" + dataset;
    return new InvalidInputException("--data: not given, and " + where + " was not found beside the repository;"
        + " pass --data DIR");
  }

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    int exit = cli.execute(args);
    // Benchmarks print with print() as well as println(); nothing may be lost at exit.
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(exit);
  }
}
