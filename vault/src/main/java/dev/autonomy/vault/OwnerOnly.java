package dev.autonomy.vault;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keeps the person's vault readable by the person only, where the file system has POSIX
 * permissions: the vault folder 0700 (so nothing inside can be reached by another account,
 * whatever its own mode), the database and SQLite's side files 0600. SQLite creates its
 * write-ahead log and shared-memory files with the database file's mode, so creating the database
 * owner-only is what keeps them so. On other file systems this does nothing.
 */
final class OwnerOnly {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /**
   * Creates {@code home} owner-only when it is absent; tightens it when it already holds a vault
   * (a folder the person named that is not a vault keeps its mode: it may be theirs for other things).
   */
  static void folder(Path home) throws IOException {
    boolean existed = Files.exists(home);
    Files.createDirectories(home);
    if (POSIX && (!existed || VaultFolder.isVault(home) || Files.exists(home.resolve(Vault.DATABASE_FILE)))) {
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Creates the empty database file owner-only when absent (SQLite takes an empty file as a new database), and tightens the vault's files. */
  static void databaseFiles(Path database) throws IOException {
    if (!POSIX) {
      return;
    }
    if (!Files.exists(database)) {
      Files.createFile(database, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Path file = database.resolveSibling(database.getFileName() + suffix);
      if (Files.exists(file)) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    }
  }
}
