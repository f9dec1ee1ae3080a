package dev.autonomy.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.bench.BenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bench serve-load} end to end, briefly: it stops by itself, every call is answered, no feedback is lost. */
class BenchServeLoadCommandTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    var cli = BenchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Result(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void aShortRun_answersEveryCall_andLosesNoFeedback() {
    Result r = run("serve-load", "--seconds", "1", "--clients", "1,4", "--days", "21");
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("| clear | 1 | GET /recommend |", "| clear | 4 | POST /feedback/{id} |");
    Matcher m = Pattern.compile("feedback accepted by the API: (\\d+); in the vault after the run: (\\d+); lost: 0")
        .matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isPositive().isEqualTo(Long.parseLong(m.group(2)));
    // Every row's last column, the errors, is 0.
    assertThat(r.out().lines().filter(l -> l.startsWith("| clear |"))).hasSize(4).allMatch(l -> l.endsWith("| 0 |"));
    // and the encrypted vault, measured in the same run
    assertThat(r.out()).contains("encrypted vault", "| encrypted | 4 | POST /feedback/{id} |");
    assertThat(r.out().lines().filter(l -> l.startsWith("| encrypted |"))).hasSize(4).allMatch(l -> l.endsWith("| 0 |"));
    Matcher both = Pattern.compile("in the vault after the run: (\\d+); lost: 0").matcher(r.out());
    assertThat(both.results().count()).isEqualTo(2);
  }

  @Test
  void badSettings_exitTwo_namingTheOption() {
    assertThat(run("serve-load", "--seconds", "0").err()).contains("--seconds must be in 1..600, was 0");
    Result vault = run("serve-load", "--vault", "sealed");
    assertThat(vault.code()).isEqualTo(2);
    assertThat(vault.err()).contains("--vault must be one of [clear, encrypted], was 'sealed'");
    assertThat(run("serve-load", "--clients", "0").code()).isEqualTo(2);
  }
}
