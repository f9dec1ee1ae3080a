package dev.autonomy.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.cli.AutonomyCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's main command: the whole loop must run through, every section, on a fresh machine. */
class DemoCommandTest {
  @Test
  void demo_runsTheWholeLoop_andLearnsFromTheFeedback() {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("demo", "--seed", "7");
    assertThat(exit).as(err.toString()).isZero();
    String text = out.toString();
    for (int section = 1; section <= 8; section++) {
      assertThat(text).contains("== " + section + ". ");
    }
    assertThat(text).contains("evening 1: did '").contains("rated it 1/5");
    assertThat(text).containsPattern("preference for [a-z0-9-]+ is now 0\\.[0-3]\\d after [1-3] feedbacks?");
    assertThat(text).contains("outdoor inputs (0.4, 0.6) -> intensity 0.88");
    assertThat(text).contains("the throw-away vault is deleted now");
  }
}
