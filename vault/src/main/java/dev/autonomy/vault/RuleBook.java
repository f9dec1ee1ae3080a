package dev.autonomy.vault;

import dev.autonomy.core.NotFoundException;
import dev.autonomy.core.rule.PersonRule;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The person's rules as they wrote them; parsing and applying them is the engine's job. */
public final class RuleBook {
  private final Vault vault;

  RuleBook(Vault vault) {
    this.vault = vault;
  }

  /** Stores a rule under the next free id ("r1", "r2", ...). */
  public PersonRule add(String text) {
    return vault.write(List.of(Vault.RULES),
        connection -> {
          int next = 1;
          try (PreparedStatement st =
                  connection.prepareStatement(
                      "SELECT COALESCE(MAX(CAST(SUBSTR(id, 2) AS INTEGER)), 0) + 1 FROM rules");
              ResultSet rs = st.executeQuery()) {
            next = rs.getInt(1);
          }
          PersonRule rule = new PersonRule("r" + next, text.trim(), vault.clock().instant());
          try (PreparedStatement st = connection.prepareStatement("INSERT INTO rules(id, text, created) VALUES (?,?,?)")) {
            st.setString(1, rule.id());
            st.setString(2, rule.text());
            st.setString(3, rule.created().toString());
            st.executeUpdate();
          }
          return rule;
        });
  }

  public List<PersonRule> list() {
    return vault.read(
        connection -> {
          List<PersonRule> out = new ArrayList<>();
          try (PreparedStatement st =
                  connection.prepareStatement("SELECT id, text, created FROM rules ORDER BY CAST(SUBSTR(id, 2) AS INTEGER)");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.add(new PersonRule(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))));
            }
          }
          return out;
        });
  }

  public void remove(String id) {
    boolean removed =
        vault.write(List.of(Vault.RULES),
            connection -> {
              try (PreparedStatement st = connection.prepareStatement("DELETE FROM rules WHERE id = ?")) {
                st.setString(1, id);
                return st.executeUpdate() > 0;
              }
            });
    if (!removed) {
      throw new NotFoundException(
          "no rule with id '" + id + "'; rules: " + list().stream().map(r -> r.id() + " (" + r.text() + ")").toList());
    }
  }
}
