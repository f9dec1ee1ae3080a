package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.cli.CoreLoopCommandsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        Arguments.of("text", List.of("text", "classify", "--model", "no-such-model", "hello"), "no text model 'no-such-model'"));
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
            "Invalid value for option '--at'"));
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
        Arguments.of("options", List.of("options")));
  }

  /** A damaged database is no fault of the person's input: exit 1, naming the vault file. */
  @ParameterizedTest(name = "{0}: {1}")
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

  private static Run run(Path home, List<String> command) {
    List<String> args = new ArrayList<>(List.of("--home", home.toString()));
    command.forEach(arg -> args.add(arg.replace(HOME, home.toString())));
    return CoreLoopCommandsTest.run(args.toArray(String[]::new));
  }
}
