package dev.autonomy.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code autonomy bench NAME}: benchmarks that print a table; see docs/benchmarks.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark and print its table (see docs/benchmarks.md).",
    subcommands = {
      dev.autonomy.cli.solve.BenchSolversCommand.class,
      dev.autonomy.cli.plan.BenchRoutesCommand.class,
      dev.autonomy.cli.text.BenchTextCommand.class,
      dev.autonomy.cli.ingest.BenchImportCommand.class,
      dev.autonomy.cli.engine.BenchDesiresCommand.class,
      dev.autonomy.cli.recommend.BenchRecommendCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
