package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The folder a vault lives in, and what in it belongs to the vault.
 *
 * <p>A vault's folder may be one the person also uses for other things (they can point
 * {@code --home} anywhere), so erasing a vault must delete only what Autonomy created there: the
 * entries in {@link #OWNED} and the marker file that says the folder holds a vault. A folder with
 * neither the marker nor a vault database is not a vault, and erasing it is refused.
 */
public final class VaultFolder {
  /** The file that marks a folder as holding a vault; it lists the vault's own entries. */
  public static final String MARKER = ".autonomy-vault";

  /**
   * Every entry Autonomy creates in a vault folder (the manifest): the database and SQLite's side
   * files, the key file of an encrypted vault (and what a change of passphrase leaves while under
   * way), trained text models and cached map graphs. Nothing else there is ever deleted.
   */
  public static final List<String> OWNED = List.of(
      Vault.DATABASE_FILE,
      Vault.DATABASE_FILE + "-wal",
      Vault.DATABASE_FILE + "-shm",
      Vault.DATABASE_FILE + "-journal",
      Vault.DATABASE_FILE + KeyFile.SUFFIX,
      Vault.DATABASE_FILE + KeyFile.SUFFIX + ".partial",
      Vault.DATABASE_FILE + KeyFile.SUFFIX + VaultCrypt.PENDING_SUFFIX,
      Vault.DATABASE_FILE + KeyFile.SUFFIX + VaultCrypt.PENDING_SUFFIX + ".partial",
      VaultCrypt.REKEYING,
      "models",
      "maps");

  private static final String MARKER_FIRST_LINE = "Autonomy vault";
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private VaultFolder() {}

  /** What {@link #erase} did: the paths it deleted and the entries it left because they are not the vault's. */
  public record Erased(Path home, List<Path> deleted, List<Path> leftAlone) {
    public Erased {
      Objects.requireNonNull(home, "home");
      deleted = List.copyOf(deleted);
      leftAlone = List.copyOf(leftAlone);
    }
  }

  /**
   * True when {@code home} holds a vault: it has the marker, or (a vault made before the marker
   * existed) a database file that SQLite wrote.
   */
  public static boolean isVault(Path home) {
    Path marker = home.resolve(MARKER);
    if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<String> lines = Files.lines(marker, StandardCharsets.UTF_8)) {
        return lines.findFirst().map(MARKER_FIRST_LINE::equals).orElse(false);
      } catch (IOException | UncheckedIOException e) {
        return false;
      }
    }
    Path db = home.resolve(Vault.DATABASE_FILE);
    if (!Files.isRegularFile(db, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(db)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes the marker into {@code home} unless it is there already. */
  static void mark(Path home, Clock clock) {
    Path marker = home.resolve(MARKER);
    if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String text = MARKER_FIRST_LINE + "\n"
        + "This folder holds an Autonomy vault, created " + clock.instant() + ".\n"
        + "'autonomy forget --all' deletes only these entries here, and this file:\n"
        + String.join("\n", OWNED) + "\n";
    try {
      Files.writeString(marker, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      // Another process marked it first; one marker is all it takes.
    } catch (IOException e) {
      throw new VaultException("cannot write the vault marker " + marker + ": " + e.getMessage(), e);
    }
  }

  /**
   * Erases the vault in {@code home}: deletes the entries it owns, then the marker (last, so an
   * erase cut short can be run again). Everything else in the folder stays. Refuses a folder that is
   * not a vault; a folder that does not exist has nothing to erase. The vault must be closed.
   */
  public static Erased erase(Path home) {
    Objects.requireNonNull(home, "home");
    if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
      return new Erased(home, List.of(), List.of());
    }
    if (!Files.isDirectory(home)) {
      throw new InvalidInputException(home + " is a file, not a vault folder; nothing deleted");
    }
    if (!isVault(home)) {
      throw new InvalidInputException(home + " is not an Autonomy vault (it has neither " + MARKER
          + " nor a " + Vault.DATABASE_FILE + " that SQLite wrote); nothing deleted");
    }
    List<Path> deleted = new ArrayList<>();
    try {
      for (String name : OWNED) {
        deleteTree(home.resolve(name), deleted);
      }
      deleteTree(home.resolve(MARKER), deleted);
      List<Path> left;
      try (Stream<Path> rest = Files.list(home)) {
        left = rest.sorted().toList();
      }
      return new Erased(home, deleted, left);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete in " + home + " (deleted " + deleted.size()
          + " entries so far; run forget --all again): " + e.getMessage(), e);
    }
  }

  /** Deletes {@code path} and, for a real folder, everything under it; a symbolic link is deleted, never followed. */
  private static void deleteTree(Path path, List<Path> deleted) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
          deleted.add(p);
        } catch (NoSuchFileException e) {
          // Gone already (SQLite removes its side files on close).
        }
      }
    }
  }
}
