package dev.autonomy.vault;

import dev.autonomy.core.Requires;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who used the person's data, append-only: every API call (allowed or refused), export, forget and
 * rule change, with its time and actor. There is no update or delete: only erasing the whole vault
 * ({@code forget --all}) removes it. Each entry is one INSERT in a transaction of its own, so a
 * caller appends after its work has committed, never inside it.
 */
public final class AccessLog {
  /** The actor of the person's own token (the web page, their scripts). */
  public static final String PERSON = "person";
  /** The actor of a command typed on this machine. */
  public static final String CLI = "cli";

  private final Vault vault;

  AccessLog(Vault vault) {
    this.vault = vault;
  }

  /**
   * One entry.
   *
   * @param id its number (0 before it is appended)
   * @param at when
   * @param actor {@value #PERSON}, {@value #CLI} or an app's name
   * @param action "api", "export", "forget" or "rule"
   * @param scope the scope the call needed ("" when none)
   * @param method the HTTP method ("" outside the API)
   * @param route the route's template, such as {@code /why/{id}} ("" outside the API)
   * @param status the HTTP status answered (0 outside the API)
   * @param allowed whether it was allowed
   * @param detail what changed or was read, when that matters ("" otherwise)
   */
  public record Entry(long id, Instant at, String actor, String action, String scope, String method, String route,
      int status, boolean allowed, String detail) {
    public Entry {
      Requires.nonNull(at, "at");
      Requires.nonBlank(actor, "actor");
      Requires.nonBlank(action, "action");
      scope = scope == null ? "" : scope;
      method = method == null ? "" : method;
      route = route == null ? "" : route;
      Requires.nonNegative(status, "status");
      detail = detail == null ? "" : detail;
    }
  }

  /** Appends {@code entry} (its id is ignored): one INSERT in a transaction of its own. */
  public void append(Entry entry) {
    vault.write(List.of(), connection -> {
      try (PreparedStatement st = connection.prepareStatement(
          "INSERT INTO access_log(at, actor, action, scope, method, route, status, allowed, detail)"
              + " VALUES (?,?,?,?,?,?,?,?,?)")) {
        st.setString(1, entry.at().toString());
        st.setString(2, entry.actor());
        st.setString(3, entry.action());
        st.setString(4, entry.scope());
        st.setString(5, entry.method());
        st.setString(6, entry.route());
        st.setInt(7, entry.status());
        st.setInt(8, entry.allowed() ? 1 : 0);
        st.setString(9, entry.detail());
        return st.executeUpdate();
      }
    });
  }

  /** The latest {@code limit} entries, oldest first. */
  public List<Entry> latest(int limit) {
    Requires.positive(limit, "limit");
    return vault.read(connection -> {
      List<Entry> out = new ArrayList<>();
      try (PreparedStatement st = connection.prepareStatement(
          "SELECT id, at, actor, action, scope, method, route, status, allowed, detail FROM access_log"
              + " ORDER BY id DESC LIMIT ?")) {
        st.setInt(1, limit);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new Entry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9) == 1,
                rs.getString(10)));
          }
        }
      }
      Collections.reverse(out);
      return out;
    });
  }
}
