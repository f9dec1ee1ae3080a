package dev.autonomy.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.bench.BenchCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's own behaviour, with a stand-in script: the real fuzz run is bench/fuzz.sh's (see FUZZ.md). */
class BenchFuzzCommandTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    var cli = BenchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void fuzz_passesTheRunsToTheScriptAndItsTableAndExitCodeOn() throws IOException {
    Path script = Files.writeString(dir.resolve("fuzz.sh"), "echo \"target runs=$1\"\necho 'rule 7 1 0.1'\nexit 1\n");
    Result r = run("fuzz", "--runs", "7", "--script", script.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("target runs=7" + System.lineSeparator() + "rule 7 1 0.1" + System.lineSeparator());
  }

  @Test
  void fuzz_refusesNoRunsAndAMissingScript() {
    Result none = run("fuzz", "--runs", "0");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("Invalid value for --runs: must be > 0, was 0");
    Result missing = run("fuzz", "--script", dir.resolve("absent.sh").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("absent.sh is not a file");
  }
}
