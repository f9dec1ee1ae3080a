package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, fault 8: {@code autonomy backup FILE} never leaves a partial FILE, never replaces a file
 * that is there, and a run killed half-way leaves no hidden copy of personal data behind for good.
 */
class VaultBackupTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private Path vaultWithARule() {
    Path home = dir.resolve("home");
    try (Vault vault = Vault.open(home, CLOCK)) {
      vault.rules().add("never swim");
    }
    return home;
  }

  private static long hiddenCopies(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".partial")).count();
    }
  }

  @Test
  void aBackupKilledHalfWay_leavesItsHiddenCopy_whichTheNextBackupDeletes() throws Exception {
    Path home = vaultWithARule();
    Path backups = Files.createDirectories(dir.resolve("backups"));
    Path target = backups.resolve("vault-copy.db");
    // what kill -9 during VACUUM INTO leaves: a hidden partial copy beside the target, no target
    Files.write(backups.resolve(".vault-copy.db.123456789.partial"), new byte[] {'S', 'Q', 'L'});
    Path other = Files.write(backups.resolve(".notes.txt.1.partial"), new byte[] {1});

    VaultBackup.backup(home, target);

    assertThat(VaultCheck.check(target).clean()).isTrue();
    assertThat(hiddenCopies(backups)).as("only another file's hidden copy stays").isEqualTo(1);
    assertThat(other).exists();
  }

  @Test
  void aTargetThatAppearsWhileTheCopyIsWritten_isNeverReplaced() throws Exception {
    Path home = vaultWithARule();
    Path target = dir.resolve("vault-copy.db");
    Path partial = dir.resolve(".vault-copy.db.1.partial");
    VaultBackup.backup(home, partial.resolveSibling("checked.db"));
    Files.move(dir.resolve("checked.db"), partial);
    Files.writeString(target, "the person's own file");

    assertThatThrownBy(() -> VaultBackup.place(partial, target)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("appeared while the backup was written; it was left as it is");
    assertThat(Files.readString(target)).isEqualTo("the person's own file");
  }

  @Test
  void aTargetThatExists_isRefusedBeforeAnythingIsWritten() throws Exception {
    Path home = vaultWithARule();
    Path target = Files.writeString(dir.resolve("vault-copy.db"), "keep me");

    assertThatThrownBy(() -> VaultBackup.backup(home, target)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a backup never overwrites");
    assertThat(Files.readString(target)).isEqualTo("keep me");
    assertThat(hiddenCopies(dir)).isZero();
  }
}
