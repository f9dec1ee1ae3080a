package dev.autonomy.vault;

import dev.autonomy.core.NotFoundException;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.SignalSink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The person's signals: transactional imports, reads by kind, forgetting by source. */
public final class SignalStore {
  private static final int BATCH = 2_000;

  private final Vault vault;

  SignalStore(Vault vault) {
    this.vault = vault;
  }

  /** Reads a source: given a sink, streams signals into it and returns the importer's report. */
  @FunctionalInterface
  public interface SourceReader {
    ImportReport readInto(SignalSink sink) throws IOException;
  }

  /**
   * Imports one source in one transaction. If {@code reader} throws, nothing it sent is kept and
   * the exception propagates; otherwise every new signal is committed at once. Signals whose
   * natural key the vault already holds are counted as duplicates and not added.
   */
  public ImportResult importSource(String sourceName, String format, SourceReader reader) {
    return vault.write(List.of(Vault.SIGNALS),
        connection -> {
          long sourceId = upsertSource(connection, sourceName, format);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT OR IGNORE INTO signals(source_id, kind, start_ms, end_ms, zone, value, unit,"
                      + " category, text, device, modality, nkey) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            BatchingSink sink = new BatchingSink(insert, sourceId);
            ImportReport report = reader.readInto(sink);
            sink.flush();
            try (PreparedStatement log =
                connection.prepareStatement(
                    "INSERT INTO imports(source_id, at, read, added, report) VALUES (?,?,?,?,?)")) {
              log.setLong(1, sourceId);
              log.setString(2, vault.clock().instant().toString());
              log.setLong(3, sink.sent);
              log.setLong(4, sink.added);
              log.setString(5, report.toString());
              log.executeUpdate();
            }
            return new ImportResult(sourceName, report, sink.added, sink.sent - sink.added);
          }
        });
  }

  private long upsertSource(Connection connection, String name, String format) throws SQLException {
    String now = vault.clock().instant().toString();
    try (PreparedStatement st =
        connection.prepareStatement(
            "INSERT INTO sources(name, format, first_imported, last_imported) VALUES (?,?,?,?)"
                + " ON CONFLICT(name, format) DO UPDATE SET last_imported = excluded.last_imported")) {
      st.setString(1, name);
      st.setString(2, format);
      st.setString(3, now);
      st.setString(4, now);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        connection.prepareStatement("SELECT id FROM sources WHERE name = ? AND format = ?")) {
      st.setString(1, name);
      st.setString(2, format);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static final class BatchingSink implements SignalSink {
    private final PreparedStatement insert;
    private final long sourceId;
    private final KeyHash keyHash = new KeyHash();
    /** How often each key of a kind whose repeats are distinct events was seen in this import. */
    private final Map<String, Integer> occurrences = new HashMap<>();
    private int pending;
    long sent;
    long added;

    BatchingSink(PreparedStatement insert, long sourceId) {
      this.insert = insert;
      this.sourceId = sourceId;
    }

    @Override
    public void accept(Signal s) {
      try {
        insert.setLong(1, sourceId);
        insert.setString(2, s.kind().code());
        insert.setLong(3, s.start().toEpochMilli());
        insert.setLong(4, s.end().toEpochMilli());
        insert.setString(5, s.zone().getId());
        insert.setDouble(6, s.value());
        insert.setString(7, s.unit());
        insert.setString(8, s.category());
        insert.setString(9, s.text());
        insert.setString(10, s.provenance().device());
        insert.setString(11, s.provenance().modality().name());
        // Two identical purchases in one file are two purchases; the same file again numbers them alike.
        String key = s.kind().repeatsAreDistinct() ? s.naturalKey(occurrences.merge(s.naturalKey(), 1, Integer::sum))
            : s.naturalKey();
        insert.setBytes(12, keyHash.of(key));
        insert.addBatch();
        sent++;
        if (++pending == BATCH) {
          flush();
        }
      } catch (SQLException e) {
        throw new VaultException("cannot store signal " + s.kind().code() + " at " + s.start() + ": " + e.getMessage(), e);
      }
    }

    void flush() throws SQLException {
      if (pending == 0) {
        return;
      }
      for (int count : insert.executeBatch()) {
        if (count > 0) {
          added += count;
        }
      }
      pending = 0;
    }
  }

  /** Streams the signals of the given kinds (all kinds when none given), oldest first. */
  public void forEach(Set<SignalKind> kinds, Consumer<Signal> consumer) {
    forEachSince(kinds, Instant.ofEpochMilli(Long.MIN_VALUE), consumer);
  }

  /** Streams the signals of the given kinds that end at or after {@code since}, oldest first. */
  public void forEachSince(Set<SignalKind> kinds, Instant since, Consumer<Signal> consumer) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT s.kind, s.start_ms, s.end_ms, s.zone, s.value, s.unit, s.category, s.text, s.device,"
                + " s.modality, src.name, src.format FROM signals s JOIN sources src ON src.id = s.source_id");
    sql.append(" WHERE s.end_ms >= ").append(since.toEpochMilli());
    if (!kinds.isEmpty()) {
      sql.append(" AND s.kind IN (");
      sql.append(String.join(",", kinds.stream().map(k -> "'" + k.code() + "'").toList()));
      sql.append(')');
    }
    sql.append(" ORDER BY s.start_ms, s.id");
    vault.read(
        connection -> {
          Map<String, ZoneId> zones = new HashMap<>();
          // Units and categories repeat on every row: share one String each instead of millions.
          Map<String, String> shared = new HashMap<>();
          Map<String, Provenance> provenances = new HashMap<>();
          try (Statement st = connection.createStatement();
              ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
              String source = rs.getString(11);
              String format = rs.getString(12);
              String device = rs.getString(9);
              String modality = rs.getString(10);
              Provenance provenance =
                  provenances.computeIfAbsent(
                      source + '\0' + format + '\0' + device + '\0' + modality,
                      k -> new Provenance(source, format, device, Modality.valueOf(modality)));
              SignalKind kind = SignalKind.fromCode(rs.getString(1));
              consumer.accept(
                  new Signal(
                      kind,
                      Instant.ofEpochMilli(rs.getLong(2)),
                      Instant.ofEpochMilli(rs.getLong(3)),
                      zones.computeIfAbsent(rs.getString(4), ZoneId::of),
                      rs.getDouble(5),
                      shared.computeIfAbsent(rs.getString(6), k -> k),
                      shared.computeIfAbsent(rs.getString(7), k -> k),
                      text(rs.getString(8), shared),
                      provenance));
            }
          }
          return null;
        });
  }

  private static String text(String text, Map<String, String> shared) {
    return text.isEmpty() ? "" : text.length() <= 32 ? shared.computeIfAbsent(text, k -> k) : text;
  }

  /** All signals of the given kinds in memory; for bounded data such as one person's daily series. */
  public List<Signal> list(Set<SignalKind> kinds) {
    List<Signal> out = new ArrayList<>();
    forEach(kinds, out::add);
    return out;
  }

  public long count() {
    return vault.read(
        connection -> {
          try (Statement st = connection.createStatement();
              ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM signals")) {
            return rs.getLong(1);
          }
        });
  }

  /** Per kind, source and device: how many records over which span. */
  public List<SignalCoverage> coverage() {
    return vault.read(
        connection -> {
          List<SignalCoverage> out = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT s.kind, src.name, s.device, COUNT(*), MIN(s.start_ms), MAX(s.end_ms)"
                          + " FROM signals s JOIN sources src ON src.id = s.source_id"
                          + " GROUP BY s.kind, src.name, s.device ORDER BY s.kind, src.name, s.device")) {
            while (rs.next()) {
              out.add(
                  new SignalCoverage(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      Instant.ofEpochMilli(rs.getLong(5)),
                      Instant.ofEpochMilli(rs.getLong(6))));
            }
          }
          return out;
        });
  }

  /** A fingerprint of the signals held: changes whenever signals are added or forgotten. */
  public String fingerprint() {
    return vault.read(
        connection -> {
          try (Statement st = connection.createStatement();
              ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(start_ms % 1000003), 0) FROM signals")) {
            return rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3);
          }
        });
  }

  public List<SourceInfo> sources() {
    return vault.read(
        connection -> {
          List<SourceInfo> out = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT src.name, src.format, (SELECT COUNT(*) FROM signals s WHERE s.source_id = src.id),"
                          + " src.first_imported, src.last_imported FROM sources src ORDER BY src.id")) {
            while (rs.next()) {
              out.add(
                  new SourceInfo(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getLong(3),
                      Instant.parse(rs.getString(4)),
                      Instant.parse(rs.getString(5))));
            }
          }
          return out;
        });
  }

  /**
   * Deletes every signal of the named source and the source itself; returns how many signals went.
   * Throws when no source has that name, listing the ones there are.
   */
  public long forgetSource(String name) {
    long removed =
        vault.write(List.of(Vault.SIGNALS),
            connection -> {
              List<Long> ids = new ArrayList<>();
              try (PreparedStatement st = connection.prepareStatement("SELECT id FROM sources WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    ids.add(rs.getLong(1));
                  }
                }
              }
              if (ids.isEmpty()) {
                return -1L;
              }
              long count = 0;
              for (long id : ids) {
                count += deleteWhere(connection, "DELETE FROM signals WHERE source_id = ?", id);
                deleteWhere(connection, "DELETE FROM imports WHERE source_id = ?", id);
                deleteWhere(connection, "DELETE FROM sources WHERE id = ?", id);
              }
              return count;
            });
    if (removed < 0) {
      throw new NotFoundException(
          "no source named '" + name + "' in the vault; sources: "
              + sources().stream().map(SourceInfo::name).toList());
    }
    vault.compact();
    return removed;
  }

  private static long deleteWhere(Connection connection, String sql, long id) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setLong(1, id);
      return st.executeUpdate();
    }
  }
}
