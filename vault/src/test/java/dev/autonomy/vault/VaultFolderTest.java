package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultFolderTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void open_marksTheFolder_andEraseDeletesOnlyWhatTheVaultOwns(@TempDir Path home) throws Exception {
    Files.writeString(home.resolve("notes.txt"), "mine");
    Files.createDirectories(home.resolve("models").resolve("text"));
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
    }
    Files.writeString(home.resolve("models").resolve("text").resolve("m.json"), "{}");
    assertThat(home.resolve(VaultFolder.MARKER)).exists();
    assertThat(VaultFolder.isVault(home)).isTrue();

    VaultFolder.Erased erased = VaultFolder.erase(home);

    assertThat(erased.deleted()).extracting(p -> p.getFileName().toString())
        .contains(Vault.DATABASE_FILE, VaultFolder.MARKER, "m.json", "models");
    assertThat(erased.leftAlone()).containsExactly(home.resolve("notes.txt"));
    assertThat(home.resolve("notes.txt")).hasContent("mine");
    assertThat(VaultFolder.isVault(home)).isFalse();
  }

  @Test
  void erase_refusesAFolderWithoutAVault(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".bashrc"), "alias ll='ls -l'");
    Files.createDirectories(dir.resolve("maps"));
    Files.writeString(dir.resolve("maps").resolve("trip.osm"), "<osm/>");

    assertThatThrownBy(() -> VaultFolder.erase(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not an Autonomy vault")
        .hasMessageContaining("nothing deleted");
    assertThat(dir.resolve(".bashrc")).exists();
    assertThat(dir.resolve("maps").resolve("trip.osm")).exists();
  }

  @Test
  void erase_refusesAFileNamedLikeTheDatabaseThatSqliteDidNotWrite(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(Vault.DATABASE_FILE), "my own notes, not a database");

    assertThatThrownBy(() -> VaultFolder.erase(dir)).isInstanceOf(InvalidInputException.class);
    assertThat(dir.resolve(Vault.DATABASE_FILE)).exists();
  }

  @Test
  void aVaultMadeBeforeTheMarker_isStillRecognised(@TempDir Path home) throws Exception {
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
    }
    Files.delete(home.resolve(VaultFolder.MARKER));

    assertThat(VaultFolder.isVault(home)).isTrue();
    assertThat(VaultFolder.erase(home).deleted()).isNotEmpty();
    assertThat(home).isEmptyDirectory();
  }

  @Test
  void erase_deletesALinkInsideTheVault_neverWhatItPointsTo(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
    Files.writeString(elsewhere.resolve("precious.txt"), "keep");
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
    }
    Files.createSymbolicLink(home.resolve("maps"), elsewhere);

    VaultFolder.erase(home);

    assertThat(elsewhere.resolve("precious.txt")).hasContent("keep");
    assertThat(home.resolve("maps")).doesNotExist();
  }

  @Test
  void erase_ofAMissingFolder_deletesNothing(@TempDir Path dir) {
    assertThat(VaultFolder.erase(dir.resolve("absent")).deleted()).isEmpty();
  }
}
