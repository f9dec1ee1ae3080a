package dev.autonomy.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.cli.ExitCodes;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 14, fault 8: 'autonomy check' and 'autonomy backup' as a person runs them: output and exit codes. */
class CheckBackupCommandTest {
  @TempDir Path dir;

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

  @Test
  void backup_thenCheckTheCopy_thenADamagedVaultChecksAsFailed() throws Exception {
    Path home = dir.resolve("home");
    SplittableRandom random = new SplittableRandom(11);
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"), SyntheticPerson.generate(LocalDate.now(), 45, random.split()),
        ZoneId.systemDefault(), random.split());
    Run imported = run("--home", home.toString(), "import", files.appleHealthZip().toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    Run added = run("--home", home.toString(), "rule", "add", "never swim");
    assertThat(added.exit()).as(added.err()).isZero();
    Run sound = run("--home", home.toString(), "check");
    assertThat(sound.exit()).as(sound.err()).isZero();
    assertThat(sound.out()).contains("vault.db: sound (integrity, schema version ");

    Path copy = dir.resolve("backups").resolve("vault.db");
    Run backup = run("--home", home.toString(), "backup", copy.toString(), "--json");
    assertThat(backup.exit()).as(backup.err()).isZero();
    JsonNode json = Json.mapper().readTree(backup.out());
    assertThat(json.get("backup").asText()).isEqualTo(copy.toAbsolutePath().toString());
    assertThat(json.get("sound").asBoolean()).isTrue();

    Run checked = run("check", copy.toString(), "--json");
    assertThat(checked.exit()).as(checked.err()).isZero();
    assertThat(Json.mapper().readTree(checked.out()).get("problems")).isEmpty();
    // The copy opens as a vault: its folder used as --home has the rules.
    Run rules = run("--home", copy.getParent().toString(), "rule", "list");
    assertThat(rules.exit()).as(rules.err()).isZero();
    assertThat(rules.out()).contains("never swim");

    Run again = run("--home", home.toString(), "backup", copy.toString());
    assertThat(again.exit()).isEqualTo(ExitCodes.PERSONS_ERROR);
    assertThat(again.err()).contains("exists").contains("nothing written");

    // A whole page of junk, page-aligned: its header goes, so quick_check sees it whatever the page
    // holds (4 KB at a 4 KB offset could fall in a 16 KB page's free space and change nothing it reads).
    try (RandomAccessFile f = new RandomAccessFile(home.resolve("vault.db").toFile(), "rw")) {
      f.seek(16);
      int pageSize = f.readUnsignedShort();
      pageSize = pageSize == 1 ? 65_536 : pageSize;
      byte[] junk = new byte[pageSize];
      Arrays.fill(junk, (byte) 0x5a);
      f.seek(pageSize * (f.length() / pageSize / 2));
      f.write(junk);
    }
    Run damaged = run("--home", home.toString(), "check");
    assertThat(damaged.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(damaged.out()).contains("damaged: ").contains("restore a backup");
  }

  @Test
  void check_aFolderWithoutAVault_isThePersonsError() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    Run r = run("--home", dir.resolve("empty").toString(), "check");
    assertThat(r.exit()).isEqualTo(ExitCodes.PERSONS_ERROR);
    assertThat(r.err()).contains("no vault at");
    Run b = run("--home", dir.resolve("empty").toString(), "backup", dir.resolve("b.db").toString());
    assertThat(b.exit()).isEqualTo(ExitCodes.PERSONS_ERROR);
    assertThat(b.err()).contains("no vault in");
    assertThat(dir.resolve("b.db")).doesNotExist();
  }
}
