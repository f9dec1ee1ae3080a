package dev.autonomy.cli.passphrase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.vault.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code passphrase status|set|change} and every command on an encrypted vault: the passphrase from
 * AUTONOMY_PASSPHRASE (the tests hand the command line its environment), a missing or wrong one a
 * person's error (exit 2) that changes no byte, a new vault without one clear with a note on stderr.
 */
class PassphraseCommandTest {
  private static final String NOTE = "talked to the therapist about quokkas";
  private static final String CATEGORY = "pharmacy-wombat";
  private static final String RULE = "never swim";

  @TempDir Path dir;

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return Json.mapper().readTree(out);
    }
  }

  private static Run run(Map<String, String> environment, String... args) {
    CommandLine cli = AutonomyCli.commandLine(environment::get);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Map<String, String> pass(String passphrase) {
    return Map.of(CliPassphrases.VARIABLE, passphrase);
  }

  private Path events() throws IOException {
    Path csv = dir.resolve("events.csv");
    StringBuilder text = new StringBuilder("time,kind,amount,unit,category,text\n");
    for (int d = 1; d <= 20; d++) {
      text.append(String.format("2026-01-%02dT19:00:00Z,note,0,none,,%s %d%n", d, NOTE, d));
      text.append(String.format("2026-01-%02dT12:00:00Z,purchase,%d.50,EUR,%s,%n", d, 10 + d, CATEGORY));
    }
    Files.writeString(csv, text);
    return csv;
  }

  private static List<String> plaintexts(Path folder) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String text : List.of(NOTE, CATEGORY, RULE)) {
          if (bytes.contains(text)) {
            found.add(f.getFileName() + ": " + text);
          }
        }
      }
    }
    return found;
  }

  private static Map<String, String> hashes(Path folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(folder.relativize(f).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  @Test
  void clearVault_set_thenEveryCommandNeedsThePassphrase_wrongOneChangesNothing_changeReKeys() throws Exception {
    Path home = dir.resolve("home");
    String h = home.toString();
    Map<String, String> none = Map.of();

    Run imported = run(none, "--home", h, "import", events().toString(), "--format", "events");
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.err()).contains("is not encrypted").contains("autonomy passphrase set");
    assertThat(run(none, "--home", h, "rule", "add", RULE).exit()).isZero();
    assertThat(plaintexts(home)).isNotEmpty();
    Run clear = run(none, "--home", h, "passphrase", "status", "--json");
    assertThat(clear.exit()).as(clear.err()).isZero();
    assertThat(clear.json().get("encrypted").asBoolean()).isFalse();
    String signalsBefore = run(none, "--home", h, "sources", "--json").out();

    Run set = run(pass("correct horse battery"), "--home", h, "passphrase", "set");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("is encrypted now").doesNotContain("correct horse");
    assertThat(plaintexts(home)).isEmpty();
    Run status = run(none, "--home", h, "passphrase", "status", "--json");
    assertThat(status.json().get("encrypted").asBoolean()).isTrue();
    assertThat(status.json().get("kdf").get("name").asText()).isEqualTo("argon2id");
    assertThat(status.json().get("kdf").get("memory_kib").asInt()).isEqualTo(47104);

    Map<String, String> before = hashes(home);
    Run missing = run(none, "--home", h, "rule", "list");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("is encrypted and no passphrase was given").contains("AUTONOMY_PASSPHRASE");
    Run wrong = run(pass("correct horse batterY"), "--home", h, "sources");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("wrong passphrase");
    assertThat(run(pass("nope nope nope"), "--home", h, "check").exit()).isEqualTo(2);
    assertThat(hashes(home)).isEqualTo(before);

    Run rules = run(pass("correct horse battery"), "--home", h, "rule", "list");
    assertThat(rules.exit()).as(rules.err()).isZero();
    assertThat(rules.out()).contains(RULE);
    assertThat(run(pass("correct horse battery"), "--home", h, "sources", "--json").out()).isEqualTo(signalsBefore);

    Run change = run(Map.of(CliPassphrases.VARIABLE, "correct horse battery", CliPassphrases.NEW_VARIABLE,
        "tr0ub4dor and more"), "--home", h, "passphrase", "change");
    assertThat(change.exit()).as(change.err()).isZero();
    assertThat(change.out()).contains("re-keyed");
    assertThat(run(pass("correct horse battery"), "--home", h, "rule", "list").err()).contains("wrong passphrase");
    Run log = run(pass("tr0ub4dor and more"), "--home", h, "access", "log", "--json");
    assertThat(log.exit()).as(log.err()).isZero();
    assertThat(log.json().get("entries")).extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
        .contains("cli passphrase");
    assertThat(log.out()).doesNotContain("tr0ub4dor").doesNotContain("correct horse");

    Path backup = dir.resolve("backups").resolve("vault-backup.db");
    Run backed = run(pass("tr0ub4dor and more"), "--home", h, "backup", backup.toString());
    assertThat(backed.exit()).as(backed.err()).isZero();
    Run checked = run(pass("tr0ub4dor and more"), "--home", h, "check", backup.toString());
    assertThat(checked.exit()).as(checked.err() + checked.out()).isZero();
    assertThat(checked.out()).contains("sound");
    assertThat(plaintexts(home)).isEmpty();
    assertThat(plaintexts(backup.getParent())).isEmpty();
  }

  @Test
  void newVault_withAPassphraseInTheEnvironment_isEncryptedFromTheStart_andSaysNothingAboutClear() throws Exception {
    Path home = dir.resolve("home");
    Run added = run(pass("correct horse battery"), "--home", home.toString(), "rule", "add", RULE);
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.err()).doesNotContain("not encrypted");
    assertThat(plaintexts(home)).isEmpty();
    Run status = run(Map.of(), "--home", home.toString(), "passphrase", "status");
    assertThat(status.out()).contains("is encrypted: chacha20-poly1305");
    Run set = run(pass("correct horse battery"), "--home", home.toString(), "passphrase", "set");
    assertThat(set.exit()).isEqualTo(2);
    assertThat(set.err()).contains("encrypted already");
  }
}
