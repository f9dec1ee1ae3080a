package dev.autonomy.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.NotFoundException;
import dev.autonomy.core.RefusedException;
import dev.autonomy.core.feedback.Feedback;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.recommend.Recommendation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every recommendation shown, with its propensity, and every piece of feedback: the log that lets
 * policies be evaluated offline and models learn online.
 */
public final class DecisionLog {
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final Vault vault;

  DecisionLog(Vault vault) {
    this.vault = vault;
  }

  /** Logs recommendations shown together, in one transaction, without what a learning policy needs. */
  public void record(Map<String, String> situation, List<Recommendation> shown) {
    record(situation, shown, Shown.NONE);
  }

  /**
   * What a learning policy needs of a shown list: each shown item's feature vector, by
   * recommendation id, and the policy that showed it with its version.
   */
  public record Shown(String policy, long version, Map<String, double[]> features, Optional<Candidates> candidates) {
    static final Shown NONE = new Shown("", 0, Map.of());

    public Shown {
      features = Map.copyOf(features);
      if (candidates == null) {
        throw new IllegalArgumentException("candidates must not be null (Optional.empty() when none)");
      }
    }

    /** Without the candidate set: the list is not evaluable offline. */
    public Shown(String policy, long version, Map<String, double[]> features) {
      this(policy, version, features, Optional.empty());
    }
  }

  /**
   * What off-policy evaluation needs of a shown list: every candidate the policy chose the top item
   * from (option ids and feature vectors, in one order), the index of the top item among them, and
   * the probability the policy had of showing it first. Stored compactly ({@link CandidateCodec}):
   * the vectors come back as float32.
   */
  public record Candidates(List<String> optionIds, List<double[]> vectors, int top, double topPropensity) {
    public Candidates {
      optionIds = List.copyOf(optionIds);
      vectors = List.copyOf(vectors);
      if (optionIds.isEmpty() || optionIds.size() != vectors.size()) {
        throw new IllegalArgumentException("candidates: need as many vectors as option ids (at least one), were "
            + optionIds.size() + " ids and " + vectors.size() + " vectors");
      }
      if (top < 0 || top >= optionIds.size()) {
        throw new IllegalArgumentException("candidates: top must be an index 0.." + (optionIds.size() - 1) + ", was " + top);
      }
      if (!(topPropensity > 0 && topPropensity <= 1)) {
        throw new IllegalArgumentException("candidates: topPropensity must be in (0, 1], was " + topPropensity);
      }
    }

    /** The bytes this candidate set takes in the vault. */
    public int encodedSize() {
      return CandidateCodec.encode(optionIds, vectors).length;
    }
  }

  /** One logged list with its candidates, and the feedback on its top item if there was some. */
  public record ShownList(long id, Instant created, String policy, long version, Candidates candidates,
      Optional<FeedbackRow> topFeedback) {}

  /** One piece of feedback on an item logged with its feature vector: what a learning policy learned from. */
  public record Taught(String optionId, String desire, double[] features, Outcome outcome, OptionalInt rating, Instant at) {}

  /** Logs recommendations shown together, with their features and policy, in one transaction. */
  public void record(Map<String, String> situation, List<Recommendation> shown, Shown policy) {
    vault.write(List.of(Vault.DECISIONS),
        connection -> {
          String created = vault.clock().instant().toString();
          Long listId = policy.candidates().isPresent() ? insertList(connection, created, policy) : null;
          try (PreparedStatement st =
              connection.prepareStatement(
                  "INSERT INTO recommendations(id, created, option_id, desire, score, confidence, propensity,"
                      + " exploration, situation, body, features, policy, policy_version, list_id)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            String situationJson = write(situation);
            for (Recommendation r : shown) {
              st.setString(1, r.id());
              st.setString(2, created);
              st.setString(3, r.option().id());
              st.setString(4, r.desire().code());
              st.setDouble(5, r.score());
              st.setDouble(6, r.confidence());
              st.setDouble(7, r.explanation().propensity());
              st.setInt(8, r.explanation().exploration() ? 1 : 0);
              st.setString(9, situationJson);
              st.setString(10, write(r));
              double[] x = policy.features().get(r.id());
              if (x == null) {
                st.setNull(11, Types.VARCHAR);
                st.setNull(12, Types.VARCHAR);
                st.setNull(13, Types.INTEGER);
              } else {
                st.setString(11, write(x));
                st.setString(12, policy.policy());
                st.setLong(13, policy.version());
              }
              if (listId == null) {
                st.setNull(14, Types.INTEGER);
              } else {
                st.setLong(14, listId);
              }
              st.addBatch();
            }
            st.executeBatch();
          }
          return null;
        });
  }

  private static long insertList(Connection connection, String created, Shown policy) throws SQLException {
    Candidates c = policy.candidates().orElseThrow();
    try (PreparedStatement st = connection.prepareStatement(
        "INSERT INTO lists(created, policy, policy_version, candidates, top_option, top_propensity) VALUES (?,?,?,?,?,?)")) {
      st.setString(1, created);
      st.setString(2, policy.policy());
      st.setLong(3, policy.version());
      st.setBytes(4, CandidateCodec.encode(c.optionIds(), c.vectors()));
      st.setString(5, c.optionIds().get(c.top()));
      st.setDouble(6, c.topPropensity());
      st.executeUpdate();
    }
    try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Every list logged with its candidate set since {@code since} (inclusive), oldest first, each
   * with the feedback on its top item when there was some.
   */
  public List<ShownList> lists(Instant since) {
    return vault.read(
        connection -> {
          List<ShownList> out = new ArrayList<>();
          try (PreparedStatement st = connection.prepareStatement(
              "SELECT l.id, l.created, l.policy, l.policy_version, l.candidates, l.top_option, l.top_propensity,"
                  + " r.id, r.desire, f.outcome, f.rating, f.at FROM lists l"
                  + " LEFT JOIN recommendations r ON r.list_id = l.id AND r.option_id = l.top_option"
                  + " LEFT JOIN feedback f ON f.recommendation_id = r.id ORDER BY l.id");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              Instant created = Instant.parse(rs.getString(2));
              if (created.isBefore(since)) {
                continue;
              }
              long id = rs.getLong(1);
              CandidateCodec.Decoded d = CandidateCodec.decode(rs.getBytes(5), "list " + id);
              int top = d.ids().indexOf(rs.getString(6));
              if (top < 0) {
                throw new VaultException("list " + id + ": its top option " + rs.getString(6) + " is not among its candidates");
              }
              Optional<FeedbackRow> feedback = Optional.empty();
              if (rs.getString(10) != null) {
                int rating = rs.getInt(11);
                OptionalInt r = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(rating);
                feedback = Optional.of(new FeedbackRow(rs.getString(8), rs.getString(6), rs.getString(9),
                    Outcome.valueOf(rs.getString(10)), r, Instant.parse(rs.getString(12))));
              }
              out.add(new ShownList(id, created, rs.getString(3), rs.getLong(4),
                  new Candidates(d.ids(), d.vectors(), top, rs.getDouble(7)), feedback));
            }
          }
          return out;
        });
  }

  /** Every piece of feedback on an item logged with its features, in the order it was given. */
  public List<Taught> taught() {
    return vault.read(
        connection -> {
          List<Taught> out = new ArrayList<>();
          try (PreparedStatement st = connection.prepareStatement(
              "SELECT r.option_id, r.features, f.outcome, f.rating, f.at, r.id, r.desire FROM feedback f"
                  + " JOIN recommendations r ON r.id = f.recommendation_id WHERE r.features IS NOT NULL ORDER BY f.id");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              double[] x;
              try {
                x = Json.mapper().readValue(rs.getString(2), double[].class);
              } catch (JsonProcessingException e) {
                throw new VaultException("the features logged with " + rs.getString(6) + " cannot be read back: "
                    + e.getOriginalMessage(), e);
              }
              int rating = rs.getInt(4);
              OptionalInt r = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(rating);
              out.add(new Taught(rs.getString(1), rs.getString(7), x, Outcome.valueOf(rs.getString(3)), r, Instant.parse(rs.getString(5))));
            }
          }
          return out;
        });
  }

  /** The feature vector a recommendation was shown with, if it was logged with one. */
  public Optional<double[]> features(String id) {
    return vault.read(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement("SELECT features FROM recommendations WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next() || rs.getString(1) == null) {
                return Optional.<double[]>empty();
              }
              try {
                return Optional.of(Json.mapper().readValue(rs.getString(1), double[].class));
              } catch (JsonProcessingException e) {
                throw new VaultException("the features logged with " + id + " cannot be read back: " + e.getOriginalMessage(), e);
              }
            }
          }
        });
  }

  public Optional<LoggedDecision> find(String id) {
    return vault.read(
        connection -> {
          try (PreparedStatement st =
              connection.prepareStatement("SELECT created, situation, body FROM recommendations WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                return Optional.<LoggedDecision>empty();
              }
              return Optional.of(decision(rs));
            }
          }
        });
  }

  /** The decision with this id, or an error a person can act on. */
  public LoggedDecision require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no recommendation with id '" + id + "'; use an id a recommendation list gave"));
  }

  public List<LoggedDecision> all() {
    return vault.read(
        connection -> {
          List<LoggedDecision> out = new ArrayList<>();
          try (PreparedStatement st =
                  connection.prepareStatement("SELECT created, situation, body FROM recommendations ORDER BY created, id");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.add(decision(rs));
            }
          }
          return out;
        });
  }

  /**
   * Records the person's feedback on one recommendation. It counts once: a second word on the same
   * recommendation (a retried request, a double click) would teach the models the same event
   * twice, so it is refused, naming the first.
   *
   * @throws InvalidInputException if the recommendation is unknown or already has feedback
   */
  public void feedback(Feedback feedback) {
    require(feedback.recommendationId());
    vault.write(List.of(Vault.FEEDBACK),
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(
              "SELECT outcome, rating, at FROM feedback WHERE recommendation_id = ? ORDER BY id LIMIT 1")) {
            st.setString(1, feedback.recommendationId());
            try (ResultSet rs = st.executeQuery()) {
              if (rs.next()) {
                int rating = rs.getInt(2);
                String rated = rs.wasNull() ? "" : ", rating " + rating;
                throw new RefusedException("feedback on " + feedback.recommendationId() + " was already given ("
                    + rs.getString(1).toLowerCase(java.util.Locale.ROOT) + rated + ", at " + rs.getString(3)
                    + "); it counts once per recommendation");
              }
            }
          }
          try (PreparedStatement st =
              connection.prepareStatement(
                  "INSERT INTO feedback(recommendation_id, outcome, rating, at) VALUES (?,?,?,?)")) {
            st.setString(1, feedback.recommendationId());
            st.setString(2, feedback.outcome().name());
            if (feedback.rating().isPresent()) {
              st.setInt(3, feedback.rating().getAsInt());
            } else {
              st.setNull(3, Types.INTEGER);
            }
            st.setString(4, feedback.at().toString());
            st.executeUpdate();
          }
          return null;
        });
  }

  /** All feedback, oldest first. */
  public List<Feedback> feedback() {
    return vault.read(DecisionLog::readFeedback);
  }

  private static List<Feedback> readFeedback(Connection connection) throws SQLException {
    List<Feedback> out = new ArrayList<>();
    try (PreparedStatement st =
            connection.prepareStatement("SELECT recommendation_id, outcome, rating, at FROM feedback ORDER BY id");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        int rating = rs.getInt(3);
        OptionalInt r = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(rating);
        out.add(new Feedback(rs.getString(1), Outcome.valueOf(rs.getString(2)), r, Instant.parse(rs.getString(4))));
      }
    }
    return out;
  }

  /** All feedback with the option and desire it was about, oldest first; no JSON is parsed. */
  public List<FeedbackRow> feedbackRows() {
    return vault.read(
        connection -> {
          List<FeedbackRow> out = new ArrayList<>();
          try (PreparedStatement st =
                  connection.prepareStatement(
                      "SELECT f.recommendation_id, r.option_id, r.desire, f.outcome, f.rating, f.at"
                          + " FROM feedback f JOIN recommendations r ON r.id = f.recommendation_id ORDER BY f.id");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              int rating = rs.getInt(5);
              OptionalInt r = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(rating);
              out.add(new FeedbackRow(rs.getString(1), rs.getString(2), rs.getString(3),
                  Outcome.valueOf(rs.getString(4)), r, Instant.parse(rs.getString(6))));
            }
          }
          return out;
        });
  }

  /** Forgets every recommendation and all feedback. */
  public void clear() {
    vault.write(List.of(Vault.DECISIONS, Vault.FEEDBACK),
        connection -> {
          try (var st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM feedback");
            st.executeUpdate("DELETE FROM recommendations");
            st.executeUpdate("DELETE FROM lists");
          }
          return null;
        });
  }

  private static LoggedDecision decision(ResultSet rs) throws SQLException {
    try {
      return new LoggedDecision(
          Instant.parse(rs.getString(1)),
          Json.mapper().readValue(rs.getString(2), STRING_MAP),
          Json.mapper().readValue(rs.getString(3), Recommendation.class));
    } catch (JsonProcessingException e) {
      throw new VaultException("a logged recommendation cannot be read back: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new VaultException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
