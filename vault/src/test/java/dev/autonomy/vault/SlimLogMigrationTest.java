package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault migration 10 (slim recommendation rows) on vaults that already hold decisions and feedback:
 * rows logged the version-7 way (each with its body, situation and features) and the version-9 way
 * (a compact list, its rows pointing to it) migrate, and afterwards feedback still joins its
 * decision, {@code why} finds each decision as shown, and the learners still get each vector.
 */
class SlimLogMigrationTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
  private static final List<String> OPTIONS = List.of("park-run", "gym", "nap");
  private static final List<double[]> VECTORS = List.of(new double[] {1, 0.5}, new double[] {0.25, 2}, new double[] {0, -1});
  private static final Map<String, String> SITUATION = Map.of("place", "outdoor", "weather", "rain");

  @TempDir Path home;

  private static Recommendation shown(String id, String option, double score) {
    Option o = new Option(option, "Option " + option, DesireType.MOVE, Place.OUTDOOR, 30, 4, 0, option, Set.of("tag"));
    return new Recommendation(id, o, o.desire(), score, 0.5,
        new Explanation(option + " for your wish to move", List.of(), List.of(), false, 1, List.of(), "daily ridge model"));
  }

  /** Runs migrations 1..{@code version} on a new database, as an older Autonomy did. */
  private Connection vaultAt(int version) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Vault.DATABASE_FILE));
    try (Statement st = c.createStatement()) {
      for (int step = 0; step < version; step++) {
        for (String sql : Migrations.STEPS.get(step).split(";")) {
          if (!sql.isBlank()) {
            st.execute(sql);
          }
        }
      }
      st.execute("PRAGMA user_version = " + version);
    }
    return c;
  }

  private static void list(Connection c, long id, String created, byte[] bodies) throws Exception {
    String columns = bodies == null ? "" : ", situation, bodies";
    try (PreparedStatement st = c.prepareStatement("INSERT INTO lists(id, created, policy, policy_version, candidates,"
        + " top_option, top_propensity" + columns + ") VALUES (?,?,'fixed',0,?,'park-run',1" + (bodies == null ? "" : ",?,?")
        + ")")) {
      st.setLong(1, id);
      st.setString(2, created);
      st.setBytes(3, CandidateCodec.encode(OPTIONS, VECTORS));
      if (bodies != null) {
        st.setString(4, Json.mapper().writeValueAsString(SITUATION));
        st.setBytes(5, bodies);
      }
      st.executeUpdate();
    }
  }

  private static void feedback(Connection c, String id, String outcome, String at) throws Exception {
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO feedback(recommendation_id, outcome, rating, at) VALUES (?,?,4,?)")) {
      st.setString(1, id);
      st.setString(2, outcome);
      st.setString(3, at);
      st.executeUpdate();
    }
  }

  @Test
  void aVersion7VaultWithFeedback_migrates_andFeedbackJoinsItsDecisions() throws Exception {
    Recommendation top = shown("rec-aaaaaaaaaa", "park-run", 0.9);
    Recommendation second = shown("rec-bbbbbbbbbb", "gym", 0.7);
    Recommendation plan = shown("plan-cccccccccc", "nap", 0.6);
    try (Connection c = vaultAt(7)) {
      list(c, 1, "2026-02-01T10:00:00Z", null);
      try (PreparedStatement st = c.prepareStatement("INSERT INTO recommendations(id, created, option_id, desire, score,"
          + " confidence, propensity, exploration, situation, body, features, policy, policy_version, list_id)"
          + " VALUES (?,?,?,'move',?,0.5,1,0,?,?,?,?,?,?)")) {
        int i = 0;
        for (Recommendation r : List.of(top, second, plan)) {
          st.setString(1, r.id());
          st.setString(2, r == plan ? "2026-02-02T10:00:00Z" : "2026-02-01T10:00:00Z");
          st.setString(3, r.option().id());
          st.setDouble(4, r.score());
          st.setString(5, Json.mapper().writeValueAsString(SITUATION));
          st.setString(6, Json.mapper().writeValueAsString(r));
          st.setString(7, Json.mapper().writeValueAsString(VECTORS.get(i++)));
          st.setString(8, r == plan ? "week-planner" : "fixed");
          st.setLong(9, 0);
          if (r == plan) {
            st.setNull(10, java.sql.Types.INTEGER);
          } else {
            st.setLong(10, 1);
          }
          st.executeUpdate();
        }
      }
      feedback(c, top.id(), "DONE", "2026-02-01T12:00:00Z");
      feedback(c, plan.id(), "SKIPPED", "2026-02-02T12:00:00Z");
    }

    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.schemaVersion()).isEqualTo(Migrations.STEPS.size());
      DecisionLog log = vault.decisions();
      assertThat(log.feedbackRows()).extracting(FeedbackRow::recommendationId, FeedbackRow::optionId, FeedbackRow::outcome)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(top.id(), "park-run", Outcome.DONE),
              org.assertj.core.groups.Tuple.tuple(plan.id(), "nap", Outcome.SKIPPED));
      // what 'why' reads: each decision as shown, when and in what situation
      LoggedDecision why = log.require(second.id());
      assertThat(why.recommendation()).isEqualTo(second);
      assertThat(why.situation()).isEqualTo(SITUATION);
      assertThat(why.created()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
      assertThat(log.require(plan.id()).created()).isEqualTo(Instant.parse("2026-02-02T10:00:00Z"));
      assertThat(log.taught()).extracting(DecisionLog.Taught::optionId, DecisionLog.Taught::features)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("park-run", VECTORS.get(0)),
              org.assertj.core.groups.Tuple.tuple("nap", VECTORS.get(2)));
      assertThat(log.lists(Instant.EPOCH)).singleElement().satisfies(l -> {
        assertThat(l.topFeedback()).hasValueSatisfying(f -> assertThat(f.recommendationId()).isEqualTo(top.id()));
        assertThat(l.candidates().optionIds()).isEqualTo(OPTIONS);
      });
      assertThat(log.all()).extracting(d -> d.recommendation().id()).containsExactly(top.id(), second.id(), plan.id());
      assertThat(log.size().oldest()).hasValue(Instant.parse("2026-02-01T10:00:00Z"));
    }
    assertThat(VaultCheck.check(home).problems()).isEmpty();
  }

  @Test
  void aVersion9CompactListWithFeedback_migrates_andTakesItsTimeAndFeaturesFromTheList() throws Exception {
    Recommendation top = shown("rec-dddddddddd", "park-run", 0.9);
    Recommendation second = shown("rec-eeeeeeeeee", "nap", 0.8);
    try (Connection c = vaultAt(9)) {
      list(c, 1, "2026-02-03T10:00:00Z", ListBodies.pack(ListBodies.json(List.of(top, second)), null));
      try (PreparedStatement st = c.prepareStatement("INSERT INTO recommendations(id, created, option_id, desire, score,"
          + " confidence, propensity, exploration, policy, policy_version, list_id)"
          + " VALUES (?,'2026-02-03T10:00:00Z',?,'move',?,0.5,1,0,'fixed',0,1)")) {
        for (Recommendation r : List.of(top, second)) {
          st.setString(1, r.id());
          st.setString(2, r.option().id());
          st.setDouble(3, r.score());
          st.executeUpdate();
        }
      }
      feedback(c, second.id(), "DONE", "2026-02-03T12:00:00Z");
    }

    try (Vault vault = Vault.open(home, CLOCK)) {
      DecisionLog log = vault.decisions();
      assertThat(log.feedbackRows()).singleElement().satisfies(f -> {
        assertThat(f.recommendationId()).isEqualTo(second.id());
        assertThat(f.optionId()).isEqualTo("nap");
      });
      LoggedDecision why = log.require(second.id());
      assertThat(why.recommendation().option()).isEqualTo(second.option());
      assertThat(why.recommendation().score()).isEqualTo(0.8);
      assertThat(why.situation()).isEqualTo(SITUATION);
      assertThat(why.created()).isEqualTo(Instant.parse("2026-02-03T10:00:00Z"));
      assertThat(log.taught()).singleElement().satisfies(t -> assertThat(t.features()).isEqualTo(VECTORS.get(2)));
      assertThat(log.features(top.id())).hasValueSatisfying(x -> assertThat(x).isEqualTo(VECTORS.get(0)));
      try (Statement st = vault.connection().createStatement();
          var rs = st.executeQuery("SELECT COUNT(*) FROM recommendations WHERE in_list = 1 AND created IS NULL")) {
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
    assertThat(VaultCheck.check(home).problems()).isEmpty();
  }
}
