package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of a vault's database while it may be in use ({@code autonomy backup FILE}).
 * SQLite's {@code VACUUM INTO} reads one snapshot of the database (what other processes commit
 * meanwhile is not half in it) and writes a compact copy without the deleted pages' old contents.
 * The copy is written to a hidden file beside the target, checked ({@link VaultCheck}) and only then
 * moved into place in one step, so the target is either absent or a sound vault database: put it in
 * a folder as {@value Vault#DATABASE_FILE} and it opens as a vault.
 */
public final class VaultBackup {
  private VaultBackup() {}

  /**
   * Copies the vault in {@code home} to {@code target}, a file that must not exist yet, and returns
   * the check of the copy.
   *
   * @throws InvalidInputException when there is no vault in {@code home}, or {@code target} exists
   */
  public static VaultCheck.Report backup(Path home, Path target) {
    Objects.requireNonNull(home, "home");
    Path to = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    Path from = home.resolve(Vault.DATABASE_FILE);
    if (!VaultFolder.isVault(home) || !Files.isRegularFile(from)) {
      throw new InvalidInputException("no vault in " + home + "; nothing written");
    }
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(to + " exists; give a file name that is not taken (a backup never overwrites); nothing written");
    }
    Path partial = null;
    try {
      Files.createDirectories(to.getParent());
      // Owner-only from the start: the copy holds everything the vault does.
      partial = Files.createTempFile(to.getParent(), "." + to.getFileName() + ".", ".partial");
      copy(from, partial);
      VaultCheck.Report report = VaultCheck.check(partial);
      if (!report.clean()) {
        throw new VaultException("the copy of " + from + " is not sound (" + String.join("; ", report.problems())
            + "); nothing written to " + to + "; run 'autonomy check'");
      }
      Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
      partial = null;
      return new VaultCheck.Report(to, report.schemaVersion(), report.knownSchemaVersion(), report.signals(), report.problems());
    } catch (IOException e) {
      throw new VaultException("cannot write the backup " + to + ": " + e.getMessage() + "; nothing written", e);
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // Best effort: the hidden partial copy is named after the target.
        }
      }
    }
  }

  private static void copy(Path from, Path to) {
    SQLiteConfig config = new SQLiteConfig();
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
