package dev.autonomy.vault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Moves the write-ahead log into the database file on a thread of its own, over a connection of
 * its own, so that no request pays for it.
 *
 * <p>Why: SQLite checkpoints automatically inside the commit that takes the log past 1,000 pages.
 * A logged recommendation writes about 14 KB, so one commit in a few hundred copied 4 MB and
 * synced the file, and that commit took 10-200 ms instead of 0.5 ms: it was the 99th percentile
 * of {@code recommend}. The vault's own connection turns that off ({@code wal_autocheckpoint = 0})
 * and this checkpointer runs a PASSIVE checkpoint (it never blocks readers or writers) once a
 * second when something was committed since the last one. When the vault closes, SQLite
 * checkpoints what is left and removes the log.
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
  /** How often the log is moved into the database file, at most. */
  static final long PERIOD_MS = 1_000;

  private final Connection connection;
  private final ScheduledExecutorService thread;
  private final AtomicLong commits = new AtomicLong();
  private long checkpointedAt;

  WalCheckpointer(String url, SQLiteConfig config) throws SQLException {
    this.connection = DriverManager.getConnection(url, config.toProperties());
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "autonomy-vault-checkpoint");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::checkpointIfWritten, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Called after every commit of the vault's connection. */
  void committed() {
    commits.incrementAndGet();
  }

  private void checkpointIfWritten() {
    long now = commits.get();
    if (now == checkpointedAt) {
      return;
    }
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(PASSIVE)");
      checkpointedAt = now;
    } catch (SQLException e) {
      // The next period tries again; the log only grows meanwhile, nothing is lost.
      LOG.warn("vault checkpoint failed, will retry: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the vault's checkpoint connection: {}", e.getMessage());
    }
  }
}
