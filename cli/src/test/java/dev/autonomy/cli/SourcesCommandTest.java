package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sources} lists what was imported with its id; {@code forget --source} takes an id, a path or an unambiguous name. */
class SourcesCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Path events(Path dir, String folder, String text) throws Exception {
    Path file = Files.createDirectories(dir.resolve(folder)).resolve("spending.csv");
    Files.writeString(file, "time,kind,amount,unit,category,text\n"
        + "2026-11-20T12:00:00+01:00,purchase,4.20,EUR,food," + text + "\n", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void twoFilesOfOneName_areListedApart_andForgottenByIdOrPath_notByTheSharedName(@TempDir Path dir) throws Exception {
    String home = dir.resolve("home").toString();
    Path a = events(dir, "a", "Lunch A");
    Path b = events(dir, "b", "Lunch B");
    assertThat(run("--home", home, "import", a.toString()).exit()).isZero();
    Run imported = run("--home", home, "import", b.toString(), "--json");
    assertThat(imported.exit()).as(imported.err()).isZero();
    String idOfB = Json.mapper().readTree(imported.out()).get("source_id").asText();

    Run listed = run("--home", home, "sources", "--json");
    assertThat(listed.exit()).as(listed.err()).isZero();
    JsonNode sources = Json.mapper().readTree(listed.out()).get("sources");
    assertThat(sources).hasSize(2);
    assertThat(sources.findValuesAsText("origin")).containsExactly(a.toRealPath().toString(), b.toRealPath().toString());
    assertThat(sources.findValuesAsText("id")).contains(idOfB);

    Run text = run("--home", home, "sources");
    assertThat(text.out()).contains(idOfB).contains(b.toRealPath().toString()).contains("events");

    Run ambiguous = run("--home", home, "forget", "--source", "spending.csv");
    assertThat(ambiguous.exit()).isEqualTo(2);
    assertThat(ambiguous.err()).contains("names 2 sources").contains(idOfB).contains(a.toRealPath().toString());

    Run byPath = run("--home", home, "forget", "--source", a.toString());
    assertThat(byPath.exit()).as(byPath.err()).isZero();
    assertThat(byPath.out()).contains("1 signals deleted");

    Run byId = run("--home", home, "forget", "--source", idOfB);
    assertThat(byId.exit()).as(byId.err()).isZero();
    assertThat(byId.out()).contains("forgot " + idOfB);
    assertThat(run("--home", home, "sources").out()).contains("holds no data yet");
  }
}
