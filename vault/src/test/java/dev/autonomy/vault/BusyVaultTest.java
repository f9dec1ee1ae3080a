package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.AutonomyFailure;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class "busy": a second writer is told plainly that another process holds the vault, not a
 * raw driver error, and changes nothing. (It waits up to the busy timeout when SQLite can wait; a
 * transaction that read before it wrote is refused at once, since waiting could not help it.)
 */
class BusyVaultTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void aSecondWriterIsToldAnotherProcessHoldsTheVault(@TempDir Path home) throws Exception {
    try (Vault holder = Vault.open(home, CLOCK); Vault second = Vault.open(home, CLOCK)) {
      try (Statement st = holder.connection().createStatement()) {
        // an open write transaction, as a long import holds one
        st.executeUpdate("INSERT INTO rules(id, text, created) VALUES ('r9', 'never swim', '2026-11-30T08:00:00Z')");
      }
      assertThatThrownBy(() -> second.rules().add("never run"))
          .isInstanceOf(AutonomyFailure.class)
          .hasMessageContaining("another process is using the vault")
          .hasMessageContaining("nothing was changed")
          .hasMessageNotContaining("SQLITE_BUSY");
      holder.connection().rollback();
      assertThat(second.rules().list()).isEmpty();
      second.rules().add("never run");
      assertThat(second.rules().list()).hasSize(1);
    }
  }
}
