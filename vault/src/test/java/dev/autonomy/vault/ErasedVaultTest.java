package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.UnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, fault 7: a vault erased under a process that has it open ('forget --all' from the CLI
 * beside a running server). SQLite keeps the unlinked file open, so without a check that process
 * went on serving the deleted data and accepted writes that were lost.
 */
class ErasedVaultTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void aVaultErasedUnderAnOpenVault_isNeitherReadNorWritten_andStaysSo(@TempDir Path home) throws Exception {
    try (Vault server = Vault.open(home, CLOCK)) {
      server.rules().add("never swim");
      assertThat(server.rules().list()).hasSize(1);

      VaultFolder.erase(home); // another process: forget --all

      assertThatThrownBy(() -> server.rules().list())
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("was deleted while this process had it open")
          .hasMessageContaining("nothing was changed");
      assertThatThrownBy(() -> server.rules().add("never run")).isInstanceOf(UnavailableException.class);
      assertThat(home.resolve(Vault.DATABASE_FILE)).doesNotExist();

      // A new vault made there later is not this one: the old process still stays away from it.
      try (Vault fresh = Vault.open(home, CLOCK)) {
        fresh.rules().add("never fly");
        assertThatThrownBy(() -> server.rules().add("never run"))
            .isInstanceOf(UnavailableException.class)
            .hasMessageContaining("was deleted");
        assertThat(fresh.rules().list()).extracting(r -> r.text()).containsExactly("never fly");
      }
    }
    assertThat(Files.exists(home.resolve(Vault.DATABASE_FILE))).isTrue();
  }

  @Test
  void aVaultReplacedUnderAnOpenVault_isRefused(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
    try (Vault other = Vault.open(elsewhere, CLOCK)) {
      other.rules().add("never fly");
    }
    try (Vault server = Vault.open(home, CLOCK)) {
      server.rules().add("never swim");
      Files.move(elsewhere.resolve(Vault.DATABASE_FILE), home.resolve(Vault.DATABASE_FILE),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      assertThatThrownBy(() -> server.rules().list())
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("was replaced by another file");
    }
  }
}
