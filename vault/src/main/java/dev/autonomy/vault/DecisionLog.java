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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
  private static final TypeReference<List<Recommendation>> RECOMMENDATIONS = new TypeReference<>() {};

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
  public record Shown(String policy, long version, Map<String, double[]> features, Optional<Candidates> candidates,
      List<ShadowList> shadows) {
    static final Shown NONE = new Shown("", 0, Map.of());

    public Shown {
      features = Map.copyOf(features);
      if (candidates == null) {
        throw new IllegalArgumentException("candidates must not be null (Optional.empty() when none)");
      }
      shadows = List.copyOf(shadows);
      if (!shadows.isEmpty() && candidates.isEmpty()) {
        throw new IllegalArgumentException("shadow lists need the candidate set they were chosen from");
      }
    }

    /** Without shadow policies. */
    public Shown(String policy, long version, Map<String, double[]> features, Optional<Candidates> candidates) {
      this(policy, version, features, candidates, List.of());
    }

    /** Without the candidate set: the list is not evaluable offline. */
    public Shown(String policy, long version, Map<String, double[]> features) {
      this(policy, version, features, Optional.empty());
    }
  }

  /**
   * What a shadow policy would have shown for a list, beside the live one: never shown to the
   * person, logged so that policies can be compared on the same situations.
   *
   * @param id its own id ({@code shd-...}), refused by feedback: the person never saw it
   * @param policy the shadow policy's name
   * @param version how many updates it had learned from then
   * @param optionIds what it would have shown, top first
   * @param propensities each slot's propensity, as the live list's are defined
   * @param firstSlot its probability of putting each candidate first, in the candidate set's order
   * @param draws sampled parameter draws that estimated them (Thompson sampling), 0 when exact
   */
  public record ShadowList(String id, String policy, long version, List<String> optionIds, double[] propensities,
      double[] firstSlot, int draws) {
    public ShadowList {
      optionIds = List.copyOf(optionIds);
      if (optionIds.isEmpty() || optionIds.size() != propensities.length) {
        throw new IllegalArgumentException("shadow list " + id + ": need one propensity per option (at least one), were "
            + optionIds.size() + " options and " + propensities.length + " propensities");
      }
    }
  }

  /** The ids a shadow list gets: never confused with a shown recommendation's. */
  public static final String SHADOW_PREFIX = "shd-";

  /**
   * What off-policy evaluation needs of a shown list: every candidate the policy chose the top item
   * from (option ids and feature vectors, in one order), the index of the top item among them, and
   * the probability the policy had of showing it first. Stored compactly ({@link CandidateCodec}):
   * the vectors come back as float32.
   */
  public record Candidates(List<String> optionIds, List<double[]> vectors, int top, double topPropensity,
      double[] firstSlot, int draws) {
    /** Known only by the top item's propensity (lists logged before vault migration 7). */
    public Candidates(List<String> optionIds, List<double[]> vectors, int top, double topPropensity) {
      this(optionIds, vectors, top, topPropensity, new double[0], 0);
    }

    /**
     * The live policy's probability of showing each candidate first, when it was logged (vault
     * migration 7 on); empty for older lists, which give only the top item's.
     */
    public Optional<double[]> firstSlotProbabilities() {
      return firstSlot.length == 0 ? Optional.empty() : Optional.of(firstSlot.clone());
    }

    public Candidates {
      if (firstSlot.length != 0 && firstSlot.length != optionIds.size()) {
        throw new IllegalArgumentException("candidates: the first-slot probabilities need one per candidate ("
            + optionIds.size() + "), were " + firstSlot.length);
      }
      if (draws < 0) {
        throw new IllegalArgumentException("candidates: draws must be >= 0, was " + draws);
      }
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
      Optional<FeedbackRow> topFeedback, List<ShadowList> shadows) {
    public ShownList {
      shadows = List.copyOf(shadows);
    }
  }

  /** One piece of feedback on an item logged with its feature vector: what a learning policy learned from. */
  public record Taught(String optionId, String desire, double[] features, Outcome outcome, OptionalInt rating, Instant at) {}

  /**
   * Logs recommendations shown together, with their features and policy, in one transaction. A list
   * logged with its candidate set is stored compactly: the situation once, the recommendations'
   * JSON deflated together ({@link ListBodies}), each shown item's features as a reference into the
   * candidate set.
   */
  public void record(Map<String, String> situation, List<Recommendation> shown, Shown policy) {
    vault.write(List.of(Vault.DECISIONS),
        connection -> {
          String created = vault.clock().instant().toString();
          String situationJson = write(situation);
          Long listId = policy.candidates().isPresent() ? insertList(connection, created, policy, situationJson, shown) : null;
          // A row shown in a list takes when, the situation, its body and policy from the list
          // (vault migration 10); a row logged alone keeps its own.
          try (PreparedStatement st =
              connection.prepareStatement(
                  "INSERT INTO recommendations(id, list_id, option_id, desire, propensity, exploration, in_list,"
                      + " created, situation, body, features, policy, policy_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Recommendation r : shown) {
              double[] x = policy.features().get(r.id());
              boolean inList = listId != null && x != null && policy.candidates().get().optionIds().contains(r.option().id());
              st.setString(1, r.id());
              if (listId == null) {
                st.setNull(2, Types.INTEGER);
              } else {
                st.setLong(2, listId);
              }
              st.setString(3, r.option().id());
              st.setString(4, r.desire().code());
              st.setDouble(5, r.explanation().propensity());
              st.setInt(6, r.explanation().exploration() ? 1 : 0);
              st.setInt(7, inList ? 1 : 0);
              if (listId == null) {
                st.setString(8, created);
                st.setString(9, situationJson);
                st.setString(10, write(r));
              } else {
                st.setNull(8, Types.VARCHAR);
                st.setNull(9, Types.VARCHAR);
                st.setNull(10, Types.VARCHAR);
              }
              if (x == null || inList) {
                st.setNull(11, Types.VARCHAR);
                st.setNull(12, Types.VARCHAR);
                st.setNull(13, Types.INTEGER);
              } else {
                st.setString(11, write(x));
                st.setString(12, policy.policy());
                st.setLong(13, policy.version());
              }
              st.addBatch();
            }
            st.executeBatch();
          }
          return null;
        });
  }

  /**
   * The key list whose candidates new lists' candidates are deflated against, inflated: kept between
   * lists, and used only while the key's stored bytes are still these (forgetting and retention
   * rewrite lists in place).
   */
  private record KeyList(long id, byte[] packedCandidates, byte[] candidates) {}

  /** The last list logged, with its JSON: what the next list of its group is deflated against; checked the same way. */
  private record LastList(long id, byte[] packedBodies, byte[] json) {}

  private KeyList keyList;
  private LastList lastList;

  private long insertList(Connection connection, String created, Shown policy, String situation,
      List<Recommendation> shown) throws SQLException {
    Candidates c = policy.candidates().orElseThrow();
    byte[] bodies = ListBodies.json(shown);
    Long key = null;
    byte[] dictionary = null;
    byte[] candidateDictionary = null;
    try (PreparedStatement st = connection.prepareStatement(
        "SELECT id, (SELECT COUNT(*) FROM lists later WHERE later.id > k.id), candidates FROM lists k"
            + " WHERE k.bodies IS NOT NULL AND k.bodies_key IS NULL ORDER BY k.id DESC LIMIT 1");
        ResultSet rs = st.executeQuery()) {
      if (rs.next() && rs.getLong(2) < ListBodies.KEY_EVERY) {
        long id = rs.getLong(1);
        try {
          byte[] packedCandidates = rs.getBytes(3);
          KeyList cachedKey = keyList;
          if (cachedKey == null || cachedKey.id() != id || !Arrays.equals(cachedKey.packedCandidates(), packedCandidates)) {
            cachedKey = new KeyList(id, packedCandidates, CandidateCodec.inflate(packedCandidates, null, "list " + id));
            keyList = cachedKey;
          }
          LastList previous = lastOfGroup(connection, id);
          candidateDictionary = cachedKey.candidates();
          dictionary = previous.json();
          key = id;
        } catch (VaultException damaged) {
          // A group that cannot be read back must not stop what is shown now from being logged:
          // this list is written alone and becomes the next key.
          dictionary = null;
          candidateDictionary = null;
        }
      }
    }
    byte[] packedBodies = key == null ? ListBodies.pack(bodies, null) : ListBodies.chain(bodies, dictionary);
    try (PreparedStatement st = connection.prepareStatement(
        "INSERT INTO lists(created, policy, policy_version, candidates, top_option, top_propensity, first_slot, draws,"
            + " situation, bodies, bodies_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      st.setString(9, situation);
      st.setBytes(10, packedBodies);
      if (key == null) {
        st.setNull(11, Types.INTEGER);
      } else {
        st.setLong(11, key);
      }
      st.setString(1, created);
      st.setString(2, policy.policy());
      st.setLong(3, policy.version());
      st.setBytes(4, CandidateCodec.encode(c.optionIds(), c.vectors(), candidateDictionary));
      st.setString(5, c.optionIds().get(c.top()));
      st.setDouble(6, c.topPropensity());
      if (c.firstSlot().length == 0) {
        st.setNull(7, Types.BLOB);
      } else {
        st.setBytes(7, CandidateCodec.encodeProbabilities(c.firstSlot()));
      }
      st.setInt(8, c.draws());
      st.executeUpdate();
    }
    long listId;
    try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
      rs.next();
      listId = rs.getLong(1);
    }
    lastList = new LastList(listId, packedBodies, bodies);
    if (!policy.shadows().isEmpty()) {
      try (PreparedStatement st = connection.prepareStatement("INSERT INTO shadow_lists(id, list_id, policy, policy_version,"
          + " options, propensities, first_slot, draws) VALUES (?,?,?,?,?,?,?,?)")) {
        for (ShadowList shadow : policy.shadows()) {
          if (shadow.firstSlot().length != c.optionIds().size()) {
            throw new IllegalArgumentException("shadow list " + shadow.id() + ": " + shadow.firstSlot().length
                + " first-slot probabilities for " + c.optionIds().size() + " candidates");
          }
          st.setString(1, shadow.id());
          st.setLong(2, listId);
          st.setString(3, shadow.policy());
          st.setLong(4, shadow.version());
          st.setString(5, write(shadow.optionIds()));
          st.setString(6, write(shadow.propensities()));
          st.setBytes(7, CandidateCodec.encodeProbabilities(shadow.firstSlot()));
          st.setInt(8, shadow.draws());
          st.addBatch();
        }
        st.executeBatch();
      }
    }
    return listId;
  }

  /** The last list of key list {@code key}'s group (the key itself when it has none yet), with its JSON. */
  private LastList lastOfGroup(Connection connection, long key) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("SELECT id, bodies FROM lists WHERE id >= ?"
        + " AND (id = ? OR bodies_key = ?) AND bodies IS NOT NULL ORDER BY id DESC LIMIT 1")) {
      st.setLong(1, key);
      st.setLong(2, key);
      st.setLong(3, key);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new VaultException("key list " + key + " is missing");
        }
        long id = rs.getLong(1);
        byte[] packed = rs.getBytes(2);
        LastList cached = lastList;
        if (cached != null && cached.id() == id && Arrays.equals(cached.packedBodies(), packed)) {
          return cached;
        }
        LastList read = new LastList(id, packed, new Bodies().json(connection, id));
        lastList = read;
        return read;
      }
    }
  }

  /** Every shadow list logged, by the id of the list it was chosen beside. */
  private static Map<Long, List<ShadowList>> shadows(Connection connection) throws SQLException {
    Map<Long, List<ShadowList>> out = new HashMap<>();
    try (PreparedStatement st = connection.prepareStatement("SELECT id, list_id, policy, policy_version, options,"
        + " propensities, first_slot, draws FROM shadow_lists ORDER BY list_id, rowid");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        try {
          List<String> options = Json.mapper().readValue(rs.getString(5), STRING_LIST);
          double[] propensities = Json.mapper().readValue(rs.getString(6), double[].class);
          out.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new ShadowList(id, rs.getString(3), rs.getLong(4),
              options, propensities, CandidateCodec.decodeProbabilities(rs.getBytes(7), "shadow list " + id), rs.getInt(8)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          throw new VaultException("shadow list " + id + " cannot be read back: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** The shadow list with this id, if one was logged: the policy, and what it would have shown. */
  public Optional<ShadowList> shadow(String id) {
    return vault.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement("SELECT list_id FROM shadow_lists WHERE id = ?")) {
        st.setString(1, id);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            return Optional.<ShadowList>empty();
          }
          long list = rs.getLong(1);
          return shadows(connection).getOrDefault(list, List.of()).stream().filter(s -> s.id().equals(id)).findFirst();
        }
      }
    });
  }

  /**
   * Every list logged with its candidate set since {@code since} (inclusive), oldest first, each
   * with the feedback on its top item when there was some.
   */
  public List<ShownList> lists(Instant since) {
    return vault.read(
        connection -> {
          List<ShownList> out = new ArrayList<>();
          Map<Long, List<ShadowList>> shadows = shadows(connection);
          KeyCandidates keys = new KeyCandidates();
          try (PreparedStatement st = connection.prepareStatement(
              "SELECT l.id, l.created, l.policy, l.policy_version, l.candidates, l.top_option, l.top_propensity,"
                  + " r.id, r.desire, f.outcome, f.rating, f.at, l.first_slot, l.draws, l.bodies_key FROM lists l"
                  + " LEFT JOIN recommendations r ON r.list_id = l.id AND r.option_id = l.top_option"
                  + " LEFT JOIN feedback f ON f.recommendation_id = r.id WHERE l.forgotten IS NULL ORDER BY l.id");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              Instant created = Instant.parse(rs.getString(2));
              if (created.isBefore(since)) {
                continue;
              }
              long id = rs.getLong(1);
              CandidateCodec.Decoded d = keys.decode(connection, rs.getBytes(5), rs.getLong(15), "list " + id);
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
              byte[] firstSlot = rs.getBytes(13);
              double[] p = firstSlot == null ? new double[0] : CandidateCodec.decodeProbabilities(firstSlot, "list " + id);
              Candidates candidates;
              try {
                candidates = new Candidates(d.ids(), d.vectors(), top, rs.getDouble(7), p, rs.getInt(14));
              } catch (IllegalArgumentException e) {
                throw new VaultException("list " + id + " cannot be rebuilt: " + e.getMessage(), e);
              }
              out.add(new ShownList(id, created, rs.getString(3), rs.getLong(4), candidates, feedback,
                  shadows.getOrDefault(id, List.of())));
            }
          }
          return out;
        });
  }

  /** The candidate sets of key lists, inflated once, for the lists encoded against them. */
  static final class KeyCandidates {
    private final Map<Long, byte[]> raw = new HashMap<>();

    /** Decodes {@code bytes} of a list whose key list is {@code key} (0 or any value when it needs none). */
    CandidateCodec.Decoded decode(Connection connection, byte[] bytes, long key, String where) throws SQLException {
      if (!CandidateCodec.needsKey(bytes)) {
        return CandidateCodec.decode(bytes, where);
      }
      byte[] dictionary = raw.get(key);
      if (dictionary == null) {
        try (PreparedStatement st = connection.prepareStatement("SELECT candidates FROM lists WHERE id = ?")) {
          st.setLong(1, key);
          try (ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
              throw new VaultException("the candidates logged with " + where + " need key list " + key + ", which is missing");
            }
            dictionary = CandidateCodec.inflate(rs.getBytes(1), null, "list " + key);
          }
        }
        raw.put(key, dictionary);
      }
      return CandidateCodec.decode(bytes, dictionary, where);
    }
  }

  /** Every piece of feedback on an item logged with its features, in the order it was given. */
  public List<Taught> taught() {
    return vault.read(
        connection -> {
          List<Taught> out = new ArrayList<>();
          Map<Long, CandidateCodec.Decoded> lists = new HashMap<>();
          try (PreparedStatement st = connection.prepareStatement(
              "SELECT r.option_id, r.features, f.outcome, f.rating, f.at, r.id, r.desire, r.list_id FROM feedback f"
                  + " JOIN recommendations r ON r.id = f.recommendation_id WHERE r.features IS NOT NULL"
                  + " OR r.in_list = 1 ORDER BY f.id");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              long list = rs.getLong(8);
              Long listId = rs.wasNull() ? null : list;
              double[] x = vector(connection, rs.getString(6), rs.getString(1), rs.getString(2), listId, lists);
              int rating = rs.getInt(4);
              OptionalInt r = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(rating);
              out.add(new Taught(rs.getString(1), rs.getString(7), x, Outcome.valueOf(rs.getString(3)), r, Instant.parse(rs.getString(5))));
            }
          }
          return out;
        });
  }

  /**
   * A shown item's feature vector: its own column where it was logged with one, else its option's
   * vector in the candidate set of its list.
   */
  private static double[] vector(Connection connection, String id, String optionId, String features, Long list,
      Map<Long, CandidateCodec.Decoded> lists) throws SQLException {
    if (features != null) {
      try {
        return Json.mapper().readValue(features, double[].class);
      } catch (JsonProcessingException e) {
        throw new VaultException("the features logged with " + id + " cannot be read back: " + e.getOriginalMessage(), e);
      }
    }
    CandidateCodec.Decoded d = lists.get(list);
    if (d == null) {
      try (PreparedStatement st = connection.prepareStatement("SELECT candidates, bodies_key FROM lists WHERE id = ?")) {
        st.setLong(1, list);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            throw new VaultException("the list " + list + " that " + id + " was shown in is missing");
          }
          d = new KeyCandidates().decode(connection, rs.getBytes(1), rs.getLong(2), "list " + list);
        }
      }
      lists.put(list, d);
    }
    int i = d.ids().indexOf(optionId);
    if (i < 0) {
      throw new VaultException(id + ": its option " + optionId + " is not among the candidates of list " + list);
    }
    return d.vectors().get(i);
  }

  /** The feature vector a recommendation was shown with, if it was logged with one. */
  public Optional<double[]> features(String id) {
    return vault.read(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(
              "SELECT option_id, features, list_id, in_list FROM recommendations WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                return Optional.<double[]>empty();
              }
              long list = rs.getLong(3);
              boolean inList = !rs.wasNull() && rs.getInt(4) == 1;
              if (rs.getString(2) == null && !inList) {
                return Optional.<double[]>empty();
              }
              return Optional.of(vector(connection, id, rs.getString(1), rs.getString(2), inList ? list : null, new HashMap<>()));
            }
          }
        });
  }

  public Optional<LoggedDecision> find(String id) {
    return vault.read(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(DECISION_COLUMNS + " WHERE r.id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                return Optional.<LoggedDecision>empty();
              }
              return Optional.of(decision(connection, rs, new Bodies()));
            }
          }
        });
  }

  /** What {@link #decision} reads: when, the situation (the row's or its list's), the body, the list and the id. */
  private static final String DECISION_COLUMNS = "SELECT COALESCE(r.created, l.created), COALESCE(r.situation, l.situation), r.body, r.list_id,"
      + " r.id FROM recommendations r LEFT JOIN lists l ON l.id = r.list_id";

  /**
   * The recommendations of the list read last, its JSON (the dictionary of the list after it in its
   * group) and the key lists' JSON, so reading a log in order inflates each list once.
   */
  static final class Bodies {
    private final Map<Long, byte[]> keys = new HashMap<>();
    private long listId = -1;
    private Map<String, Recommendation> recommendations = Map.of();
    private long jsonId = -1;
    private byte[] json;

    Recommendation of(Connection connection, long list, String id) throws SQLException {
      if (list != listId) {
        recommendations = read(connection, list);
        listId = list;
      }
      Recommendation r = recommendations.get(id);
      if (r == null) {
        throw new VaultException("recommendation " + id + " is not among those logged with list " + list);
      }
      return r;
    }

    /** Every recommendation of {@code list}, in the order shown, by id. */
    Map<String, Recommendation> read(Connection connection, long list) throws SQLException {
      byte[] bytes = json(connection, list);
      try {
        List<Recommendation> shown = Json.mapper().readValue(bytes, RECOMMENDATIONS);
        Map<String, Recommendation> byId = new LinkedHashMap<>();
        shown.forEach(r -> byId.put(r.id(), r));
        return byId;
      } catch (java.io.IOException e) {
        throw new VaultException("the recommendations logged with list " + list + " cannot be read back: " + e.getMessage(), e);
      }
    }

    /** The JSON of {@code list}'s recommendations, inflated against its key or the list before it in its group. */
    byte[] json(Connection connection, long list) throws SQLException {
      if (list == jsonId) {
        return json;
      }
      byte[] packed;
      Long key;
      try (PreparedStatement st = connection.prepareStatement("SELECT bodies, bodies_key FROM lists WHERE id = ?")) {
        st.setLong(1, list);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next() || rs.getBytes(1) == null) {
            throw new VaultException("list " + list + " holds no recommendations to rebuild");
          }
          packed = rs.getBytes(1);
          long k = rs.getLong(2);
          key = rs.wasNull() ? null : k;
        }
      }
      byte[] dictionary;
      if (key == null) {
        dictionary = null;
      } else if (ListBodies.chained(packed)) {
        dictionary = json(connection, previous(connection, list, key));
      } else {
        dictionary = keys.computeIfAbsent(key, k -> unpackKey(connection, k));
      }
      byte[] out = ListBodies.unpack(packed, dictionary, "list " + list);
      if (key == null) {
        keys.put(list, out);
      }
      jsonId = list;
      json = out;
      return out;
    }

    /** The list before {@code list} in the group of key list {@code key}: what it was deflated against. */
    private static long previous(Connection connection, long list, long key) throws SQLException {
      try (PreparedStatement st = connection.prepareStatement("SELECT MAX(id) FROM lists WHERE id >= ? AND id < ?"
          + " AND (id = ? OR bodies_key = ?) AND bodies IS NOT NULL")) {
        st.setLong(1, key);
        st.setLong(2, list);
        st.setLong(3, key);
        st.setLong(4, key);
        try (ResultSet rs = st.executeQuery()) {
          long previous = rs.next() ? rs.getLong(1) : 0;
          if (rs.wasNull() || previous == 0) {
            throw new VaultException("list " + list + " was deflated against the list before it in key list " + key
                + "'s group, which is missing: it cannot be read back");
          }
          return previous;
        }
      }
    }

    private static byte[] unpackKey(Connection connection, long key) {
      try (PreparedStatement st = connection.prepareStatement("SELECT bodies FROM lists WHERE id = ? AND bodies_key IS NULL")) {
        st.setLong(1, key);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next() || rs.getBytes(1) == null) {
            throw new VaultException("key list " + key + " is missing: the lists deflated against it cannot be read back");
          }
          return ListBodies.unpack(rs.getBytes(1), null, "list " + key);
        }
      } catch (SQLException e) {
        throw new VaultException("cannot read key list " + key + ": " + e.getMessage(), e);
      }
    }
  }

  /** The decision with this id, or an error a person can act on. */
  public LoggedDecision require(String id) {
    Optional<LoggedDecision> found = find(id);
    if (found.isPresent()) {
      return found.get();
    }
    Optional<ShadowList> shadow = id.startsWith(SHADOW_PREFIX) ? shadow(id) : Optional.empty();
    if (shadow.isPresent()) {
      throw new RefusedException(id + " is what the shadow policy " + shadow.get().policy() + " would have shown; it was"
          + " never shown to you, so there is nothing to give feedback on or explain; use an id a recommendation list gave");
    }
    throw new NotFoundException("no recommendation with id '" + id + "'; use an id a recommendation list gave");
  }

  public List<LoggedDecision> all() {
    return vault.read(
        connection -> {
          List<LoggedDecision> out = new ArrayList<>();
          Bodies bodies = new Bodies();
          try (PreparedStatement st = connection.prepareStatement(DECISION_COLUMNS + " ORDER BY 1, r.id");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.add(decision(connection, rs, bodies));
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

  /**
   * How much the log holds.
   *
   * @param lists lists logged with their candidates
   * @param recommendations recommendations shown (in lists or alone, as plans are)
   * @param shadowLists what shadow policies would have shown
   * @param feedback pieces of feedback
   * @param bytes what the log's rows hold, in bytes (text and blobs; SQLite's pages add a little)
   * @param oldest when the oldest recommendation kept was shown
   */
  public record Size(long lists, long recommendations, long shadowLists, long feedback, long bytes, Optional<Instant> oldest) {}

  public Size size() {
    return vault.read(connection -> {
      try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT"
          + " (SELECT COUNT(*) FROM lists), (SELECT COUNT(*) FROM recommendations), (SELECT COUNT(*) FROM shadow_lists),"
          + " (SELECT COUNT(*) FROM feedback),"
          + " (SELECT COALESCE(SUM(LENGTH(candidates) + COALESCE(LENGTH(first_slot), 0) + COALESCE(LENGTH(bodies), 0)"
          + "   + COALESCE(LENGTH(situation), 0) + LENGTH(created) + LENGTH(policy) + LENGTH(top_option) + 24), 0) FROM lists)"
          + " + (SELECT COALESCE(SUM(LENGTH(id) + COALESCE(LENGTH(created), 0) + LENGTH(option_id) + LENGTH(desire) + 12"
          + "   + COALESCE(LENGTH(situation), 0) + COALESCE(LENGTH(body), 0) + COALESCE(LENGTH(features), 0)"
          + "   + COALESCE(LENGTH(policy), 0)), 0) FROM recommendations)"
          + " + (SELECT COALESCE(SUM(LENGTH(id) + LENGTH(policy) + LENGTH(options) + LENGTH(propensities)"
          + "   + LENGTH(first_slot) + 16), 0) FROM shadow_lists)"
          + " + (SELECT COALESCE(SUM(LENGTH(recommendation_id) + LENGTH(outcome) + LENGTH(at) + 16), 0) FROM feedback),"
          + " (SELECT MIN(COALESCE(r.created, l.created)) FROM recommendations r LEFT JOIN lists l ON l.id = r.list_id)")) {
        rs.next();
        String oldest = rs.getString(6);
        return new Size(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            Optional.ofNullable(oldest).map(Instant::parse));
      }
    });
  }

  /** What {@link #prune} removed. */
  public record Pruned(long lists, long recommendations, long feedback) {}

  /**
   * Removes what was shown before {@code before}, with its feedback and shadow lists: the person's
   * retention. Where the cut goes through a group of lists deflated one against another, the lists
   * kept are written again as a group of their own ({@link #regroup}), so nothing older stays for
   * them. Models keep what they learned; the log no longer holds the events.
   */
  public Pruned prune(Instant before) {
    String cutoff = before.toString();
    return vault.write(List.of(Vault.DECISIONS, Vault.FEEDBACK), connection -> {
      try (var st = connection.createStatement()) {
        st.execute("CREATE TEMP TABLE IF NOT EXISTS pruned_lists(id INTEGER PRIMARY KEY)");
        st.execute("DELETE FROM pruned_lists");
      }
      List<Long> straddling = new ArrayList<>();
      try (PreparedStatement st = connection.prepareStatement("SELECT COALESCE(bodies_key, id) FROM lists"
          + " WHERE created >= ? AND bodies IS NOT NULL INTERSECT SELECT COALESCE(bodies_key, id) FROM lists WHERE created < ?")) {
        st.setString(1, cutoff);
        st.setString(2, cutoff);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            straddling.add(rs.getLong(1));
          }
        }
      }
      for (long key : straddling) {
        regroup(connection, key, cutoff);
      }
      try (PreparedStatement st = connection.prepareStatement("INSERT INTO pruned_lists SELECT id FROM lists WHERE created < ?")) {
        st.setString(1, cutoff);
        st.executeUpdate();
      }
      String gone = "(SELECT id FROM recommendations WHERE list_id IN (SELECT id FROM pruned_lists)"
          + " OR (list_id IS NULL AND created < ?))";
      long feedback;
      try (PreparedStatement st = connection.prepareStatement("DELETE FROM feedback WHERE recommendation_id IN " + gone)) {
        st.setString(1, cutoff);
        feedback = st.executeUpdate();
      }
      long recommendations;
      try (PreparedStatement st = connection.prepareStatement("DELETE FROM recommendations WHERE list_id IN"
          + " (SELECT id FROM pruned_lists) OR (list_id IS NULL AND created < ?)")) {
        st.setString(1, cutoff);
        recommendations = st.executeUpdate();
      }
      long lists;
      try (var st = connection.createStatement()) {
        st.executeUpdate("DELETE FROM shadow_lists WHERE list_id IN (SELECT id FROM pruned_lists)");
        lists = st.executeUpdate("DELETE FROM lists WHERE id IN (SELECT id FROM pruned_lists)");
        st.execute("DELETE FROM pruned_lists");
      }
      return new Pruned(lists, recommendations, feedback);
    });
  }

  /**
   * Retention cuts through the group of key list {@code key}: the lists it keeps (shown at or after
   * {@code cutoff}) are written again as a group of their own, the first deflated alone as its key,
   * each other against the one before it, their candidates against the new key's; what they hold is
   * unchanged. Everything is read before anything is written.
   */
  private static void regroup(Connection connection, long key, String cutoff) throws SQLException {
    record Kept(long id, byte[] json, CandidateCodec.Decoded candidates) {}
    List<Kept> kept = new ArrayList<>();
    Bodies bodies = new Bodies();
    KeyCandidates keys = new KeyCandidates();
    try (PreparedStatement st = connection.prepareStatement("SELECT id, candidates, bodies_key FROM lists"
        + " WHERE (id = ? OR bodies_key = ?) AND created >= ? AND bodies IS NOT NULL ORDER BY id")) {
      st.setLong(1, key);
      st.setLong(2, key);
      st.setString(3, cutoff);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          kept.add(new Kept(id, bodies.json(connection, id), keys.decode(connection, rs.getBytes(2), rs.getLong(3), "list " + id)));
        }
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    Kept first = kept.get(0);
    byte[] firstCandidates = CandidateCodec.encode(first.candidates().ids(), first.candidates().vectors());
    byte[] candidateDictionary = CandidateCodec.inflate(firstCandidates, null, "list " + first.id());
    try (PreparedStatement st = connection.prepareStatement(
        "UPDATE lists SET bodies = ?, bodies_key = ?, candidates = ? WHERE id = ?")) {
      for (int i = 0; i < kept.size(); i++) {
        Kept k = kept.get(i);
        if (i == 0) {
          st.setBytes(1, ListBodies.pack(k.json(), null));
          st.setNull(2, Types.INTEGER);
          st.setBytes(3, firstCandidates);
        } else {
          st.setBytes(1, ListBodies.chain(k.json(), kept.get(i - 1).json()));
          st.setLong(2, first.id());
          st.setBytes(3, CandidateCodec.encode(k.candidates().ids(), k.candidates().vectors(), candidateDictionary));
        }
        st.setLong(4, k.id());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** Forgets every recommendation and all feedback. */
  public void clear() {
    vault.write(List.of(Vault.DECISIONS, Vault.FEEDBACK),
        connection -> {
          try (var st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM feedback");
            st.executeUpdate("DELETE FROM recommendations");
            st.executeUpdate("DELETE FROM shadow_lists");
            st.executeUpdate("DELETE FROM lists");
          }
          return null;
        });
  }

  private static LoggedDecision decision(Connection connection, ResultSet rs, Bodies bodies) throws SQLException {
    String id = rs.getString(5);
    try {
      Map<String, String> situation = rs.getString(2) == null ? Map.of() : Json.mapper().readValue(rs.getString(2), STRING_MAP);
      Recommendation recommendation;
      if (rs.getString(3) != null) {
        recommendation = Json.mapper().readValue(rs.getString(3), Recommendation.class);
      } else {
        long list = rs.getLong(4);
        if (rs.wasNull()) {
          throw new VaultException("recommendation " + id + " was logged with neither its body nor a list");
        }
        recommendation = bodies.of(connection, list, id);
      }
      return new LoggedDecision(Instant.parse(rs.getString(1)), situation, recommendation);
    } catch (JsonProcessingException e) {
      throw new VaultException("logged recommendation " + id + " cannot be read back: " + e.getOriginalMessage(), e);
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
