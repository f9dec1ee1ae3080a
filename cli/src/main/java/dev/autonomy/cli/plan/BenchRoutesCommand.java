package dev.autonomy.cli.plan;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced by the plan feature's own command. */
@Command(name = "routes", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class BenchRoutesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("autonomy: 'routes' is not built yet");
    return 1;
  }
}
