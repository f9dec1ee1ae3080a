package dev.autonomy.bench.fuzz;

import dev.autonomy.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./autonomy bench fuzz}: every Jazzer fuzz target (the importers, the rule and the context
 * parser) run for a number of executions, with a table of executions, crashes and seconds. The
 * targets are test code of the ingest and engine modules and Jazzer fuzzes one target per JVM, so
 * the work is done by {@code bench/fuzz.sh}, which compiles those tests and starts Jazzer's driver
 * once per target; this command finds the script beside its own jar and passes its table on.
 * Exit 0 without crashes, 1 with any (the crash files and logs are under bench/target/fuzz).
 */
@Command(
    name = "fuzz",
    mixinStandardHelpOptions = true,
    description = {
      "Fuzz every importer and the rule and context parsers with Jazzer for --runs executions each,",
      "and print target, executions, crashes and seconds. Needs the source tree and Maven (it runs",
      "bench/fuzz.sh, which compiles the tests holding the targets)."
    })
public final class BenchFuzzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--runs", defaultValue = "10000",
      description = "Executions per target (default: ${DEFAULT-VALUE}).")
  long runs;

  @Option(names = "--script", paramLabel = "FILE",
      description = "The fuzz script (default: bench/fuzz.sh of the source tree this jar was built in).")
  Path script;

  @Override
  public Integer call() throws Exception {
    if (runs <= 0) {
      throw new ParameterException(spec.commandLine(), "Invalid value for --runs: must be > 0, was " + runs);
    }
    Path file = script != null ? script : defaultScript();
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("--script: " + file + " is not a file; bench fuzz needs the source tree"
          + " (bench/fuzz.sh), pass --script FILE");
    }
    Process process = new ProcessBuilder("bash", file.toString(), Long.toString(runs))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(line);
        out.flush();
      }
    }
    return process.waitFor();
  }

  /** bench/fuzz.sh, found from this class's jar (bench/target/autonomy-bench.jar) or classes folder. */
  private static Path defaultScript() throws URISyntaxException {
    Path code = Path.of(BenchFuzzCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bench = code.getParent() == null ? code : code.getParent().getParent();
    return bench == null ? Path.of("bench", "fuzz.sh") : bench.resolve("fuzz.sh");
  }
}
