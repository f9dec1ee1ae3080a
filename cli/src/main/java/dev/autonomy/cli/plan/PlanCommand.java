package dev.autonomy.cli.plan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code autonomy plan ...}: planners for trips, running loops and baskets. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Plan a walking trip, a running loop or a basket; every element says why it is there.",
    subcommands = {PlanTripCommand.class, PlanRunCommand.class, PlanBasketCommand.class})
public final class PlanCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
