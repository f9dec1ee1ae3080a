package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Encryption at rest of a vault: whether a vault is encrypted, the key that opens it, and the two
 * changes a person makes ({@code autonomy passphrase set} encrypts a clear vault, {@code autonomy
 * passphrase change} re-keys an encrypted one).
 *
 * <p>Both changes work on a copy and swap it in, so a crash at any point leaves a vault that opens:
 * with the database held exclusively (no other process reads or writes meanwhile; one that has it
 * open makes the change refuse, nothing changed), the write-ahead log is folded into the database,
 * the file is copied to {@value #REKEYING}, the copy is re-encrypted ({@code PRAGMA rekey}) and
 * checked (integrity, and every table's row count equal to the original's), the new key file is
 * written as {@code vault.db.crypt.next}, and then the copy replaces {@code vault.db} and the new
 * key file replaces the old one, each in one rename. Killed before the first rename: the old vault
 * is there as it was. Killed between the two: the next open with the new passphrase finds the
 * pending key file, sees the database opens with it, and finishes the swap.
 */
public final class VaultCrypt {
  /** The re-encrypted copy while a change is under way (deleted by the next change, and by forget --all). */
  static final String REKEYING = Vault.DATABASE_FILE + ".rekeying";
  static final String PENDING_SUFFIX = ".next";
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private VaultCrypt() {}

  /** What a database file is. */
  enum State {
    /** Absent or empty: a vault not made yet. */
    NEW,
    /** A clear SQLite database. */
    CLEAR,
    /** An encrypted database with its key file beside it. */
    ENCRYPTED
  }

  /**
   * Whether the vault in {@code home} is encrypted, and how.
   *
   * @param cipher the cipher of its pages ("none" when clear)
   * @param kdf the key derivation's settings (empty when clear)
   */
  public record Status(Path home, boolean encrypted, String cipher, Optional<Argon2id> kdf) {
    public Status {
      Objects.requireNonNull(home, "home");
      Objects.requireNonNull(cipher, "cipher");
      Objects.requireNonNull(kdf, "kdf");
    }
  }

  /**
   * How the vault in {@code home} is kept.
   *
   * @throws InvalidInputException when there is no vault there
   */
  public static Status status(Path home) {
    Path database = requireVault(home);
    return switch (state(database)) {
      case NEW -> throw new InvalidInputException("no vault in " + home + " yet (its database is empty)");
      case CLEAR -> new Status(home, false, "none", Optional.empty());
      case ENCRYPTED -> {
        KeyFile file = KeyFile.read(KeyFile.beside(database));
        yield new Status(home, true, file.cipher() + " (SQLite3 Multiple Ciphers, every page)", Optional.of(file.settings()));
      }
    };
  }

  /**
   * Encrypts the clear vault in {@code home} with a key derived from {@code next}.
   *
   * @throws InvalidInputException when there is no vault, it is encrypted already, or the passphrase is too short
   * @throws UnavailableException when another process has the vault open
   */
  public static Status encrypt(Path home, Passphrase next) {
    return encrypt(home, next, Argon2id.DEFAULT);
  }

  static Status encrypt(Path home, Passphrase next, Argon2id settings) {
    Path database = requireVault(home);
    next.requireNewEnough();
    switch (state(database)) {
      case NEW -> throw new InvalidInputException("no vault in " + home + " yet; a new vault is encrypted when it is made"
          + " with a passphrase (AUTONOMY_PASSPHRASE, or typed when asked)");
      case ENCRYPTED -> throw new InvalidInputException("the vault in " + home + " is encrypted already; 'autonomy"
          + " passphrase change' changes its passphrase; nothing was changed");
      case CLEAR -> swap(home, Optional.empty(), next, settings);
    }
    return status(home);
  }

  /**
   * Re-keys the encrypted vault in {@code home}: {@code current} must open it; afterwards only
   * {@code next} does.
   *
   * @throws InvalidInputException when there is no vault, it is clear, or {@code current} is wrong
   * @throws UnavailableException when another process has the vault open
   */
  public static Status rekey(Path home, Passphrase current, Passphrase next) {
    return rekey(home, current, next, Argon2id.DEFAULT);
  }

  static Status rekey(Path home, Passphrase current, Passphrase next, Argon2id settings) {
    Path database = requireVault(home);
    next.requireNewEnough();
    if (state(database) != State.ENCRYPTED) {
      throw new InvalidInputException("the vault in " + home + " is not encrypted; 'autonomy passphrase set' encrypts it;"
          + " nothing was changed");
    }
    VaultKey old = unlock(home, database, PassphraseSource.of(current));
    swap(home, Optional.of(old), next, settings);
    return status(home);
  }

  private static Path requireVault(Path home) {
    Objects.requireNonNull(home, "home");
    Path database = home.resolve(Vault.DATABASE_FILE);
    if (!VaultFolder.isVault(home) || !Files.isRegularFile(database, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException("no vault in " + home + "; nothing was changed");
    }
    return database;
  }

  /**
   * What the file {@code database} is.
   *
   * @throws VaultException when it is neither empty, SQLite's, nor encrypted with a key file beside it
   */
  static State state(Path database) {
    if (!Files.exists(database, LinkOption.NOFOLLOW_LINKS)) {
      return State.NEW;
    }
    byte[] first;
    try (InputStream in = Files.newInputStream(database)) {
      first = in.readNBytes(SQLITE_HEADER.length);
    } catch (IOException e) {
      throw new VaultException("cannot read " + database + ": " + e.getMessage(), e);
    }
    if (first.length == 0) {
      return State.NEW;
    }
    if (Arrays.equals(first, SQLITE_HEADER)) {
      return State.CLEAR;
    }
    if (KeyFile.exists(KeyFile.beside(database))) {
      return State.ENCRYPTED;
    }
    // Damaged, or an encrypted file whose key file is gone: not the person's input, so our failure.
    throw new VaultException(database + " is damaged: it is not an SQLite database, and no key file "
        + KeyFile.beside(database).getFileName() + " beside it says it is an encrypted one (if it is, put its key file"
        + " back beside it; else restore a backup); nothing was changed");
  }

  /**
   * The key that opens the vault database in {@code home}: empty for a clear one; for a new one, a
   * new key when {@code source} gives a passphrase (its key file written first), else empty (the
   * vault stays clear). A wrong passphrase changes nothing on disk.
   */
  static Optional<VaultKey> opening(Path home, PassphraseSource source, Argon2id settings) {
    Path database = home.resolve(Vault.DATABASE_FILE);
    switch (state(database)) {
      case CLEAR:
        return Optional.empty();
      case ENCRYPTED:
        return Optional.of(unlock(home, database, source));
      default:
        Optional<Passphrase> chosen = source.choose(home);
        if (chosen.isEmpty()) {
          return Optional.empty();
        }
        VaultKey.Made made = VaultKey.make(chosen.get().requireNewEnough(), settings, new SecureRandom());
        try {
          made.file().write(KeyFile.beside(database));
        } catch (IOException e) {
          throw new VaultException("cannot write the key file beside " + database + ": " + e.getMessage(), e);
        }
        return Optional.of(made.key());
    }
  }

  /**
   * The key that opens the encrypted {@code database}: derived from the passphrase {@code source}
   * gives, checked against the key file before SQLite reads a byte. Finishes a change that was
   * killed between its two renames (see the class comment).
   */
  static VaultKey unlock(Path home, Path database, PassphraseSource source) {
    Passphrase passphrase = source.unlock(home).orElseThrow(() -> new InvalidInputException("the vault " + database
        + " is encrypted and no passphrase was given: set AUTONOMY_PASSPHRASE, or run the command on a terminal to be"
        + " asked; nothing was read or changed"));
    Path keyFile = KeyFile.beside(database);
    Path pending = pending(keyFile);
    if (KeyFile.exists(pending)) {
      Optional<VaultKey> next = VaultKey.derive(passphrase, KeyFile.read(pending));
      if (next.isPresent() && opensWith(database, next.get())) {
        try {
          move(pending, keyFile);
        } catch (IOException e) {
          throw new VaultException("cannot finish the change of passphrase of " + database + " (" + e.getMessage()
              + "); run the command again", e);
        }
        return next.get();
      }
      VaultKey current = VaultKey.unlock(passphrase, KeyFile.read(keyFile), database);
      if (!opensWith(database, current)) {
        throw new InvalidInputException("the passphrase of the vault " + database + " was being changed when that was"
            + " stopped, after the database was re-encrypted: the new passphrase opens it (and finishes the change);"
            + " nothing was changed");
      }
      return current;
    }
    return VaultKey.unlock(passphrase, KeyFile.read(keyFile), database);
  }

  /** SQLite's settings for a database with {@code key} (clear without). */
  static SQLiteConfig sqliteConfig(Optional<VaultKey> key) {
    return key.map(VaultKey::sqliteConfig).orElseGet(SQLiteConfig::new);
  }

  private static boolean opensWith(Path database, VaultKey key) {
    SQLiteConfig config = key.sqliteConfig();
    config.setReadOnly(true);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  private static Path pending(Path keyFile) {
    return keyFile.resolveSibling(keyFile.getFileName() + PENDING_SUFFIX);
  }

  /** Re-encrypts the vault database under a key from {@code next}, on a copy swapped in (see the class comment). */
  private static void swap(Path home, Optional<VaultKey> current, Passphrase next, Argon2id settings) {
    Path database = home.resolve(Vault.DATABASE_FILE);
    Path copy = home.resolve(REKEYING);
    Path keyFile = KeyFile.beside(database);
    Path pending = pending(keyFile);
    VaultKey.Made made = VaultKey.make(next, settings, new SecureRandom());
    SQLiteConfig config = sqliteConfig(current);
    try (Connection held = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
        Statement st = held.createStatement()) {
      // Held until the swap is done: no other connection reads or writes the old file meanwhile.
      st.execute("PRAGMA locking_mode = EXCLUSIVE");
      String mode = text(st, "PRAGMA journal_mode = DELETE");
      if (!"delete".equalsIgnoreCase(mode)) {
        throw inUse(database);
      }
      st.execute("BEGIN EXCLUSIVE");
      Map<String, Long> counts = counts(st);
      Files.deleteIfExists(copy);
      Files.deleteIfExists(pending);
      copyOwnerOnly(database, copy);
      reencrypt(copy, config, current.isEmpty(), made.key());
      verify(copy, made.key(), counts);
      made.file().write(pending);
      for (String side : List.of("-wal", "-shm", "-journal")) {
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + side));
      }
      move(copy, database);
      move(pending, keyFile);
      st.execute("ROLLBACK");
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6) {
        throw inUse(database);
      }
      throw new VaultException("cannot re-encrypt the vault " + database + ": " + e.getMessage()
          + "; the vault was left as it was", e);
    } catch (IOException e) {
      throw new VaultException("cannot re-encrypt the vault " + database + ": " + e.getMessage()
          + "; the vault was left as it was", e);
    } finally {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException e) {
        // Deleted by the next change, or by forget --all.
      }
    }
  }

  private static UnavailableException inUse(Path database) {
    return new UnavailableException("another process has the vault " + database + " open ('autonomy serve', or an"
        + " import): stop it and run this again; nothing was changed");
  }

  private static void copyOwnerOnly(Path from, Path to) throws IOException {
    if (Files.getFileStore(to.getParent()).supportsFileAttributeView("posix")) {
      Files.createFile(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
      long size = in.size();
      long done = 0;
      while (done < size) {
        done += in.transferTo(done, size - done, out);
      }
      out.force(true);
    }
  }

  private static void reencrypt(Path copy, SQLiteConfig current, boolean clear, VaultKey next) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy, current.toProperties());
        Statement st = c.createStatement()) {
      if (clear) {
        st.execute("PRAGMA cipher = 'chacha20'");
      }
      st.execute(next.rekeyPragma());
    }
    try (FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
      out.force(true);
    }
  }

  private static void verify(Path copy, VaultKey key, Map<String, Long> expected) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy, key.sqliteConfig().toProperties());
        Statement st = c.createStatement()) {
      String integrity = text(st, "PRAGMA integrity_check");
      Map<String, Long> counts = counts(st);
      if (!"ok".equals(integrity) || !counts.equals(expected)) {
        throw new SQLException("the re-encrypted copy did not check out (integrity: " + integrity + "; rows "
            + counts + " against " + expected + ")");
      }
    }
  }

  /** Every table's row count. */
  private static Map<String, Long> counts(Statement st) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
        counts.put(table, rs.getLong(1));
      }
    }
    return counts;
  }

  private static String text(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  /** Renames {@code from} over {@code to} in one step where the file system can. */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
