package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault is readable by the person only: a new one is created so, an old one is tightened. */
class OwnerOnlyTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void aNewVaultsFolderDatabaseAndWriteAheadLogAreOwnerOnly() throws Exception {
    Path home = dir.resolve("home");
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
      assertThat(mode(home)).isEqualTo("rwx------");
      assertThat(mode(home.resolve(Vault.DATABASE_FILE))).isEqualTo("rw-------");
      assertThat(home.resolve(Vault.DATABASE_FILE + "-wal")).exists();
      assertThat(mode(home.resolve(Vault.DATABASE_FILE + "-wal"))).isEqualTo("rw-------");
    }
  }

  @Test
  void anOldVaultReadableByOthersIsTightenedWhenOpened() throws Exception {
    Path home = dir.resolve("old");
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
    }
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(home.resolve(Vault.DATABASE_FILE), PosixFilePermissions.fromString("rw-r--r--"));
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.rules().list()).hasSize(1);
    }
    assertThat(mode(home)).isEqualTo("rwx------");
    assertThat(mode(home.resolve(Vault.DATABASE_FILE))).isEqualTo("rw-------");
  }

  @Test
  void aFolderThePersonNamedThatIsNotAVaultKeepsItsOwnMode() throws Exception {
    Path theirs = Files.createDirectory(dir.resolve("documents"));
    Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(theirs.resolve("notes.txt"), "mine");
    try (Vault vault = Vault.open(theirs, CLOCK)) {
      assertThat(mode(theirs)).isEqualTo("rwxr-xr-x");
      assertThat(mode(theirs.resolve(Vault.DATABASE_FILE))).isEqualTo("rw-------");
    }
  }
}
