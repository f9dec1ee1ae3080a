package dev.autonomy.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of every table of a vault but the access log (which a refusal must grow), read through
 * a second connection: what "nothing changed" is checked against.
 */
final class VaultCounts {
  private VaultCounts() {}

  static Map<String, Long> of(Path home) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
          + " AND name NOT LIKE 'sqlite_%' AND name <> 'access_log'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          rs.next();
          out.put(table, rs.getLong(1));
        }
      }
    }
    return out;
  }
}
