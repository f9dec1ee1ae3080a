package dev.autonomy.vault;

import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Migration 5, in Java: the natural key of a signal with a text used to end with the text's 32-bit
 * {@code String.hashCode} (so "Aa" and "BB" collided); it now holds the whole text. Rows with a text
 * get their new key here, so that re-importing a file imported before adds nothing. Rows without
 * a text kept the same key and are not touched.
 */
final class TextKeys {
  private TextKeys() {}

  /** Re-keys every row with a text, inside the caller's transaction; returns how many. */
  static int rekey(Connection connection) throws SQLException {
    KeyHash keyHash = new KeyHash();
    int n = 0;
    try (PreparedStatement read = connection.prepareStatement(
            "SELECT id, kind, start_ms, end_ms, zone, value, unit, category, text, device, modality"
                + " FROM signals WHERE text <> '' AND kind <> 'workout'");
        PreparedStatement write = connection.prepareStatement("UPDATE signals SET nkey = ? WHERE id = ?");
        ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        Signal s = new Signal(SignalKind.fromCode(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
            Instant.ofEpochMilli(rs.getLong(4)), ZoneId.of(rs.getString(5)), rs.getDouble(6), rs.getString(7),
            rs.getString(8), rs.getString(9), new Provenance("migration", "migration", rs.getString(10),
                Modality.valueOf(rs.getString(11))));
        write.setBytes(1, keyHash.of(s.naturalKey()));
        write.setLong(2, rs.getLong(1));
        write.addBatch();
        n++;
      }
      write.executeBatch();
    }
    return n;
  }
}
