package dev.autonomy.cli.solve;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced by the solve feature's own command. */
@Command(name = "solvers", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class BenchSolversCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("autonomy: 'solvers' is not built yet");
    return 1;
  }
}
