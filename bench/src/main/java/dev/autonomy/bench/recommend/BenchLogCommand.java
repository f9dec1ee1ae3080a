package dev.autonomy.bench.recommend;

import dev.autonomy.core.data.ThrowAwayFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench log}: how big the vault grows with the decision log, per recommend call. */
@Command(name = "log", mixinStandardHelpOptions = true,
    description = "Vault size after many recommend calls (each logged with its candidates, explanations and shadow lists).")
public final class BenchLogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--calls", defaultValue = "10000", description = "recommend calls (default ${DEFAULT-VALUE}).") int calls;
  @Option(names = "--days", defaultValue = "90", description = "Days of the synthetic person's data (default ${DEFAULT-VALUE}).")
  int days;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--keep", description = "Keep the vault, and print where it is.") boolean keep;
  @Option(names = "--shadows", defaultValue = "0", description = "Shadow policies ranking beside the live one, 0-2"
      + " (linucb, thompson; default ${DEFAULT-VALUE}).") int shadows;

  @Override
  public Integer call() throws Exception {
    Path work = ThrowAwayFolder.create("autonomy-bench-log-");
    try {
      LogSizeBenchmark.Result r = LogSizeBenchmark.run(work, days, calls, shadows, seed, spec.commandLine().getErr());
      spec.commandLine().getOut().print(LogSizeBenchmark.table(r));
      spec.commandLine().getOut().flush();
    } finally {
      if (keep) {
        spec.commandLine().getErr().println("vault kept in " + work.resolve("vault"));
      } else {
        ThrowAwayFolder.delete(work);
      }
    }
    return 0;
  }
}
