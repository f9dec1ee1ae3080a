package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.UnavailableException;
import dev.autonomy.core.data.Sealing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * One person's vault: a folder holding an embedded SQLite database ({@code vault.db}, WAL mode,
 * secure delete) with a versioned schema, clear or encrypted at rest ({@link VaultCrypt}). All reads
 * and writes go through here, so the engine never knows which.
 *
 * <p>Not thread-safe: one vault object per thread of work. Close it to release the file.
 */
public final class Vault implements AutoCloseable {
  public static final String DATABASE_FILE = "vault.db";
  /** Area of the vault's signals and sources, for {@link #generation}. */
  public static final String SIGNALS = "signals";
  /** Area of the person's rules. */
  public static final String RULES = "rules";
  /** Area of the decision log (what was shown). */
  public static final String DECISIONS = "decisions";
  /** Area of the feedback on what was shown. */
  public static final String FEEDBACK = "feedback";
  /** Area of the privacy ledger (what left the machine for a federation). */
  public static final String PRIVACY = "privacy";

  private final Path home;
  private final Connection connection;
  /** How long a write waits for another process that holds the vault before it says so. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private final Clock clock;
  private final WalCheckpointer checkpointer;
  private final SignalStore signals;
  private final DecisionLog decisions;
  private final Documents documents;
  private final RuleBook rules;
  private final PrivacyLedger privacy;
  private final AppGrants apps;
  private final AccessLog accessLog;
  private final SelfChoices selfChoices;
  // The generations as last read, and what they were read at (see refreshGenerations).
  private Map<String, Long> generations;
  private long generationsDataVersion;
  private long generationsLocalWrites;
  private long localWrites;
  // The database file as opened, and why it is no longer there (once set, this vault is done).
  private OpenedFile opened;
  private String gone;
  // How the files beside the database are written: sealed when the vault is encrypted.
  private Sealing sealing = Sealing.CLEAR;

  private Vault(Path home, Connection connection, Clock clock, WalCheckpointer checkpointer) {
    this.home = home;
    this.connection = connection;
    this.clock = clock;
    this.checkpointer = checkpointer;
    this.signals = new SignalStore(this);
    this.decisions = new DecisionLog(this);
    this.documents = new Documents(this);
    this.rules = new RuleBook(this);
    this.privacy = new PrivacyLedger(this);
    this.apps = new AppGrants(this);
    this.accessLog = new AccessLog(this);
    this.selfChoices = new SelfChoices(this);
  }

  /** The page size of a new vault, in bytes. */
  static final int PAGE_SIZE = 16384;

  /**
   * Opens the clear vault in {@code home}, creating the folder and a clear database when absent
   * (see {@link #open(Path, Clock, PassphraseSource)}).
   */
  public static Vault open(Path home, Clock clock) {
    return open(home, clock, PassphraseSource.none());
  }

  /**
   * Opens the vault in {@code home}, creating the folder and the database when absent, owner-only
   * ({@link OwnerOnly}: folder 0700, database 0600; an existing vault is tightened). An encrypted
   * vault needs the passphrase {@code passphrases} gives (checked before anything on disk is read
   * by SQLite or changed); a new vault is encrypted when {@code passphrases} chooses one, and stays
   * clear otherwise ({@link VaultCrypt}).
   *
   * @throws InvalidInputException when the vault is encrypted and the passphrase is missing or wrong
   */
  public static Vault open(Path home, Clock clock, PassphraseSource passphrases) {
    return open(home, clock, passphrases, Argon2id.DEFAULT);
  }

  /** As {@link #open(Path, Clock, PassphraseSource)}, a new vault's key derived with {@code settings}. */
  static Vault open(Path home, Clock clock, PassphraseSource passphrases, Argon2id settings) {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(passphrases, "passphrases");
    Path file = home.resolve(DATABASE_FILE);
    Optional<VaultKey> key;
    if (Files.isDirectory(home)) {
      // An encrypted vault's passphrase is checked before the folder's mode is touched or SQLite opens it.
      key = VaultCrypt.opening(home, passphrases, settings);
      ownerOnlyFolder(home);
    } else {
      ownerOnlyFolder(home);
      key = VaultCrypt.opening(home, passphrases, settings);
    }
    try {
      OwnerOnly.databaseFiles(file);
    } catch (IOException e) {
      throw new InvalidInputException("cannot make the vault's files in " + home + " owner-only: " + e.getMessage(), e);
    }
    SQLiteConfig config = VaultCrypt.sqliteConfig(key);
    // WAL is set below, after the page size: a new database's page size is fixed by its first write.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
      try (Statement st = connection.createStatement()) {
        // A new vault's pages are 16 KB: a logged list (its candidates and recommendations,
        // deflated, 1-2 KB) then shares a page with many others, where 4 KB pages held two and left
        // a fifth unused. An existing vault keeps its page size (changing it needs a VACUUM).
        st.execute("PRAGMA page_size = " + PAGE_SIZE);
        st.execute("PRAGMA journal_mode = WAL");
        // Forgotten data is overwritten, not just unlinked from the b-tree.
        st.execute("PRAGMA secure_delete = ON");
        // Imports insert millions of rows into two indexes; a 64 MB page cache keeps them in memory.
        st.execute("PRAGMA cache_size = -65536");
        st.execute("PRAGMA temp_store = MEMORY");
        // Checkpoints run on their own thread (WalCheckpointer), never inside a request's commit.
        st.execute("PRAGMA wal_autocheckpoint = 0");
      }
      connection.setAutoCommit(false);
      Vault vault = new Vault(home, connection, clock, new WalCheckpointer("jdbc:sqlite:" + file, config));
      try {
        vault.migrate(file);
        VaultFolder.mark(home, clock);
        vault.opened = OpenedFile.of(file);
        if (key.isPresent()) {
          vault.sealing = FileSealer.of(vault);
          FileSweep.run(home, vault.sealing);
        }
      } catch (IOException e) {
        vault.closeAfterFailedOpen(e);
        throw new VaultException("cannot open vault " + file + ": " + e.getMessage(), e);
      } catch (SQLException | RuntimeException e) {
        vault.closeAfterFailedOpen(e);
        throw e;
      }
      return vault;
    } catch (SQLException e) {
      throw new VaultException("cannot open vault " + file + ": " + e.getMessage(), e);
    }
  }

  private static void ownerOnlyFolder(Path home) {
    try {
      OwnerOnly.folder(home);
    } catch (IOException e) {
      throw new InvalidInputException("cannot create vault folder " + home + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(home)) {
      throw new InvalidInputException("vault folder " + home + " is not writable");
    }
  }

  private void migrate(Path file) throws SQLException {
    int version;
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("PRAGMA user_version")) {
      version = rs.getInt(1);
    }
    if (version > Migrations.STEPS.size()) {
      throw new VaultException(
          "vault " + file + " has schema version " + version + " but this Autonomy knows only up to "
              + Migrations.STEPS.size() + "; use a newer Autonomy");
    }
    if (version == Migrations.STEPS.size()) {
      return;
    }
    // A migration may rebuild a table others point to (SQLite's own recipe): foreign keys are off
    // while it runs, and checked before it commits.
    foreignKeys(false);
    try (Statement st = connection.createStatement()) {
      for (int step = version; step < Migrations.STEPS.size(); step++) {
        for (String sql : Migrations.STEPS.get(step).split(";")) {
          if (!sql.isBlank()) {
            st.execute(sql);
          }
        }
        if (step + 1 == Migrations.TEXT_KEYS) {
          TextKeys.rekey(connection);
        }
      }
      st.execute("PRAGMA user_version = " + Migrations.STEPS.size());
      try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
        if (rs.next()) {
          throw new SQLException("migrating left a row of " + rs.getString(1) + " pointing to a missing row of "
              + rs.getString(3) + "; nothing was changed");
        }
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      foreignKeys(true);
    }
  }

  /** PRAGMA foreign_keys is a no-op inside a transaction: set it between two. */
  private void foreignKeys(boolean on) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
    } finally {
      connection.setAutoCommit(false);
    }
  }

  public Path home() {
    return home;
  }

  /**
   * How files kept beside the database (trained text models, fine-tuned weights) must be written
   * and read: sealed with a key the database holds when the vault is encrypted, clear when it is.
   */
  public Sealing sealing() {
    return sealing;
  }

  Path databaseFile() {
    return home.resolve(DATABASE_FILE);
  }

  int schemaVersion() {
    return Migrations.STEPS.size();
  }

  public Clock clock() {
    return clock;
  }

  public SignalStore signals() {
    return signals;
  }

  public DecisionLog decisions() {
    return decisions;
  }

  public Documents documents() {
    return documents;
  }

  /** What left the machine for a federation, and the person's cap on it. */
  public PrivacyLedger privacy() {
    return privacy;
  }

  /** The apps the person let act for them, and their scopes. */
  public AppGrants apps() {
    return apps;
  }

  /** Who used the person's data: API calls, exports, forgets, rule changes. */
  public AccessLog accessLog() {
    return accessLog;
  }

  /** Each time the person chose for themselves, without a ranked pick. */
  public SelfChoices selfChoices() {
    return selfChoices;
  }

  public RuleBook rules() {
    return rules;
  }

  Connection connection() {
    return connection;
  }

  /**
   * The generation of one area of the vault (see {@link #SIGNALS}, {@link #RULES},
   * {@link Documents#area}): a counter that every committed write to that area moves, whichever
   * process made it. Something derived from an area is current while the area's generation is the
   * one it was derived at.
   */
  long generation(String area) {
    refreshGenerations();
    return generations.getOrDefault(area, 0L);
  }

  /** The generations of several areas, read together (see {@link #generation}). */
  public long[] generations(List<String> areas) {
    refreshGenerations();
    long[] out = new long[areas.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = generations.getOrDefault(areas.get(i), 0L);
    }
    return out;
  }

  /**
   * Reads the generations table again only when it may have changed: after a write through this
   * connection, or when SQLite's {@code data_version} says another connection committed. Engines
   * ask for generations on every call, so the common case is one pragma, not a query per area.
   */
  private void refreshGenerations() {
    read(connection -> {
      long version;
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA data_version")) {
        version = rs.getLong(1);
      }
      if (generations != null && version == generationsDataVersion && localWrites == generationsLocalWrites) {
        return null;
      }
      Map<String, Long> read = new HashMap<>();
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT area, n FROM generations")) {
        while (rs.next()) {
          read.put(rs.getString(1), rs.getLong(2));
        }
      }
      generations = read;
      generationsDataVersion = version;
      generationsLocalWrites = localWrites;
      return null;
    });
  }

  /** Moves the generation of {@code area}; call inside the transaction that writes to it. */
  void touch(Connection connection, String area) throws SQLException {
    localWrites++;
    try (PreparedStatement st = connection.prepareStatement(
        "INSERT INTO generations(area, n) VALUES (?, 1) ON CONFLICT(area) DO UPDATE SET n = n + 1")) {
      st.setString(1, area);
      st.executeUpdate();
    }
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  <T> T transaction(SqlWork<T> work) {
    return write(List.of(), work);
  }

  /**
   * Runs {@code work} in one transaction that also moves the generation of each area it writes to,
   * so other readers (this process's caches, or another process) see that the area changed. The
   * transaction begins IMMEDIATE: it takes the write lock first, waiting up to the busy timeout for
   * another process that holds it, instead of reading first and then failing at once when it
   * cannot upgrade to write.
   */
  <T> T write(List<String> areas, SqlWork<T> work) {
    return run(true, areas, work);
  }

  /** Reads without changing anything; still ends the implicit transaction so WAL can checkpoint. */
  <T> T read(SqlWork<T> work) {
    return run(false, List.of(), work);
  }

  private <T> T run(boolean writes, List<String> areas, SqlWork<T> work) {
    requireOpenedFile();
    try {
      if (writes) {
        beginImmediate();
      }
      T result = work.run(connection);
      for (String area : areas) {
        touch(connection, area);
      }
      if (writes) {
        // Erased while this transaction ran: committing would write into a file nobody can open.
        requireOpenedFile();
      }
      connection.commit();
      checkpointer.committed();
      return result;
    } catch (SQLException e) {
      rollbackQuietly(e);
      if (isBusy(e)) {
        throw new UnavailableException("another process is using the vault " + databaseFile() + " and held it for "
            + BUSY_TIMEOUT_MS / 1000 + " s (an import, or a server writing); nothing was changed here; try again when it is done", e);
      }
      throw new VaultException("vault " + databaseFile() + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      rollbackQuietly(e);
      throw e;
    } catch (IOException e) {
      rollbackQuietly(e);
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Ends the connection's idle deferred transaction and begins an immediate one, which waits up to
   * the busy timeout for the write lock. The next transaction begins deferred again.
   */
  private void beginImmediate() throws SQLException {
    SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      connection.commit();
    } catch (SQLException e) {
      // "begin immediate" failed, so SQLite is outside a transaction: begin the deferred one the
      // connection expects, so that what runs next stays inside a transaction.
      config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
      try (Statement st = connection.createStatement()) {
        st.execute("BEGIN");
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      throw e;
    } finally {
      config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
    }
  }

  /**
   * Fails, as every read and write then does, when the database file at the vault's path is no
   * longer the one this vault opened: what a health check asks before saying all is well.
   *
   * @throws UnavailableException naming what happened to the file
   */
  public void requireOpen() {
    requireOpenedFile();
  }

  /**
   * Fails, for good, once the database file at the vault's path is not the one this vault opened
   * (erased by 'forget --all' from another process, or replaced): reading would serve deleted data
   * and writing would go into a file nobody can open again.
   */
  private void requireOpenedFile() {
    if (gone == null && opened != null) {
      gone = opened.change().orElse(null);
    }
    if (gone != null) {
      throw new UnavailableException("the vault " + databaseFile() + " " + gone
          + " while this process had it open (another process ran 'forget --all', or the folder was moved or"
          + " restored); this process no longer reads or writes it, and nothing was changed; start it again to use"
          + " the vault that is there now");
    }
  }

  /**
   * Fails when SQLite's quick check (every page and b-tree, without cross-checking indexes) finds
   * the database damaged. An import calls it before it writes: rows added to a damaged file may be
   * lost or spread the damage, and the person should hear of it before, not after.
   */
  public void requireSound() {
    List<String> found;
    try {
      found = read(c -> {
        List<String> rows = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(5)")) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
        return rows;
      });
    } catch (VaultException e) {
      // SQLite could not even walk the file (SQLITE_CORRUPT): that is the answer.
      found = List.of(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    }
    if (!found.equals(List.of("ok"))) {
      throw new VaultException("the vault " + databaseFile() + " is damaged (" + String.join("; ", found)
          + "); nothing was written to it. 'autonomy check' lists what is wrong; replace it with a backup"
          + " ('autonomy backup FILE' makes one), or export what can be read and start a new vault");
    }
  }

  /** SQLITE_BUSY or SQLITE_LOCKED (primary result codes 5 and 6): another connection holds the database. */
  private static boolean isBusy(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == 5 || primary == 6;
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // SQLite ended the transaction itself (it does on some errors, such as a damaged page), so
      // the driver's rollback failed before it began the next one: begin it, so that what runs
      // next is still inside a transaction and not committed statement by statement.
      try (Statement st = connection.createStatement()) {
        st.execute("BEGIN");
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      cause.addSuppressed(e);
    }
  }

  /**
   * Rewrites the database file so that deleted rows leave no trace in it: checkpoints the WAL into
   * the main file, truncates the WAL, and vacuums.
   */
  public void compact() {
    try {
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement st = connection.createStatement()) {
        st.execute("VACUUM");
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      } finally {
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw new VaultException("cannot compact vault " + databaseFile() + ": " + e.getMessage(), e);
    }
  }

  /** Releases what a vault that could not be opened holds, keeping the reason it failed. */
  private void closeAfterFailedOpen(Exception cause) {
    checkpointer.close();
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    checkpointer.close();
    try {
      if (!connection.isClosed()) {
        connection.commit();
        connection.close();
      }
    } catch (SQLException e) {
      throw new VaultException("cannot close vault " + databaseFile() + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException, IOException;
  }
}
