package dev.autonomy.cli.text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code autonomy text}: train, evaluate and use on-device transformer text classifiers. */
@Command(
    name = "text",
    mixinStandardHelpOptions = true,
    description = "Train, evaluate and use text classifiers: a transformer encoder run on this machine"
        + " (all-MiniLM-L6-v2 or bge-small-en-v1.5 for English, bge-small-zh-v1.5 for Chinese) with a logistic or MLP head.",
    subcommands = {TextTrainCommand.class, TextEvalCommand.class, TextClassifyCommand.class, TextUseCommand.class,
        HealthDataCommand.class})
public final class TextCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
