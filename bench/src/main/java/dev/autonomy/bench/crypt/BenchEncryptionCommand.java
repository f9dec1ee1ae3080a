package dev.autonomy.bench.crypt;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.ThrowAwayFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench encryption}: what encryption at rest costs, clear against encrypted in one run. */
@Command(name = "encryption", mixinStandardHelpOptions = true,
    description = "Import throughput, opening, and recommend latency p50/p99 of an encrypted vault against a clear one,"
        + " in the same run (target: import >= 0.6x clear; recommend p99 < 10 ms).")
public final class BenchEncryptionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--days", defaultValue = "365", description = "Days of synthetic data (default ${DEFAULT-VALUE}).") int days;
  @Option(names = "--runs", defaultValue = "5", description = "Import runs per vault kind (default ${DEFAULT-VALUE}).") int runs;
  @Option(names = "--calls", defaultValue = "1000", description = "Timed recommend calls per vault (default ${DEFAULT-VALUE}).") int calls;
  @Option(names = "--seed", defaultValue = "1") long seed;

  @Override
  public Integer call() throws Exception {
    if (days < 7 || runs < 1 || calls < 1) {
      throw new InvalidInputException("days must be >= 7, runs and calls >= 1; were " + days + ", " + runs + ", " + calls);
    }
    Path work = ThrowAwayFolder.create("autonomy-bench-encryption-");
    try {
      EncryptionBenchmark.Result result = new EncryptionBenchmark(System::nanoTime, spec.commandLine().getErr())
          .run(work, days, runs, calls, seed);
      spec.commandLine().getOut().print(EncryptionBenchmark.table(result));
      spec.commandLine().getOut().flush();
    } finally {
      ThrowAwayFolder.delete(work);
    }
    return 0;
  }
}
