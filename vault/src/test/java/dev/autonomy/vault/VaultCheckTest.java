package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, fault 8: {@code autonomy check} verifies a vault (integrity, schema version, value
 * domains), {@code autonomy backup} writes a consistent copy that opens as a vault and checks clean,
 * and a damaged vault is said so before anything is written into it.
 */
class VaultCheckTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path home;

  /** A vault with {@code n} hourly step records and one rule, closed (its log moved into the file). */
  private void fill(int n) {
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.signals().importSource("a.csv", "test", sink -> {
        for (int i = 0; i < n; i++) {
          Instant start = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * i);
          sink.accept(new Signal(SignalKind.STEPS, start, start.plusSeconds(3600), ZoneId.of("Europe/Paris"), 100 + i,
              "count", "", "", new Provenance("a.csv", "test", "Watch", Modality.SENSED)));
        }
        return new ImportReport("test", n, Map.of(), List.of());
      });
      vault.rules().add("never swim");
    }
  }

  private void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Vault.DATABASE_FILE));
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /**
   * Overwrites a whole page in the middle of the database file, as a bad disk or a torn copy might
   * (a whole page: junk in part of one can land in its free space, which no check can see).
   */
  private void damage() throws Exception {
    Path db = home.resolve(Vault.DATABASE_FILE);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      long pages = f.length() / Vault.PAGE_SIZE;
      byte[] junk = new byte[Vault.PAGE_SIZE];
      Arrays.fill(junk, (byte) 0x5a);
      f.seek((long) Vault.PAGE_SIZE * (pages / 2));
      f.write(junk);
    }
  }

  @Test
  void check_aSoundVaultIsClean() {
    fill(500);
    VaultCheck.Report report = VaultCheck.check(home);
    assertThat(report.problems()).isEmpty();
    assertThat(report.clean()).isTrue();
    assertThat(report.signals()).isEqualTo(500);
    assertThat(report.schemaVersion()).isEqualTo(report.knownSchemaVersion());
  }

  @Test
  void check_namesValuesOutsideTheirDomain() throws Exception {
    fill(10);
    sql("UPDATE signals SET start_ms = 0, end_ms = 3600000 WHERE id = 3",
        "UPDATE signals SET value = -5 WHERE id = 4",
        "UPDATE signals SET end_ms = start_ms + 100 * 86400000 WHERE id = 5",
        "UPDATE signals SET value = 1e300 WHERE id = 6");
    VaultCheck.Report report = VaultCheck.check(home);
    assertThat(report.clean()).isFalse();
    assertThat(report.problems()).contains(
        "signals: 1 row dated before 1990-01-01 (first id 3)",
        "signals: 1 row negative where their kind cannot be (first id 4)",
        "signals: 1 row lasting more than 62 days (first id 5)",
        "signals: 1 row with a value that is not a number or beyond 1.0E12 (first id 6)");
  }

  @Test
  void check_findsADamagedPage_andANewerSchema() throws Exception {
    fill(3000);
    damage();
    assertThat(VaultCheck.check(home).problems()).isNotEmpty().allMatch(p -> p.startsWith("damaged: "));

    Files.delete(home.resolve(Vault.DATABASE_FILE));
    fill(1);
    sql("PRAGMA user_version = 99");
    assertThat(VaultCheck.check(home).problems()).containsExactly(
        "schema version 99 is newer than this Autonomy knows (" + Migrations.STEPS.size() + "); use a newer Autonomy");
  }

  @Test
  void check_refusesAFolderWithoutAVault(@TempDir Path empty) {
    assertThatThrownBy(() -> VaultCheck.check(empty)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no vault at");
  }

  @Test
  void aDamagedVault_isSaidSoBeforeAnImport_andNothingIsWritten() throws Exception {
    fill(3000);
    damage();
    try (Vault vault = Vault.open(home, CLOCK)) {
      byte[] before = Files.readAllBytes(home.resolve(Vault.DATABASE_FILE));
      long walBefore = Files.size(home.resolve(Vault.DATABASE_FILE + "-wal"));

      assertThatThrownBy(vault::requireSound)
          .isInstanceOf(AutonomyFailure.class)
          .hasMessageContaining("is damaged")
          .hasMessageContaining("nothing was written")
          .hasMessageContaining("autonomy check");

      assertThat(Files.readAllBytes(home.resolve(Vault.DATABASE_FILE))).isEqualTo(before);
      assertThat(Files.size(home.resolve(Vault.DATABASE_FILE + "-wal"))).isEqualTo(walBefore);
    }
  }

  @Test
  void backup_isAConsistentCopyThatOpensAsAVaultAndChecksClean(@TempDir Path elsewhere) throws Exception {
    fill(200);
    Path file = elsewhere.resolve("backups").resolve("vault-2026-01-10.db");
    try (Vault live = Vault.open(home, CLOCK); Connection writer = DriverManager.getConnection(
        "jdbc:sqlite:" + home.resolve(Vault.DATABASE_FILE)); Statement st = writer.createStatement()) {
      // Another process is half-way through a write: the copy must not hold half of it.
      st.execute("BEGIN IMMEDIATE");
      st.execute("DELETE FROM signals WHERE id > 100");

      VaultCheck.Report report = VaultBackup.backup(home, file);

      st.execute("ROLLBACK");
      assertThat(report.clean()).isTrue();
      assertThat(report.signals()).isEqualTo(200);
      assertThat(live.signals().count()).isEqualTo(200);
    }
    assertThat(Files.list(file.getParent())).containsExactly(file);

    Path restored = elsewhere.resolve("restored");
    Files.createDirectories(restored);
    Files.copy(file, restored.resolve(Vault.DATABASE_FILE));
    try (Vault vault = Vault.open(restored, CLOCK)) {
      assertThat(vault.signals().count()).isEqualTo(200);
      assertThat(vault.rules().list()).extracting(r -> r.text()).containsExactly("never swim");
    }
    assertThat(VaultCheck.check(restored).clean()).isTrue();

    assertThatThrownBy(() -> VaultBackup.backup(home, file))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exists");
  }
}
