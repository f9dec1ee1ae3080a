package dev.autonomy.cli.solve;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced by the solve feature's own command. */
@Command(name = "solve", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class SolveCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("autonomy: 'solve' is not built yet");
    return 1;
  }
}
