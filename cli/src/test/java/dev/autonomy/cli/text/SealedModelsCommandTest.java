package dev.autonomy.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.cli.passphrase.CliPassphrases;
import dev.autonomy.core.data.Sealing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Trained text models in an encrypted vault: a clear vault's model is sealed when the vault is
 * encrypted, a model trained (or fine-tuned) in an encrypted vault is written sealed, and both are
 * read with the passphrase and refused without it.
 */
class SealedModelsCommandTest {
  private static final Map<String, String> PASS = Map.of(CliPassphrases.VARIABLE, "correct horse battery staple");

  @TempDir Path home;
  @TempDir Path data;

  record Run(int code, String out, String err) {}

  private Run run(Map<String, String> environment, String... args) {
    CommandLine cli = AutonomyCli.commandLine(environment::get);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  private Path csv() throws IOException {
    StringBuilder b = new StringBuilder("text,label\n");
    for (String c : TextCommandTest.COMPANIES) {
      for (int i = 0; i < 5; i++) {
        b.append(c).append(' ').append(TextCommandTest.BAD[i]).append(",bearish-quokka\n");
        b.append(c).append(' ').append(TextCommandTest.GOOD[i]).append(",bullish-quokka\n");
      }
    }
    Path csv = data.resolve("news.csv");
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
    return csv;
  }

  /** Files under models/ whose bytes show the labels or a format tag in clear. */
  private List<String> clearModelFiles() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(home.resolve("models"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!Sealing.isSealed(bytes) || text.contains("quokka") || text.contains("autonomy-t")) {
          found.add(home.relativize(f).toString());
        }
      }
    }
    return found;
  }

  @Test
  void modelsAreSealedOnceTheVaultIsEncrypted_andReadOnlyWithThePassphrase() throws IOException {
    Path csv = csv();
    Run frozen = run(Map.of(), "text", "train", "--data", csv.toString(), "--format", "csv", "--out", "news",
        "--encoder", "all-minilm-l6-v2-q", "--seed", "3");
    assertThat(frozen.code()).as(frozen.err()).isZero();
    assertThat(clearModelFiles()).containsExactly("models/text/news.json"); // a clear vault: as it always was

    Run set = run(PASS, "passphrase", "set");
    assertThat(set.code()).as(set.err()).isZero();
    assertThat(clearModelFiles()).isEmpty();

    Run tuned = run(PASS, "text", "train", "--data", csv.toString(), "--format", "csv", "--out", "tuned",
        "--fine-tune", "lora", "--epochs", "1", "--batch", "16", "--max-len", "32");
    assertThat(tuned.code()).as(tuned.err()).isZero();
    try (Stream<Path> files = Files.list(home.resolve("models").resolve("text"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tuned")).toList()).hasSize(1);
    }
    assertThat(clearModelFiles()).isEmpty();

    for (String model : List.of("news", "tuned")) {
      Run classify = run(PASS, "text", "classify", "--model", model, "Nokia", "reported", "record", "sales");
      assertThat(classify.code()).as(classify.err()).isZero();
      assertThat(classify.out()).contains("quokka");
      Run locked = run(Map.of(), "text", "classify", "--model", model, "Nokia", "reported", "record", "sales");
      assertThat(locked.code()).isNotZero();
      assertThat(locked.err()).contains("is encrypted and no passphrase was given");
    }
    // a sealed model is checked before the engine reads with it: these labels fit neither task
    Run use = run(PASS, "text", "use", "health", "tuned");
    assertThat(use.code()).isNotZero();
    assertThat(use.err()).contains("exactly the labels healthy and unhealthy");
    Run uses = run(PASS, "text", "use", "--json");
    assertThat(uses.code()).as(uses.err()).isZero();
    assertThat(uses.out()).contains("\"health\" : \"built-in\"").contains("\"intent\" : \"built-in\"");
  }
}
