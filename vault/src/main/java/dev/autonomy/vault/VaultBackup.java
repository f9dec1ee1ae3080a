package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of a vault's database while it may be in use ({@code autonomy backup FILE}).
 * SQLite's {@code VACUUM INTO} reads one snapshot of the database (what other processes commit
 * meanwhile is not half in it) and writes a compact copy without the deleted pages' old contents.
 * The copy is written to a hidden file beside the target, checked ({@link VaultCheck}) and only then
 * put in place in one step that fails if the target appeared meanwhile ({@link #place}), so the
 * target is either absent or a sound vault database, and a file that was there is never replaced:
 * put it in a folder as {@value Vault#DATABASE_FILE} (an encrypted vault's copy with its key file,
 * {@code FILE.crypt}, as {@code vault.db.crypt}) and it opens as a vault. A backup killed
 * half-way leaves its hidden copy; the next backup to the same target deletes it first (it holds
 * personal data nobody asked to keep).
 */
public final class VaultBackup {
  private static final String PARTIAL = ".partial";

  private VaultBackup() {}

  /**
   * Copies the clear vault in {@code home} to {@code target}, a file that must not exist yet, and
   * returns the check of the copy.
   *
   * @throws InvalidInputException when there is no vault in {@code home}, it is encrypted, or {@code target} exists
   */
  public static VaultCheck.Report backup(Path home, Path target) {
    return backup(home, target, PassphraseSource.none());
  }

  /**
   * Copies the vault in {@code home} to {@code target}, a file that must not exist yet, and returns
   * the check of the copy. The copy of an encrypted vault is encrypted with the same key, and its
   * key file is written beside it as {@code target.crypt} (both are needed to restore it).
   *
   * @throws InvalidInputException when there is no vault in {@code home}, {@code target} (or its key
   *     file) exists, or the vault is encrypted and the passphrase is missing or wrong
   */
  public static VaultCheck.Report backup(Path home, Path target, PassphraseSource passphrases) {
    Objects.requireNonNull(home, "home");
    Path to = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    Path from = home.resolve(Vault.DATABASE_FILE);
    if (!VaultFolder.isVault(home) || !Files.isRegularFile(from)) {
      throw new InvalidInputException("no vault in " + home + "; nothing written");
    }
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(to + " exists; give a file name that is not taken (a backup never overwrites); nothing written");
    }
    Optional<VaultKey> key = VaultCrypt.state(from) == VaultCrypt.State.ENCRYPTED
        ? Optional.of(VaultCrypt.unlock(home, from, passphrases))
        : Optional.empty();
    Path keyFile = KeyFile.beside(to);
    if (key.isPresent() && Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(keyFile + " exists; give a backup name whose key file name is not taken either;"
          + " nothing written");
    }
    Path partial = null;
    boolean keyFileWritten = false;
    try {
      Files.createDirectories(to.getParent());
      deleteLeftovers(to);
      // Owner-only from the start: the copy holds everything the vault does.
      partial = Files.createTempFile(to.getParent(), leftoverPrefix(to), PARTIAL);
      copy(from, partial, key);
      VaultCheck.Report report = VaultCheck.check(partial, key);
      if (!report.clean()) {
        throw new VaultException("the copy of " + from + " is not sound (" + String.join("; ", report.problems())
            + "); nothing written to " + to + "; run 'autonomy check'");
      }
      if (key.isPresent()) {
        // The key file first: a backup in place without it could not be opened.
        Files.copy(KeyFile.beside(from), keyFile);
        keyFileWritten = true;
      }
      place(partial, to);
      partial = null;
      keyFileWritten = false;
      return new VaultCheck.Report(to, report.schemaVersion(), report.knownSchemaVersion(), report.signals(), report.problems());
    } catch (IOException e) {
      throw new VaultException("cannot write the backup " + to + ": " + e.getMessage() + "; nothing written", e);
    } finally {
      try {
        if (partial != null) {
          Files.deleteIfExists(partial);
        }
        if (keyFileWritten) {
          Files.deleteIfExists(keyFile);
        }
      } catch (IOException e) {
        // Best effort: the hidden partial copy is named after the target.
      }
    }
  }

  /** The prefix and suffix of the hidden copy beside {@code to}; a unique part goes between. */
  private static String leftoverPrefix(Path to) {
    return "." + to.getFileName() + ".";
  }

  /** Deletes hidden copies a backup to {@code to} killed half-way left beside it. */
  private static void deleteLeftovers(Path to) throws IOException {
    try (DirectoryStream<Path> left = Files.newDirectoryStream(to.getParent(),
        p -> p.getFileName().toString().startsWith(leftoverPrefix(to)) && p.getFileName().toString().endsWith(PARTIAL)
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
      for (Path p : left) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Puts the checked copy {@code partial} at {@code to} in one step that fails when {@code to}
   * exists, even if it appeared after {@link #backup} looked: a hard link (which never replaces),
   * then the hidden name goes. Where the file system has no hard links, a rename after one more
   * look (a rename would replace a file that appeared in between, so that window stays there).
   *
   * @throws InvalidInputException when {@code to} exists; {@code partial} is left for the caller to delete
   */
  static void place(Path partial, Path to) throws IOException {
    try {
      Files.createLink(to, partial);
    } catch (FileAlreadyExistsException e) {
      throw new InvalidInputException(to + " appeared while the backup was written; it was left as it is and"
          + " nothing was written; give a file name that is not taken");
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        throw new InvalidInputException(to + " appeared while the backup was written; it was left as it is and"
            + " nothing was written; give a file name that is not taken", e);
      }
      Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Files.delete(partial);
  }

  /** VACUUM INTO: with SQLite3 Multiple Ciphers the copy of an encrypted database is encrypted with its key. */
  private static void copy(Path from, Path to, Optional<VaultKey> key) {
    SQLiteConfig config = VaultCrypt.sqliteConfig(key);
    config.setReadOnly(true);
    config.setBusyTimeout(Vault.BUSY_TIMEOUT_MS);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + from, config.toProperties());
        PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
      st.setString(1, to.toString());
      st.execute();
    } catch (SQLException e) {
      throw new VaultException("cannot copy the vault " + from + ": " + e.getMessage() + "; nothing written", e);
    }
  }
}
