package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits leave their pages in the write-ahead log (the vault's connection never checkpoints in a
 * commit), and the checkpointer moves them into the database file within seconds, off the
 * committing thread; closing the vault leaves no log behind.
 */
class WalCheckpointerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path home;

  @Test
  void committedPagesReachTheDatabaseFileWithoutTheCommitterCheckpointing() throws Exception {
    Path db = home.resolve(Vault.DATABASE_FILE);
    Path wal = home.resolve(Vault.DATABASE_FILE + "-wal");
    try (Vault vault = Vault.open(home, CLOCK)) {
      long before = Files.size(db);
      for (int batch = 0; batch < 20; batch++) {
        int b = batch;
        vault.signals().importSource("s" + b + ".csv", "test", sink -> {
          for (int i = 0; i < 500; i++) {
            Instant t = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * (b * 500 + i));
            sink.accept(new Signal(SignalKind.STEPS, t, t.plusSeconds(60), ZoneOffset.UTC, i, "count", "", "",
                new Provenance("s" + b + ".csv", "test", "Watch", Modality.SENSED)));
          }
          return new ImportReport("test", 500, Map.of(), List.of());
        });
      }
      // The committing connection never checkpoints (SQLite's default is inside the commit that
      // takes the log past 1,000 pages)...
      try (var st = vault.connection().createStatement(); var rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
        assertThat(rs.getInt(1)).isZero();
      }
      // ...yet the pages reach the database file: the checkpointer's thread moved them.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (Files.size(db) <= before && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(Files.size(db)).as("database file after the background checkpoint").isGreaterThan(before);
      assertThat(vault.signals().count()).isEqualTo(10_000);
    }
    assertThat(wal).doesNotExist();
    try (Vault again = Vault.open(home, CLOCK)) {
      assertThat(again.signals().count()).isEqualTo(10_000);
    }
  }
}
