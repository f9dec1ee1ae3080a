package dev.autonomy.cli.text;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced by the text feature's own command. */
@Command(name = "text", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class TextCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("autonomy: 'text' is not built yet");
    return 1;
  }
}
