package dev.autonomy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCliTest {
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
  void help_listsEveryBenchmark() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: autonomy bench")
        .contains("solvers", "routes", "text", "import", "desires", "recommend");
  }

  @Test
  void noArguments_printsTheUsage() {
    Result r = run();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: autonomy bench");
  }

  @Test
  void eachBenchmark_hasItsOwnHelp() {
    for (String name : new String[] {"solvers", "routes", "text", "finetune", "import", "desires", "recommend"}) {
      Result r = run(name, "--help");
      assertThat(r.code()).as(name).isZero();
      assertThat(r.out()).as(name).startsWith("Usage: autonomy bench " + name);
    }
  }

  @Test
  void finetune_refusesBoundsOutsideTheProtocol() {
    Result r = run("finetune", "--folds", "6");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("folds must be 1 to 5 and epochs at least 1, were 6 and 3");
  }

  @Test
  void unknownBenchmark_exitsTwo() {
    Result r = run("nothing");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument").contains("nothing");
  }
}
