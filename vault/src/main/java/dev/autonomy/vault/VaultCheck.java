package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.signal.SignalBounds;
import dev.autonomy.core.signal.SignalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * Verifies a vault's database without changing it ({@code autonomy check}): SQLite's integrity
 * check (every page, index and constraint), the schema version, references between tables, and the
 * value domains no stored row may leave ({@link SignalBounds} for signals; outcomes and ratings for
 * feedback; propensities for what was shown). Works on a vault folder or on a database file alone
 * (a backup).
 */
public final class VaultCheck {
  /** Problems of one kind listed at most, so a badly damaged file gives a readable report. */
  private static final int MAX_LISTED = 20;

  private VaultCheck() {}

  /**
   * What a check found: the file checked, its schema version (and the newest this Autonomy knows),
   * how many signals it holds, and every problem (none: the vault is sound).
   */
  public record Report(Path file, int schemaVersion, int knownSchemaVersion, long signals, List<String> problems) {
    public Report {
      Objects.requireNonNull(file, "file");
      problems = List.copyOf(problems);
    }

    public boolean clean() {
      return problems.isEmpty();
    }
  }

  /**
   * Checks the clear vault in {@code path}: a vault folder, or a database file. Opens it read-only.
   *
   * @throws InvalidInputException when there is no such folder or file, or it is encrypted
   */
  public static Report check(Path path) {
    return check(path, PassphraseSource.none());
  }

  /**
   * Checks the vault in {@code path}: a vault folder, or a database file (an encrypted one with its
   * key file beside it, opened with the passphrase {@code passphrases} gives). Opens it read-only.
   *
   * @throws InvalidInputException when there is no such folder or file, or it is encrypted and the
   *     passphrase is missing or wrong
   */
  public static Report check(Path path, PassphraseSource passphrases) {
    Path file = Files.isDirectory(Objects.requireNonNull(path, "path")) ? path.resolve(Vault.DATABASE_FILE) : path;
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("no vault at " + path + " (no " + file.getFileName() + " there); nothing to check");
    }
    int known = Migrations.STEPS.size();
    VaultCrypt.State state;
    try {
      state = VaultCrypt.state(file);
    } catch (VaultException e) {
      return new Report(file, 0, known, 0, List.of("not an SQLite database (its first bytes are not SQLite's header),"
          + " and no key file " + KeyFile.beside(file).getFileName() + " beside it says it is an encrypted one"));
    }
    Optional<VaultKey> key = state == VaultCrypt.State.ENCRYPTED
        ? Optional.of(VaultCrypt.unlock(file.getParent(), file, passphrases))
        : Optional.empty();
    return check(file, key);
  }

  /** Checks the database {@code file}, opened with {@code key} (clear without). */
  static Report check(Path file, Optional<VaultKey> key) {
    int known = Migrations.STEPS.size();
    SQLiteConfig config = VaultCrypt.sqliteConfig(key);
    config.setReadOnly(true);
    config.setBusyTimeout(Vault.BUSY_TIMEOUT_MS);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        Statement st = c.createStatement()) {
      return check(file, st);
    } catch (SQLException e) {
      // SQLITE_CORRUPT (11) or SQLITE_NOTADB (26): SQLite could not even walk the file to check it.
      int primary = e.getErrorCode() & 0xff;
      String why = primary == 11 || primary == 26 ? "damaged: " : "cannot be read: ";
      return new Report(file, 0, known, 0, List.of(why + e.getMessage()));
    }
  }

  private static Report check(Path file, Statement st) throws SQLException {
    int known = Migrations.STEPS.size();
    List<String> problems = new ArrayList<>();
    List<String> integrity = strings(st, "PRAGMA integrity_check(" + MAX_LISTED + ")");
    if (!integrity.equals(List.of("ok"))) {
      integrity.forEach(p -> problems.add("damaged: " + p));
    }
    int version = (int) number(st, "PRAGMA user_version");
    if (version > known) {
      problems.add("schema version " + version + " is newer than this Autonomy knows (" + known + "); use a newer Autonomy");
    } else if (version == 0) {
      problems.add("schema version 0: not an Autonomy vault, or one never opened");
    }
    if (!problems.isEmpty()) {
      return new Report(file, version, known, 0, problems);
    }
    List<String> orphans = strings(st, "SELECT DISTINCT \"table\" || ' -> ' || parent FROM pragma_foreign_key_check");
    orphans.forEach(o -> problems.add("rows of " + o.replace(" -> ", " refer to missing rows of ")));
    long signals = number(st, "SELECT COUNT(*) FROM signals");
    String negatives = Arrays.stream(SignalKind.values())
        .filter(SignalBounds::canBeNegative)
        .map(k -> "'" + k.code() + "'").collect(Collectors.joining(","));
    String kinds = Arrays.stream(SignalKind.values()).map(k -> "'" + k.code() + "'").collect(Collectors.joining(","));
    domain(st, problems, "signals", "of an unknown kind", "kind NOT IN (" + kinds + ")");
    domain(st, problems, "signals", "dated before " + SignalBounds.EARLIEST.toString().substring(0, 10),
        "start_ms < " + SignalBounds.EARLIEST.toEpochMilli());
    domain(st, problems, "signals", "dated after " + SignalBounds.LATEST.toString().substring(0, 10),
        "end_ms > " + SignalBounds.LATEST.toEpochMilli());
    domain(st, problems, "signals", "ending before they start", "end_ms < start_ms");
    domain(st, problems, "signals", "lasting more than " + SignalBounds.LONGEST.toDays() + " days",
        "end_ms - start_ms > " + SignalBounds.LONGEST.toMillis());
    domain(st, problems, "signals", "with a value that is not a number or beyond " + SignalBounds.LARGEST,
        "typeof(value) <> 'real' AND typeof(value) <> 'integer' OR abs(value) > " + SignalBounds.LARGEST);
    domain(st, problems, "signals", "negative where their kind cannot be", "value < 0 AND kind NOT IN (" + negatives + ")");
    String outcomes = Arrays.stream(Outcome.values()).map(o -> "'" + o.name() + "'").collect(Collectors.joining(","));
    domain(st, problems, "feedback", "with an unknown outcome", "outcome NOT IN (" + outcomes + ")");
    domain(st, problems, "feedback", "with a rating outside 1..5", "rating IS NOT NULL AND rating NOT BETWEEN 1 AND 5");
    domain(st, problems, "recommendations", "with a propensity outside [0, 1]", "NOT (propensity >= 0 AND propensity <= 1)");
    return new Report(file, version, known, signals, problems);
  }

  /** Adds a problem when rows of {@code table} match {@code where}, with how many and the first id. */
  private static void domain(Statement st, List<String> problems, String table, String what, String where) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(id) FROM " + table + " WHERE " + where)) {
      long n = rs.getLong(1);
      if (n > 0) {
        problems.add(table + ": " + n + (n == 1 ? " row " : " rows ") + what + " (first id " + rs.getString(2) + ")");
      }
    }
  }

  private static List<String> strings(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static long number(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }
}
