package dev.autonomy.vault;

import dev.autonomy.core.NotFoundException;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.SignalSink;
import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * natural key the vault already holds are counted as duplicates and not added, but linked to this
   * source too, so they stay while any source that brought them does.
   *
   * <p>A source is its origin and content ({@link SourceOrigin}): the same bytes from the same path
   * again are the same source; another file of the same name, or the same bytes from another path,
   * are another. A source imported before sources had a content hash (its name, no hash) becomes
   * the first file of that name and format imported again.
   */
  public ImportResult importSource(SourceOrigin origin, String format, SourceReader reader) {
    return vault.write(List.of(Vault.SIGNALS),
        connection -> {
          Source source = upsertSource(connection, origin, format);
          try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT OR IGNORE INTO signals(source_id, kind, start_ms, end_ms, zone, value, unit,"
                          + " category, text, device, modality, nkey) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
              PreparedStatement link =
                  connection.prepareStatement(
                      "INSERT OR IGNORE INTO signal_sources(signal_id, source_id) SELECT id, ? FROM signals WHERE nkey = ?");
              PreparedStatement linkNew =
                  connection.prepareStatement(
                      "INSERT OR IGNORE INTO signal_sources(signal_id, source_id) SELECT id, ? FROM signals WHERE id > ?");
              PreparedStatement lastId = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM signals")) {
            BatchingSink sink = new BatchingSink(insert, link, linkNew, lastId, source.id());
            ImportReport report = reader.readInto(sink);
            sink.flush();
            try (PreparedStatement log =
                connection.prepareStatement(
                    "INSERT INTO imports(source_id, at, read, added, report) VALUES (?,?,?,?,?)")) {
              log.setLong(1, source.id());
              log.setString(2, vault.clock().instant().toString());
              log.setLong(3, sink.sent);
              log.setLong(4, sink.added);
              log.setString(5, report.toString());
              log.executeUpdate();
            }
            return new ImportResult(origin.name(), source.key(), report, sink.added, sink.sent - sink.added);
          }
        });
  }

  /** Imports a source known only by its name (see {@link SourceOrigin#named}). */
  public ImportResult importSource(String sourceName, String format, SourceReader reader) {
    return importSource(SourceOrigin.named(sourceName), format, reader);
  }

  private record Source(long id, String key) {}

  private Source upsertSource(Connection connection, SourceOrigin origin, String format) throws SQLException {
    String now = vault.clock().instant().toString();
    Optional<Source> same = source(connection,
        "SELECT id, key FROM sources WHERE format = ? AND origin = ? AND content_hash = ?",
        format, origin.origin(), origin.contentHash());
    Optional<Source> found = same.isPresent() || origin.contentHash().isEmpty() ? same
        : source(connection, "SELECT id, key FROM sources WHERE format = ? AND name = ? AND content_hash = ''"
            + " ORDER BY id LIMIT 1", format, origin.name());
    if (found.isPresent()) {
      try (PreparedStatement st = connection.prepareStatement(
          "UPDATE sources SET origin = ?, content_hash = ?, last_imported = ? WHERE id = ?")) {
        st.setString(1, origin.origin());
        st.setString(2, origin.contentHash());
        st.setString(3, now);
        st.setLong(4, found.get().id());
        st.executeUpdate();
      }
      return found.get();
    }
    String key = key(connection, format, origin);
    try (PreparedStatement st =
        connection.prepareStatement(
            "INSERT INTO sources(key, name, format, origin, content_hash, first_imported, last_imported)"
                + " VALUES (?,?,?,?,?,?,?)")) {
      st.setString(1, key);
      st.setString(2, origin.name());
      st.setString(3, format);
      st.setString(4, origin.origin());
      st.setString(5, origin.contentHash());
      st.setString(6, now);
      st.setString(7, now);
      st.executeUpdate();
    }
    return source(connection, "SELECT id, key FROM sources WHERE key = ?", key).orElseThrow();
  }

  private static Optional<Source> source(Connection connection, String sql, String... args) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setString(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(new Source(rs.getLong(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  /** A short id from the source's identity: 8 hex digits, more in the rare case another source has them. */
  private static String key(Connection connection, String format, SourceOrigin origin) throws SQLException {
    String hex = sha256Hex(format + '\0' + origin.origin() + '\0' + origin.contentHash());
    for (int length = 8; ; length += 2) {
      String key = hex.substring(0, length);
      if (source(connection, "SELECT id, key FROM sources WHERE key = ?", key).isEmpty()) {
        return key;
      }
    }
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * Inserts signals in batches and links each to the source that brought it. The signals a batch
   * adds are linked with one statement (a new row's id is above the largest before the batch: the
   * import holds the write lock); only those it finds already stored (another source brought them,
   * or this file again) are looked up by key, which halved the time of a large import.
   */
  private static final class BatchingSink implements SignalSink {
    private final PreparedStatement insert;
    private final PreparedStatement link;
    private final PreparedStatement linkNew;
    private final PreparedStatement lastId;
    private final byte[][] keys = new byte[BATCH][];
    private final long sourceId;
    private final KeyHash keyHash = new KeyHash();
    /** How often each key of a kind whose repeats are distinct events was seen in this import. */
    private final Map<String, Integer> occurrences = new HashMap<>();
    private int pending;
    long sent;
    long added;

    BatchingSink(PreparedStatement insert, PreparedStatement link, PreparedStatement linkNew, PreparedStatement lastId,
        long sourceId) {
      this.insert = insert;
      this.link = link;
      this.linkNew = linkNew;
      this.lastId = lastId;
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
        byte[] nkey = keyHash.of(key);
        insert.setBytes(12, nkey);
        insert.addBatch();
        keys[pending] = nkey;
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
      long before;
      try (var rs = lastId.executeQuery()) {
        rs.next();
        before = rs.getLong(1);
      }
      int[] counts = insert.executeBatch();
      // After the inserts: a signal this file brings is linked to it whether it was new or not.
      boolean looked = false;
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          added += counts[i];
        } else {
          link.setLong(1, sourceId);
          link.setBytes(2, keys[i]);
          link.addBatch();
          looked = true;
        }
      }
      linkNew.setLong(1, sourceId);
      linkNew.setLong(2, before);
      linkNew.executeUpdate();
      if (looked) {
        link.executeBatch();
      }
      java.util.Arrays.fill(keys, 0, pending, null);
      pending = 0;
    }
  }

  /** Streams the signals of the given kinds (all kinds when none given), oldest first. */
  public void forEach(Set<SignalKind> kinds, Consumer<Signal> consumer) {
    forEachSince(kinds, Instant.ofEpochMilli(Long.MIN_VALUE), consumer);
  }

  /** Streams the signals of the given kinds that end at or after {@code since}, oldest first. */
  public void forEachSince(Set<SignalKind> kinds, Instant since, Consumer<Signal> consumer) {
    stream(kinds, " WHERE s.end_ms >= " + since.toEpochMilli(), "", consumer);
  }

  /**
   * The signals of the given kinds (all when none given) that start in [{@code from}, {@code to}),
   * oldest first, at most {@code limit}: the database stops at the limit, so a long span costs no
   * more than the rows returned.
   */
  public List<Signal> between(Set<SignalKind> kinds, Instant from, Instant to, int limit) {
    List<Signal> out = new ArrayList<>();
    stream(kinds, " WHERE s.start_ms >= " + from.toEpochMilli() + " AND s.start_ms < " + to.toEpochMilli(),
        " LIMIT " + Math.max(0, limit), out::add);
    return out;
  }

  private void stream(Set<SignalKind> kinds, String where, String limit, Consumer<Signal> consumer) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT s.kind, s.start_ms, s.end_ms, s.zone, s.value, s.unit, s.category, s.text, s.device,"
                + " s.modality, src.name, src.format FROM signals s JOIN sources src ON src.id = s.source_id");
    sql.append(where);
    if (!kinds.isEmpty()) {
      sql.append(" AND s.kind IN (");
      sql.append(String.join(",", kinds.stream().map(k -> "'" + k.code() + "'").toList()));
      sql.append(')');
    }
    sql.append(" ORDER BY s.start_ms, s.id").append(limit);
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

  /** Every source, in the order first imported. */
  public List<SourceInfo> sources() {
    return vault.read(
        connection -> {
          List<SourceInfo> out = new ArrayList<>();
          try (Statement st = connection.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT src.key, src.name, src.format, src.origin, src.content_hash,"
                          + " (SELECT COUNT(*) FROM signal_sources l WHERE l.source_id = src.id),"
                          + " src.first_imported, src.last_imported FROM sources src ORDER BY src.id")) {
            while (rs.next()) {
              out.add(
                  new SourceInfo(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getLong(6),
                      Instant.parse(rs.getString(7)),
                      Instant.parse(rs.getString(8))));
            }
          }
          return out;
        });
  }

  /**
   * The sources a person means by {@code reference}: the one with that id; else every source
   * imported from {@code path} (the reference as an absolute path, when it can be one: each version
   * of the file imported from there); else the one source with that file name.
   *
   * @throws NotFoundException when none matches, listing the sources there are
   * @throws InvalidInputException when a file name matches several sources, listing them
   */
  public List<SourceInfo> resolve(String reference, Optional<String> path) {
    List<SourceInfo> all = sources();
    List<SourceInfo> byId = all.stream().filter(s -> s.id().equalsIgnoreCase(reference)).toList();
    if (!byId.isEmpty()) {
      return byId;
    }
    List<SourceInfo> byPath = all.stream()
        .filter(s -> s.origin().equals(reference) || path.isPresent() && s.origin().equals(path.get())).toList();
    if (!byPath.isEmpty()) {
      return byPath;
    }
    List<SourceInfo> byName = all.stream().filter(s -> s.name().equals(reference)).toList();
    if (byName.size() > 1) {
      throw new InvalidInputException("'" + reference + "' names " + byName.size()
          + " sources; give the id or the path of the one to forget (autonomy sources lists them):"
          + byName.stream().map(s -> "\n  " + s.describe()).reduce("", String::concat));
    }
    if (byName.isEmpty()) {
      throw new NotFoundException("no source named '" + reference + "' in the vault (by id, path or file name); sources: "
          + (all.isEmpty() ? "none" : all.stream().map(s -> "\n  " + s.describe()).reduce("", String::concat)));
    }
    return byName;
  }

  /**
   * What forgetting sources did.
   *
   * @param sources the sources forgotten
   * @param removed signals deleted: every source that brought them is forgotten
   * @param kept signals of the forgotten sources kept, because another source brought them too
   * @param decisionsCleared logged decisions whose values computed from the deleted signals were removed
   */
  public record Forgotten(List<SourceInfo> sources, long removed, long kept, int decisionsCleared) {
    public Forgotten {
      sources = List.copyOf(sources);
    }
  }

  /**
   * Forgets sources in one transaction: a signal goes when no source that brought it is left (else
   * it stays, its provenance moved to a source that is), then the sources and their import log; and
   * when signals went, what the decision log holds that was computed from them ({@link
   * DerivedValues}). Does not compact the file: the caller does, once.
   */
  public Forgotten forget(List<SourceInfo> sources) {
    if (sources.isEmpty()) {
      return new Forgotten(List.of(), 0, 0, 0);
    }
    return vault.write(List.of(Vault.SIGNALS, Vault.DECISIONS),
        connection -> {
          List<Long> ids = new ArrayList<>();
          for (SourceInfo s : sources) {
            source(connection, "SELECT id, key FROM sources WHERE key = ?", s.id()).ifPresent(found -> ids.add(found.id()));
          }
          if (ids.isEmpty()) {
            return new Forgotten(List.of(), 0, 0, 0);
          }
          String in = "(" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")";
          long linked;
          try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT signal_id) FROM signal_sources WHERE source_id IN " + in)) {
              linked = rs.getLong(1);
            }
            st.executeUpdate("DELETE FROM signal_sources WHERE source_id IN " + in);
            long removed = st.executeUpdate("DELETE FROM signals WHERE source_id IN " + in
                + " AND NOT EXISTS (SELECT 1 FROM signal_sources l WHERE l.signal_id = signals.id)");
            st.executeUpdate("UPDATE signals SET source_id = (SELECT MIN(l.source_id) FROM signal_sources l"
                + " WHERE l.signal_id = signals.id) WHERE source_id IN " + in);
            st.executeUpdate("DELETE FROM imports WHERE source_id IN " + in);
            st.executeUpdate("DELETE FROM sources WHERE id IN " + in);
            int cleared = 0;
            if (removed > 0) {
              Instant since = sources.stream().map(SourceInfo::firstImported).min(Instant::compareTo).orElseThrow();
              // Not the file's name: what was forgotten leaves no name behind either.
              cleared = DerivedValues.forgetSince(connection, since,
                  "computed from data forgotten at " + vault.clock().instant());
            }
            return new Forgotten(sources, removed, linked - removed, cleared);
          }
        });
  }

  /**
   * Forgets the source {@code reference} names (see {@link #resolve}, without a path) and compacts
   * the file; returns how many signals went.
   */
  public long forgetSource(String reference) {
    Forgotten forgotten = forget(resolve(reference, Optional.empty()));
    vault.compact();
    return forgotten.removed();
  }
}
