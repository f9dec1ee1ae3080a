package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.learn.Why;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.engine.rank.Recommender;
import dev.autonomy.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop through the facade, on the demo's synthetic person written as real files. */
class AutonomyLoopTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  @TempDir static Path files;
  static DemoFiles.Written written;

  @BeforeAll
  static void writeFiles() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    written = DemoFiles.write(files, SyntheticPerson.generate(LocalDate.now(CLOCK), 60, random.split()), PARIS, random.split());
  }

  private static Autonomy open(Path home) {
    return Autonomy.open(home, CLOCK, new SplittableRandom(3));
  }

  private static void importAll(Autonomy a) {
    for (Path f : written.all()) {
      a.importPath(f, null, null);
    }
  }

  @Test
  void importTwice_addsNothingTheSecondTime(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      importAll(a);
      long count = a.vault().signals().count();
      for (Path f : written.all()) {
        assertThat(a.importPath(f, null, null).added()).isZero();
      }
      assertThat(a.vault().signals().count()).isEqualTo(count);
    }
  }

  @Test
  void desiresAndRecommendations_comeWithReasonsAndDataTrail(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      importAll(a);
      Situation outdoor = new Situation(ZonedDateTime.now(CLOCK), Map.of("place", "outdoor"));
      List<Desire> desires = a.desires(outdoor);
      assertThat(desires).extracting(Desire::type).containsExactly(DesireType.values());
      assertThat(desires).allSatisfy(d -> assertThat(d.intensity()).isBetween(0.0, 1.0));
      Ranking ranking = a.recommend(outdoor, new RankingPolicy(5, 0), Optional.of(DesireType.MOVE));
      assertThat(ranking.recommendations()).isNotEmpty();
      Recommendation first = ranking.recommendations().get(0);
      assertThat(first.option().place().code()).isEqualTo("outdoor");
      assertThat(first.explanation().contributions()).isNotEmpty();
      assertThat(first.explanation().evidence()).anySatisfy(e -> {
        assertThat(e.source()).isEqualTo("export.zip");
        assertThat(e.records()).isPositive();
      });
      // Logged with its propensity, and readable back for "why".
      Why why = a.why(first.id());
      // as shown, with every number to the four significant digits the log keeps
      assertThat(why.decision().recommendation()).usingRecursiveComparison()
          .withComparatorForType((x, y) -> Math.abs(x - y) <= 6e-4 * Math.max(1e-3, Math.abs(y)) ? 0 : Double.compare(x, y), Double.class)
          .isEqualTo(first);
      // A list asked for one desire says so in its logged context.
      assertThat(why.decision().situation()).containsEntry(Recommender.ASKED_DESIRE, "move").containsEntry("place", "outdoor");
      assertThat(why.decision().recommendation().explanation().propensity()).isEqualTo(1.0);
    }
  }

  @Test
  void feedback_dropsARepeatedlyBadOptionBelowAGoodOne_andWhySaysSo(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      importAll(a);
      Situation s = new Situation(ZonedDateTime.now(CLOCK), Map.of("place", "outdoor"));
      RankingPolicy policy = new RankingPolicy(8, 0);
      List<Recommendation> recs = a.recommend(s, policy, Optional.of(DesireType.MOVE)).recommendations();
      String bad = recs.get(0).option().id();
      String good = recs.get(1).option().id();
      int rounds = 0;
      List<String> order = recs.stream().map(r -> r.option().id()).toList();
      while (order.indexOf(bad) < order.indexOf(good) && rounds < 5) {
        List<Recommendation> shown = a.recommend(s, policy, Optional.of(DesireType.MOVE)).recommendations();
        a.feedback(find(shown, bad).id(), Outcome.DONE, OptionalInt.of(1));
        a.feedback(find(shown, good).id(), Outcome.DONE, OptionalInt.of(5));
        order = a.recommend(s, policy, Optional.of(DesireType.MOVE)).recommendations().stream().map(r -> r.option().id()).toList();
        rounds++;
      }
      assertThat(order.indexOf(good)).isLessThan(order.indexOf(bad));
      assertThat(rounds).isLessThanOrEqualTo(3);
      Why why = a.why(recs.get(0).id());
      assertThat(why.feedbackSince()).isNotEmpty();
      assertThat(why.preferenceNow()).isLessThan(0.5);
    }
    // Feedback survives reopening the vault.
    try (Autonomy a = open(home)) {
      assertThat(a.vault().decisions().feedbackRows()).isNotEmpty();
    }
  }

  private static Recommendation find(List<Recommendation> recs, String optionId) {
    return recs.stream().filter(r -> r.option().id().equals(optionId)).findFirst().orElseThrow();
  }

  @Test
  void weekPlan_isOfferedAsARecommendation_andFeedbackOnOneDayTeachesTheModels(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      importAll(a);
      a.addRule("never swim");
      var offered = a.recommendWeekPlan(Map.of(), new int[] {60, 60, 60, 60, 60, 120, 120}, 5);
      assertThat(offered.plan().option().id()).startsWith("plan-week-");
      assertThat(offered.elements()).isNotEmpty();
      assertThat(offered.elements()).allSatisfy(e -> {
        assertThat(e.option().id()).isNotEqualTo("swim");
        assertThat(e.id()).startsWith(offered.plan().id() + "-");
      });
      Recommendation day = offered.elements().get(0);
      assertThat(a.why(day.id()).decision().recommendation()).isEqualTo(day);
      double before = a.preferences().preference(day.option().id());
      a.feedback(day.id(), Outcome.DONE, OptionalInt.of(5));
      double after = a.preferences().preference(day.option().id());
      assertThat(after).isGreaterThan(before);
      // Feedback counts once per recommendation: a repeat (a retried request) is refused and teaches nothing.
      assertThatThrownBy(() -> a.feedback(day.id(), Outcome.DONE, OptionalInt.of(5)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(day.id() + " was already given (done, rating 5");
      assertThat(a.preferences().preference(day.option().id())).isEqualTo(after);
      assertThat(a.vault().decisions().feedbackRows()).filteredOn(f -> f.recommendationId().equals(day.id())).hasSize(1);
    }
  }

  @Test
  void rules_areNeverBroken_andBadRulesAreNotStored(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      importAll(a);
      a.addRule("never run");
      a.addRule("max 30 minutes");
      assertThatThrownBy(() -> a.addRule("only good vibes")).isInstanceOf(InvalidInputException.class);
      assertThat(a.rules()).hasSize(2);
      Ranking r = a.recommend(new Situation(ZonedDateTime.now(CLOCK), Map.of()), new RankingPolicy(50, 0));
      assertThat(r.recommendations()).allSatisfy(rec -> {
        assertThat(rec.option().activity()).isNotEqualTo("run");
        assertThat(rec.option().minutes()).isLessThanOrEqualTo(30);
      });
      assertThat(r.rules().get(0).removed()).contains("park-run");
    }
  }

  @Test
  void forgetSource_leavesNoneOfItInTheDatabaseFile(@TempDir Path home) throws Exception {
    try (Autonomy a = open(home)) {
      importAll(a);
      a.desires(new Situation(ZonedDateTime.now(CLOCK), Map.of()));
      long removed = a.forgetSource("spending.csv").removed();
      assertThat(removed).isPositive();
      assertThat(a.vault().signals().sources()).extracting(s -> s.name()).doesNotContain("spending.csv");
      // The model is rebuilt without it.
      assertThat(a.desires(new Situation(ZonedDateTime.now(CLOCK), Map.of()))).hasSize(5);
    }
    Path db = home.resolve(Vault.DATABASE_FILE);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM signals s JOIN sources src ON src.id = s.source_id WHERE src.name = 'spending.csv'"
                + " OR s.kind IN ('purchase','transaction','note')")) {
      assertThat(rs.getLong(1)).isZero();
    }
    String bytes = new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("Weekly groceries").doesNotContain("Coffee on the way to work");
  }

  @Test
  void forgetAll_deletesEveryFileTheVaultMade(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      importAll(a);
    }
    List<Path> deleted = Autonomy.forgetAll(home).deleted();
    assertThat(deleted).anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo(Vault.DATABASE_FILE));
    assertThat(home).isEmptyDirectory();
  }

  @Test
  void export_writesEveryPartReadably_andRefusesANonEmptyFolder(@TempDir Path home, @TempDir Path out) throws Exception {
    try (Autonomy a = open(home)) {
      importAll(a);
      a.addRule("never swim");
      Recommendation r = a.recommend(new Situation(ZonedDateTime.now(CLOCK), Map.of()), new RankingPolicy(3, 0)).recommendations().get(0);
      a.feedback(r.id(), Outcome.SKIPPED, OptionalInt.empty());
      Path dir = out.resolve("export");
      var summary = a.export(dir);
      assertThat(summary.files()).containsKeys("signals.csv", "daily.csv", "features.csv", "desire-model.json",
          "recommendations.jsonl", "feedback.csv", "rules.json", "quality.json");
      assertThat(summary.files().get("signals.csv")).isEqualTo(a.vault().signals().count());
      assertThat(Files.readString(dir.resolve("rules.json"))).contains("never swim");
      assertThat(Files.readAllLines(dir.resolve("feedback.csv"))).hasSize(2).last().asString().contains(r.id(), "skipped");
      assertThat(Files.readString(dir.resolve("desire-model.json"))).contains("provenance");
      // the shown list with the candidates its policy chose from, for off-policy evaluation
      assertThat(summary.files()).containsEntry("lists.jsonl", 1L);
      assertThat(Files.readString(dir.resolve("lists.jsonl"))).contains("\"policy\":\"fixed\"", "\"top\":\"" + r.option().id() + "\"",
          "\"vectors\":[[");
      assertThatThrownBy(() -> a.export(dir)).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }
  }

  @Test
  void importOfBadFile_leavesVaultUnchanged(@TempDir Path home, @TempDir Path tmp) throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "time,kind,amount,unit,category,text\n2026-11-01T10:00:00+01:00,purchase,12.5,EUR,food,ok\n"
        + "2026-11-02T10:00:00+01:00,purchase,twelve,EUR,food,bad\n");
    try (Autonomy a = open(home)) {
      importAll(a);
      String before = a.vault().signals().fingerprint();
      assertThatThrownBy(() -> a.importPath(bad, "events", null))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.csv").hasMessageContaining("3");
      assertThat(a.vault().signals().fingerprint()).isEqualTo(before);
    }
  }
}
