package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class "distinct events are merged": two identical rows of one file are two events, while
 * the same file imported again adds nothing; texts that share a 32-bit hash are distinct; and a
 * vault keyed the old way is re-keyed when it opens, so re-importing its files still adds nothing.
 */
class DistinctEventsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
  private static final Instant MORNING = Instant.parse("2026-11-20T08:30:00Z");
  private static final Provenance FILE = new Provenance("spending.csv", "events", "", Modality.SELF_REPORTED);

  private static Signal coffee() {
    return new Signal(SignalKind.PURCHASE, MORNING, MORNING, ZoneOffset.UTC, 3.5, "EUR", "coffee", "Coffee", FILE);
  }

  private static Signal note(String text) {
    return new Signal(SignalKind.NOTE, MORNING, MORNING, ZoneOffset.UTC, 0, "none", "journal", text, FILE);
  }

  private static ImportResult importAll(Vault vault, List<Signal> signals) {
    return vault.signals().importSource("spending.csv", "events", sink -> {
      signals.forEach(sink::accept);
      return new ImportReport("events", signals.size(), Map.of(), List.of());
    });
  }

  @Test
  void twoIdenticalCoffeesInOneFileAreTwo_andTheSameFileAgainAddsNone(@TempDir Path home) {
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(importAll(vault, List.of(coffee(), coffee())).added()).isEqualTo(2);
      assertThat(importAll(vault, List.of(coffee(), coffee())).added()).isZero();
      // a later export of the same account with a third coffee that morning adds exactly that one
      assertThat(importAll(vault, List.of(coffee(), coffee(), coffee())).added()).isEqualTo(1);
      assertThat(vault.signals().count()).isEqualTo(3);
    }
  }

  @Test
  void textsWithTheSame32BitHashAreDistinct(@TempDir Path home) {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(importAll(vault, List.of(note("Aa"), note("BB"))).added()).isEqualTo(2);
    }
  }

  @Test
  void aVaultKeyedTheOldWayIsRekeyedOnOpen_soReimportingAddsNothing(@TempDir Path home) throws Exception {
    Signal old = note("Slept badly");
    try (Vault vault = Vault.open(home, CLOCK)) {
      importAll(vault, List.of(old));
      // what an Autonomy before schema 5 stored: the text's 32-bit hash at the end of the key
      String oldKey = old.kind().code() + '|' + old.start() + '|' + old.end() + '|' + old.value() + '|' + old.unit() + '|'
          + old.category() + '|' + old.provenance().device() + '|' + old.text().hashCode();
      byte[] digest = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(oldKey.getBytes(StandardCharsets.UTF_8)), 16);
      try (PreparedStatement st = vault.connection().prepareStatement("UPDATE signals SET nkey = ?");
          Statement version = vault.connection().createStatement()) {
        st.setBytes(1, digest);
        st.executeUpdate();
        // back to schema 4: without what steps 5 to 10 made (step 8's nullable columns on lists are harmless)
        version.execute("DROP INDEX feedback_by_recommendation");
        version.execute("DROP TABLE shadow_lists");
        // the recommendations table as steps 2 and 4 made it (step 10 rebuilt it)
        version.execute("DROP TABLE recommendations");
        version.execute(Migrations.STEPS.get(1).substring(Migrations.STEPS.get(1).indexOf("CREATE TABLE recommendations"),
            Migrations.STEPS.get(1).indexOf("CREATE TABLE feedback")));
        for (String sql : Migrations.STEPS.get(3).split(";")) {
          if (!sql.isBlank()) {
            version.execute(sql);
          }
        }
        version.execute("DROP TABLE lists");
        version.execute("PRAGMA user_version = 4");
      }
      vault.connection().commit();
    }
    // and without what step 7 made (a plain connection: foreign keys off, as a migration has them)
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Vault.DATABASE_FILE));
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE file_keys");
      st.execute("DROP TABLE self_choices");
      st.execute("DROP TABLE access_log");
      st.execute("DROP TABLE apps");
      st.execute("DROP TABLE privacy_ledger");
      st.execute("DROP TABLE signal_sources");
      st.execute("CREATE TABLE sources_v6 (id INTEGER PRIMARY KEY, name TEXT NOT NULL, format TEXT NOT NULL,"
          + " first_imported TEXT NOT NULL, last_imported TEXT NOT NULL, UNIQUE (name, format))");
      st.execute("INSERT INTO sources_v6 SELECT id, name, format, first_imported, last_imported FROM sources");
      st.execute("DROP TABLE sources");
      st.execute("ALTER TABLE sources_v6 RENAME TO sources");
    }
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(importAll(vault, List.of(old)).added()).isZero();
      assertThat(vault.signals().count()).isEqualTo(1);
    }
  }
}
