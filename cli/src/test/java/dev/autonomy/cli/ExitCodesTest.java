package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.cli.CoreLoopCommandsTest.Run;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.NotFoundException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every command group tells the person's error (exit 2, one line saying what to change) from a
 * failure of ours (exit 1): the CLI's contract with scripts.
 */
class ExitCodesTest {
  /** Stands for the test's vault folder in a command line. */
  private static final String HOME = "{home}";

  static Stream<Arguments> personsErrors() {
    return Stream.of(
        Arguments.of("data", List.of("import", "/no/such/export.zip"), "no such file"),
        Arguments.of("data", List.of("forget", "--source", "never-imported.csv"), "no source named"),
        Arguments.of("desires", List.of("desires", "--context", "plcae=indoor"), "unknown key 'plcae'"),
        Arguments.of("goals", List.of("goals", "move=2"), "move"),
        Arguments.of("recommend", List.of("recommend", "--limit", "0"), "limit must be in 1..1000"),
        Arguments.of("recommend", List.of("why", "rec-nope"), "no recommendation with id 'rec-nope'"),
        Arguments.of("recommend", List.of("feedback", "rec-nope", "--done"), "no recommendation with id 'rec-nope'"),
        Arguments.of("recommend", List.of("audit", "--days", "0"), "days must be in 1..3650"),
        Arguments.of("rules", List.of("rule", "add", "sometimes swim"), "sometimes swim"),
        Arguments.of("rules", List.of("rule", "remove", "r99"), "no rule with id 'r99'"),
        Arguments.of("options", List.of("options", "--add", "/no/such/options.csv"), "options.csv"),
        Arguments.of("plan", List.of("plan", "basket", "--budget", "10", "--items", "/no/such/items.csv"), "items.csv"),
        Arguments.of("text", List.of("text", "classify", "--model", "no-such-model", "hello"), "no text model 'no-such-model'"),
        Arguments.of("solve", List.of("solve", "tsp", "/no/such/cities.tsp"), "/no/such/cities.tsp: no such file"),
        Arguments.of("solve", List.of("solve", "op", "/no/such/points.txt", "--seconds", "0"), "--seconds must be a number > 0, was 0.0"),
        Arguments.of("serve", List.of("serve", "--port", "70000"), "port must be in 0..65535, was 70000"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("personsErrors")
  void thePersonsError_exits2_withOneLineSayingWhat(String group, List<String> command, String says, @TempDir Path home) {
    Run r = run(home, command);

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("autonomy: ").contains(says).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOptionValues")
  void aBadOptionValue_isConvertedByPicocli_exits2NamingTheOption(List<String> command, String says, @TempDir Path home) {
    Run r = run(home, command);

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(says);
  }

  static Stream<Arguments> badOptionValues() {
    return Stream.of(
        Arguments.of(List.of("plan", "run", "--map", "m.osm", "--start", "91,7.42", "--km", "3"),
            "Invalid value for option '--start': point: lat must be in [-90, 90], was 91.0"),
        Arguments.of(List.of("recommend", "--start", "north"), "Invalid value for option '--start'"),
        Arguments.of(List.of("plan", "trip", "--map", "m.osm", "--start", "43.7,7.4", "--hours", "2", "--at", "25:00"),
            "Invalid value for option '--at'"),
        // The demo reads nothing of the person's but its options.
        Arguments.of(List.of("demo", "--seed", "many"), "Invalid value for option '--seed': 'many' is not a long"));
  }

  static Stream<Arguments> commandsOverTheVault() {
    return Stream.of(
        Arguments.of("data", List.of("quality")),
        Arguments.of("data", List.of("export", HOME + "/export-out")),
        Arguments.of("desires", List.of("desires")),
        Arguments.of("goals", List.of("goals")),
        Arguments.of("recommend", List.of("recommend")),
        Arguments.of("recommend", List.of("why", "rec-x")),
        Arguments.of("recommend", List.of("audit")),
        Arguments.of("rules", List.of("rule", "list")),
        Arguments.of("options", List.of("options")),
        Arguments.of("plan", List.of("plan", "week")),
        Arguments.of("serve", List.of("serve", "--port", "0")));
  }

  /** A damaged database is no fault of the person's input: exit 1, naming the vault file. */
  @ParameterizedTest(name = "{0}: {1}")
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // serve would run until stopped if the vault opened
  @MethodSource("commandsOverTheVault")
  void aDamagedVault_isOurFailure_exits1(String group, List<String> command, @TempDir Path home) throws Exception {
    Run made = run(home, List.of("rule", "add", "never swim"));
    assertThat(made.exit()).as(made.err()).isZero();
    Files.writeString(home.resolve("vault.db"), "this is not a database any more ".repeat(200));
    Files.deleteIfExists(home.resolve("vault.db-wal"));
    Files.deleteIfExists(home.resolve("vault.db-shm"));

    Run r = run(home, command);

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("autonomy: failed: ").contains("vault.db");
  }

  /** A vault folder whose models folder cannot be made (a file is in the way) fails saving the model: exit 1. */
  @Test
  void text_aModelFolderThatCannotBeMade_isOurFailure_exits1(@TempDir Path home) throws Exception {
    Path data = home.resolve("news.csv");
    StringBuilder csv = new StringBuilder("text,label\n");
    for (String company : List.of("Nokia", "Kone", "Elisa", "Orion", "Sampo", "Fiskars")) {
      csv.append(company).append(" shares fell after a profit warning,negative\n")
          .append(company).append(" reported a quarterly loss,negative\n")
          .append(company).append(" won a large new contract,positive\n")
          .append(company).append(" raised its full-year outlook,positive\n");
    }
    Files.writeString(data, csv);
    Files.writeString(Files.createDirectories(home.resolve("models")).resolve("text"), "not a folder");

    Run r = run(home, List.of("text", "train", "--data", data.toString(), "--format", "csv", "--out", "news"));

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    // After the training's progress lines, what failed and where.
    assertThat(r.err().strip().lines()).endsWith(
        "autonomy: failed: java.io.UncheckedIOException: cannot write model " + home.resolve("models/text/news.json"),
        "(set AUTONOMY_DEBUG=1 for the stack trace)");
  }

  /**
   * A solve stopped from outside (an interrupt, as when the program is being shut down) is no fault
   * of the person's file: exit 1.
   */
  @Test
  void solve_interruptedWhileTheAntsWork_isOurFailure_exits1(@TempDir Path home) throws Exception {
    // 200 cities: enough that the colony runs its ants on a second thread and waits for it.
    StringBuilder tsp = new StringBuilder("NAME: grid200\nTYPE: TSP\nDIMENSION: 200\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n");
    for (int i = 0; i < 200; i++) {
      tsp.append(i + 1).append(' ').append((i % 20) * 10 + i % 3).append(' ').append((i / 20) * 10 + i % 7).append('\n');
    }
    Path file = Files.writeString(home.resolve("grid200.tsp"), tsp.append("EOF\n"));
    AtomicReference<Run> result = new AtomicReference<>();
    Thread solver = new Thread(() -> result.set(run(home, List.of("solve", "tsp", file.toString(), "--seconds", "60", "--threads", "2"))));
    solver.start();
    // Interrupt only once the ants are at work: earlier, it would stop the reading of the file instead.
    while (solver.isAlive() && Arrays.stream(solver.getStackTrace()).noneMatch(f -> f.getClassName().endsWith(".ParallelAnts"))) {
      Thread.sleep(5);
    }
    // Again and again: the colony notices when it next waits for its other thread.
    while (solver.isAlive()) {
      solver.interrupt();
      solver.join(20);
    }

    Run r = result.get();
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("autonomy: failed: java.lang.IllegalStateException: interrupted while ants were working");
  }

  /** The demo's throw-away folder cannot be made when the system's temporary folder is gone: exit 1. */
  @Test
  void demo_withoutATemporaryFolder_isOurFailure_exits1(@TempDir Path dir) throws Exception {
    Path gone = dir.resolve("no-such-tmp");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    // Its own JVM: the temporary folder is read once per process, when first used.
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + gone, "-cp", System.getProperty("java.class.path"), AutonomyCli.class.getName(), "demo")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

    String said = Files.readString(err);
    assertThat(p.exitValue()).as(said).isEqualTo(1);
    assertThat(said).startsWith("autonomy: failed: java.nio.file.NoSuchFileException: " + gone.resolve("autonomy-demo-"));
  }

  /** A command that throws what it is given, to show the handler every entry point shares. */
  @Command(name = "throws")
  static final class Throws implements Callable<Integer> {
    private final Exception thrown;

    Throws(Exception thrown) {
      this.thrown = thrown;
    }

    @Override
    public Integer call() throws Exception {
      throw thrown;
    }
  }

  static Stream<Arguments> handled() {
    return Stream.of(
        Arguments.of(new NotFoundException("no rule with id 'r9'"), 2, "autonomy bench: no rule with id 'r9'"),
        Arguments.of(new AutonomyFailure("vault v.db: disk I/O error"), 1, "autonomy bench: failed: vault v.db: disk I/O error"),
        Arguments.of(new IllegalStateException("bug"), 1, "autonomy bench: failed: java.lang.IllegalStateException: bug"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handled")
  void theSharedHandler_namesItsProgram(Exception thrown, int exit, String says) {
    CommandLine cli = new CommandLine(new Throws(thrown)).setExecutionExceptionHandler(new ExitCodes("autonomy bench"));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute()).isEqualTo(exit);
    assertThat(err.toString().lines().findFirst()).hasValue(says);
  }

  private static Run run(Path home, List<String> command) {
    List<String> args = new ArrayList<>(List.of("--home", home.toString()));
    command.forEach(arg -> args.add(arg.replace(HOME, home.toString())));
    return CoreLoopCommandsTest.run(args.toArray(String[]::new));
  }
}
