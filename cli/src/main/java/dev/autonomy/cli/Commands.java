package dev.autonomy.cli;

import picocli.CommandLine;

/** The explicit registry of subcommands; each feature package owns its command classes. */
final class Commands {
  private Commands() {}

  static void register(CommandLine cli) {
    cli.addSubcommand(new dev.autonomy.cli.solve.SolveCommand());
    cli.addSubcommand(new dev.autonomy.cli.plan.PlanCommand());
    cli.addSubcommand(new dev.autonomy.cli.text.TextCommand());
    cli.addSubcommand(new dev.autonomy.cli.bench.BenchCommand());
  }
}
