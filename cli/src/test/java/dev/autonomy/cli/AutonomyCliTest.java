package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AutonomyCliTest {
  @Test
  void help_pointsToTheBenchEntryPoint_whichIsNotACliCommand() {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("./autonomy bench --help");
    assertThat(cli.getSubcommands()).doesNotContainKey("bench").containsKeys("demo", "solve", "plan");
  }
}
