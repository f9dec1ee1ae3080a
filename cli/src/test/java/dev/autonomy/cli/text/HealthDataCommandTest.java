package dev.autonomy.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code text health-data}: the CSV it writes reads back for training, and its refusals. */
class HealthDataCommandTest {
  @TempDir Path home;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  @Test
  void healthData_writesABalancedCsvThatTrainingReads() throws IOException {
    Path file = home.resolve("notes.csv");
    Run r = run("text", "health-data", "--out", file.toString(), "--n", "80", "--seed", "3", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("notes").asInt()).isEqualTo(80);
    assertThat(j.get("per_language_label").get("zh/unhealthy").asInt()).isEqualTo(20);

    List<Example> read = Format.CSV.read(file).split(Dataset.ALL);
    Map<String, Long> labels = read.stream().collect(Collectors.groupingBy(Example::label, Collectors.counting()));
    assertThat(labels).containsOnly(Map.entry("healthy", 40L), Map.entry("unhealthy", 40L));

    String first = Files.readString(file);
    assertThat(run("text", "health-data", "--out", file.toString(), "--n", "80", "--seed", "3").code()).isZero();
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(run("text", "health-data", "--out", file.toString(), "--n", "80", "--seed", "4").code()).isZero();
    assertThat(Files.readString(file)).isNotEqualTo(first);
  }

  @Test
  void healthData_oneLanguageAndTheTestPart() throws IOException {
    Path file = home.resolve("zh-test.csv");
    Run r = run("text", "health-data", "--out", file.toString(), "--n", "20", "--lang", "zh", "--part", "test");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 20 test notes").contains("zh/healthy=10").doesNotContain("en/");
    assertThat(Format.CSV.read(file).split(Dataset.ALL)).hasSize(20);
  }

  @Test
  void healthData_badOptions_exitTwoWithTheReasonAndWriteNothing() {
    Path file = home.resolve("bad.csv");
    Run lang = run("text", "health-data", "--out", file.toString(), "--lang", "en,fr");
    assertThat(lang.code()).isEqualTo(2);
    assertThat(lang.err()).contains("unknown language 'fr'");
    Run n = run("text", "health-data", "--out", file.toString(), "--n", "1201");
    assertThat(n.code()).isEqualTo(2);
    assertThat(n.err()).contains("n must be a multiple of 4").contains("1201");
    Run part = run("text", "health-data", "--out", file.toString(), "--part", "dev");
    assertThat(part.code()).isEqualTo(2);
    assertThat(part.err()).contains("unknown part 'dev'");
    assertThat(file).doesNotExist();
    Run dir = run("text", "health-data", "--out", home.resolve("no/such/dir.csv").toString());
    assertThat(dir.code()).isEqualTo(2);
    assertThat(dir.err()).contains("its folder does not exist");
  }
}
