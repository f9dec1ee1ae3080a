package dev.autonomy.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named JSON documents: model parameters, the person's own option catalogue, feature tables. Each
 * write replaces the document whole, in one transaction.
 */
public final class Documents {
  private final Vault vault;

  Documents(Vault vault) {
    this.vault = vault;
  }

  /** The vault area of one document, for {@link Vault#generation}. */
  public static String area(String name) {
    return "document:" + name;
  }

  public void put(String name, String json) {
    vault.write(List.of(area(name)),
        connection -> {
          try (PreparedStatement st =
              connection.prepareStatement(
                  "INSERT INTO documents(name, updated, body) VALUES (?,?,?)"
                      + " ON CONFLICT(name) DO UPDATE SET updated = excluded.updated, body = excluded.body")) {
            st.setString(1, name);
            st.setString(2, vault.clock().instant().toString());
            st.setString(3, json);
            st.executeUpdate();
          }
          return null;
        });
  }

  public Optional<String> get(String name) {
    return vault.read(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement("SELECT body FROM documents WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  public List<String> names() {
    return vault.read(
        connection -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement st = connection.prepareStatement("SELECT name FROM documents ORDER BY name");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  public boolean remove(String name) {
    return vault.write(List.of(area(name)),
        connection -> {
          try (PreparedStatement st = connection.prepareStatement("DELETE FROM documents WHERE name = ?")) {
            st.setString(1, name);
            return st.executeUpdate() > 0;
          }
        });
  }
}
