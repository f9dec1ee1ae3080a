package dev.autonomy.cli.text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code autonomy watch}: follow a stream of texts with a model and raise alerts. */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Follow dated texts with a model and raise alerts.",
    subcommands = {WatchSentimentCommand.class})
public final class WatchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
