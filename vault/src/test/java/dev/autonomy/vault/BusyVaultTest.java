package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.UnavailableException;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault class "busy" (issue 14, fault 8): a second writer waits up to the busy timeout for another
 * process that holds the vault, whether its work reads before it writes or not (writes begin
 * IMMEDIATE), and past it is told plainly that another process holds the vault, not a raw driver
 * error, and changes nothing.
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
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("another process is using the vault")
          .hasMessageContaining("nothing was changed")
          .hasMessageNotContaining("SQLITE_BUSY");
      holder.connection().rollback();
      assertThat(second.rules().list()).isEmpty();
      second.rules().add("never run");
      assertThat(second.rules().list()).hasSize(1);
    }
  }

  @Test
  void aWriteThatReadsFirst_waitsForTheOtherWriter_insteadOfFailingAtOnce(@TempDir Path home) throws Exception {
    try (Vault holder = Vault.open(home, CLOCK); Vault second = Vault.open(home, CLOCK)) {
      second.rules().add("never swim"); // the second connection has read and written before
      try (Statement st = holder.connection().createStatement()) {
        st.executeUpdate("INSERT INTO rules(id, text, created) VALUES ('r9', 'never fly', '2026-11-30T08:00:00Z')");
      }
      Thread release = new Thread(() -> {
        try {
          Thread.sleep(700);
          holder.connection().commit();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();
      long started = System.nanoTime();
      // RuleBook.add reads the highest id before it inserts: a deferred transaction could not wait.
      second.rules().add("never run");
      long waitedMs = (System.nanoTime() - started) / 1_000_000;
      release.join();

      assertThat(waitedMs).isBetween(500L, (long) Vault.BUSY_TIMEOUT_MS);
      assertThat(second.rules().list()).extracting(r -> r.text()).containsExactly("never swim", "never fly", "never run");
    }
  }
}
