package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Each time the person chose for themselves: the options were laid side by side with their
 * trade-offs and no ranked pick ("decide myself"). Only when and how many options were shown are
 * kept, not what was chosen (nothing is chosen through the engine); the dependence watch counts them
 * beside the lists the person asked to have ranked.
 */
public final class SelfChoices {
  private final Vault vault;

  SelfChoices(Vault vault) {
    this.vault = vault;
  }

  /**
   * One use of "decide myself".
   *
   * @param at when
   * @param shown how many options were laid out
   * @param via where: {@code cli} or {@code api}
   */
  public record Use(Instant at, int shown, String via) {
    public Use {
      Requires.nonNull(at, "at");
      Requires.nonNegative(shown, "shown");
      Requires.nonBlank(via, "via");
    }
  }

  /** Records one use in a transaction of its own. */
  public void record(Use use) {
    Requires.nonNull(use, "use");
    vault.write(List.of(), connection -> {
      try (PreparedStatement st = connection.prepareStatement("INSERT INTO self_choices(at, shown, via) VALUES (?,?,?)")) {
        st.setString(1, use.at().toString());
        st.setInt(2, use.shown());
        st.setString(3, use.via());
        return st.executeUpdate();
      }
    });
  }

  /** Every use at or after {@code from}, oldest first. */
  public List<Use> since(Instant from) {
    Requires.nonNull(from, "from");
    return vault.read(connection -> {
      List<Use> out = new ArrayList<>();
      try (PreparedStatement st = connection.prepareStatement(
          "SELECT at, shown, via FROM self_choices WHERE at >= ? ORDER BY at, id")) {
        st.setString(1, from.toString());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new Use(Instant.parse(rs.getString(1)), rs.getInt(2), rs.getString(3)));
          }
        }
      }
      return out;
    });
  }

  /** How many uses the vault holds. */
  public long count() {
    return vault.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement("SELECT COUNT(*) FROM self_choices");
          ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new InvalidInputException("self_choices: no count");
        }
        return rs.getLong(1);
      }
    });
  }
}
