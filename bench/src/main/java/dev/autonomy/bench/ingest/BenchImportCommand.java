package dev.autonomy.bench.ingest;

import dev.autonomy.core.data.ThrowAwayFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./autonomy bench import}: Apple Health import throughput next to a bare StAX pass over the
 * same generated export.xml. Run with a small heap to check streaming:
 * {@code AUTONOMY_JAVA_OPTS=-Xmx256m ./autonomy bench import --size-mb 1000}.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Apple Health import speed (MB/s) next to a bare StAX pass over the same generated export.xml.",
      "The export is generated once per size and seed and reused. Check streaming with",
      "AUTONOMY_JAVA_OPTS=-Xmx256m ./autonomy bench import"
    })
public final class BenchImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--size-mb", paramLabel = "MB", defaultValue = "1000",
      description = "Size of the generated export.xml in MB (default: ${DEFAULT-VALUE}).")
  long sizeMb;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Folder for the generated export (default: <tmp>/autonomy-bench).")
  Path dir;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated export (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--vault", description = "Also time one full import into a fresh vault (SQLite), deleted afterwards.")
  boolean vault;

  @Option(names = "--rounds", defaultValue = "2",
      description = "Passes of each kind, alternating; the fastest is reported (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    if (sizeMb <= 0) {
      throw new ParameterException(spec.commandLine(), "Invalid value for --size-mb: must be > 0, was " + sizeMb);
    }
    if (rounds <= 0) {
      throw new ParameterException(spec.commandLine(), "Invalid value for --rounds: must be > 0, was " + rounds);
    }
    Path folder = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "autonomy-bench");
    PrintWriter out = spec.commandLine().getOut();
    out.println("generating (or reusing) a " + sizeMb + " MB export in " + folder + " ...");
    out.flush();
    Path file = ExportGenerator.generate(folder, sizeMb * 1_000_000L, seed);
    ImportBenchmark.Result result;
    if (vault) {
      Path home = ThrowAwayFolder.create("autonomy-bench-vault-");
      try {
        result = new ImportBenchmark(System::nanoTime).runWithVault(file, rounds, home);
      } finally {
        ThrowAwayFolder.delete(home);
      }
    } else {
      result = new ImportBenchmark(System::nanoTime).run(file, rounds);
    }
    out.print(result.table());
    out.printf("machine: %d cores available to the JVM, %s %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    out.flush();
    return 0;
  }
}
