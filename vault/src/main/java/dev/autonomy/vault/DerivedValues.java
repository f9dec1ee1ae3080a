package dev.autonomy.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the decision log holds that was computed from the person's data, beyond the data itself:
 * each shown item's explanation (the inputs' values and their meanings, the desire's intensity, the
 * evidence with its source files and dates), the feature vector a learning policy learned from, and
 * each list's candidate vectors and the policies' probabilities over them. When data is forgotten,
 * these go with it.
 *
 * <p>A decision could have been computed from a source's data from the moment the source was first
 * imported (the desire model learns from every day held), so every decision logged since then is
 * cleared: its id, the option shown, the desire, propensity, policy, the rules and limits applied
 * and the feedback on it stay; its score and confidence become 0, its explanation loses its inputs
 * and evidence, its summary says why, its features go (a learning policy no longer learns from it), its list keeps the option
 * ids but not their vectors, probabilities or shadow lists (off-policy evaluation leaves it out),
 * and the row and the list are marked {@code forgotten}.
 *
 * <p>Lists are stored compactly ({@link ListBodies}): a cleared list is rewritten whole, deflated
 * alone. A list deflated against a key list is always logged after it, so when a key list is
 * cleared every list that needs it is cleared in the same pass; all are read before any is
 * rewritten.
 */
public final class DerivedValues {
  private DerivedValues() {}

  /**
   * Clears the values of every decision logged at or after {@code since} (see the class comment),
   * inside the caller's transaction; returns how many decisions were cleared.
   */
  static int forgetSince(Connection connection, Instant since, String why) throws SQLException {
    record Row(String id, String body) {}
    List<Row> alone = new ArrayList<>();
    int cleared = 0;
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT r.id, COALESCE(r.created, l.created), r.body FROM recommendations r LEFT JOIN lists l ON l.id = r.list_id"
            + " WHERE r.forgotten IS NULL AND r.body IS NOT NULL");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        if (!Instant.parse(rs.getString(2)).isBefore(since)) {
          alone.add(new Row(rs.getString(1), rs.getString(3)));
        }
      }
    }
    try (PreparedStatement st = connection.prepareStatement(
        "UPDATE recommendations SET body = ?, features = NULL, policy = NULL, in_list = 0, forgotten = ? WHERE id = ?")) {
      for (Row row : alone) {
        st.setString(1, write(row.id(), cleared(read(row.id(), row.body()), why)));
        st.setString(2, why);
        st.setString(3, row.id());
        st.addBatch();
      }
      st.executeBatch();
    }
    cleared += alone.size();

    // Lists: read every one to clear (bodies and candidate ids) before rewriting any.
    record ListRow(long id, List<Recommendation> shown, List<String> optionIds, int dimension) {}
    List<ListRow> lists = new ArrayList<>();
    DecisionLog.Bodies bodies = new DecisionLog.Bodies();
    DecisionLog.KeyCandidates keys = new DecisionLog.KeyCandidates();
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT id, created, bodies, candidates, bodies_key FROM lists WHERE forgotten IS NULL ORDER BY id");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        if (Instant.parse(rs.getString(2)).isBefore(since)) {
          continue;
        }
        List<Recommendation> shown = rs.getBytes(3) == null ? List.of()
            : new ArrayList<>(bodies.read(connection, id).values());
        CandidateCodec.Decoded d = keys.decode(connection, rs.getBytes(4), rs.getLong(5), "list " + id);
        lists.add(new ListRow(id, shown, d.ids(), d.vectors().isEmpty() ? 0 : d.vectors().get(0).length));
      }
    }
    try (PreparedStatement list = connection.prepareStatement("UPDATE lists SET bodies = ?, bodies_key = NULL, candidates = ?,"
        + " first_slot = NULL, forgotten = ? WHERE id = ?");
        PreparedStatement shadows = connection.prepareStatement("DELETE FROM shadow_lists WHERE list_id = ?");
        PreparedStatement rows = connection.prepareStatement(
            "UPDATE recommendations SET features = NULL, policy = NULL, in_list = 0, forgotten = ? WHERE list_id = ?")) {
      for (ListRow l : lists) {
        List<Recommendation> kept = new ArrayList<>(l.shown().size());
        for (Recommendation r : l.shown()) {
          kept.add(cleared(r, why));
        }
        if (kept.isEmpty()) {
          list.setNull(1, Types.BLOB);
        } else {
          list.setBytes(1, ListBodies.pack(ListBodies.json(kept), null));
        }
        List<double[]> zeros = new ArrayList<>(l.optionIds().size());
        for (int i = 0; i < l.optionIds().size(); i++) {
          zeros.add(new double[l.dimension()]);
        }
        list.setBytes(2, CandidateCodec.encode(l.optionIds(), zeros));
        list.setString(3, why);
        list.setLong(4, l.id());
        list.executeUpdate();
        shadows.setLong(1, l.id());
        shadows.executeUpdate();
        rows.setString(1, why);
        rows.setLong(2, l.id());
        cleared += rows.executeUpdate();
      }
    }
    return cleared;
  }

  private static Recommendation read(String id, String body) {
    try {
      return Json.mapper().readValue(body, Recommendation.class);
    } catch (JsonProcessingException e) {
      throw new VaultException("the logged recommendation " + id + " cannot be read back to clear it: "
          + e.getOriginalMessage(), e);
    }
  }

  private static String write(String id, Recommendation r) {
    try {
      return Json.mapper().writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new VaultException("cannot write the cleared recommendation " + id + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Recommendation cleared(Recommendation r, String why) {
    Explanation e = r.explanation();
    String summary = r.option().name() + " for your wish to " + r.desire().code()
        + "; the values it was scored on were removed, and its score and confidence with them (now 0): " + why + ".";
    Explanation kept = new Explanation(summary, List.of(), e.rules(), e.limits(), e.exploration(), e.propensity(),
        List.of(), e.model());
    // Score and confidence were computed from the forgotten data too; 0 is the one value in their
    // range that claims nothing (the summary says why).
    return new Recommendation(r.id(), r.option(), r.desire(), 0, 0, kept);
  }
}
