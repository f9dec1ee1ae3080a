package dev.autonomy.cli.solve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code autonomy solve tsp|op FILE}: the hand-written ant colonies on standard benchmark files. */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    description = "Solve a TSPLIB travelling-salesman file or an orienteering file with the ant colony.",
    subcommands = {SolveTspCommand.class, SolveOpCommand.class})
public final class SolveCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
