package dev.autonomy.cli.bench;

import dev.autonomy.cli.engine.BenchDesiresCommand;
import dev.autonomy.cli.ingest.BenchImportCommand;
import dev.autonomy.cli.plan.BenchRoutesCommand;
import dev.autonomy.cli.recommend.BenchRecommendCommand;
import dev.autonomy.cli.solve.BenchSolversCommand;
import dev.autonomy.cli.text.BenchTextCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code autonomy bench NAME}: benchmarks that print a table; see docs/benchmarks.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark and print its table (see docs/benchmarks.md).",
    subcommands = {
      BenchSolversCommand.class,
      BenchRoutesCommand.class,
      BenchTextCommand.class,
      BenchImportCommand.class,
      BenchDesiresCommand.class,
      BenchRecommendCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
