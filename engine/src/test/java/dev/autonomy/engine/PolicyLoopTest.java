package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking policies through the facade: the fixed hand weights are live for a new person, the
 * learned ones learn from every piece of feedback beside it, switching is the person's and is
 * recorded, a learned live policy orders the list with its propensities and its reasons, and no
 * policy ever shows what a rule forbids.
 */
class PolicyLoopTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  @TempDir static Path files;
  static DemoFiles.Written written;

  @BeforeAll
  static void writeFiles() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    written = DemoFiles.write(files, SyntheticPerson.generate(LocalDate.now(CLOCK), 40, random.split()), PARIS, random.split());
  }

  private static Autonomy openWithData(Path home) {
    Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3));
    a.importPath(written.appleHealthZip(), null, null);
    return a;
  }

  @Test
  void learnedPoliciesLearnBesideTheFixedOne_andALiveOneExplainsItself(@TempDir Path home) {
    try (Autonomy a = openWithData(home)) {
      assertThat(a.policies().liveName()).isEqualTo(PolicyBook.FIXED);
      Situation evening = new Situation(ZonedDateTime.now(CLOCK), Map.of("place", "outdoor"));
      Ranking fixed = a.recommend(evening, new RankingPolicy(3, 0));
      assertThat(fixed.shown().policy()).isEqualTo("fixed");
      assertThat(fixed.shown().features()).containsOnlyKeys(fixed.recommendations().stream().map(Recommendation::id).toList());
      // feedback on the second item of the list, not only the top one, teaches every learned policy
      a.feedback(fixed.recommendations().get(1).id(), Outcome.DONE, OptionalInt.of(5));
      a.feedback(fixed.recommendations().get(0).id(), Outcome.SKIPPED, OptionalInt.empty());
      assertThat(a.policies().list()).filteredOn(r -> !r.name().equals("fixed"))
          .allSatisfy(r -> assertThat(r.updates()).isEqualTo(2));

      PolicyBook.Switch made = a.policies().switchTo("thompson");
      assertThat(made.from()).isEqualTo("fixed");
      assertThat(a.policies().switches()).containsExactly(made);
      Ranking learned = a.recommend(evening, new RankingPolicy(3, 0));
      assertThat(learned.shown().policy()).isEqualTo("thompson");
      assertThat(learned.shown().version()).isEqualTo(2);
      for (Recommendation r : learned.recommendations()) {
        assertThat(r.explanation().propensity()).isBetween(0.0, 1.0).isPositive();
        assertThat(r.explanation().contributions()).anySatisfy(c -> {
          assertThat(c.input()).isEqualTo("policy.thompson");
          assertThat(c.meaning()).contains("after 2 piece(s) of feedback").contains("draws");
        });
        assertThat(a.why(r.id()).decision().recommendation().explanation().contributions())
            .anySatisfy(c -> assertThat(c.input()).startsWith("learned."));
      }
    }
    // another process (a new facade on the same vault) sees the same live policy and what it learned
    try (Autonomy again = Autonomy.open(home, CLOCK, new SplittableRandom(4))) {
      assertThat(again.policies().liveName()).isEqualTo("thompson");
      assertThat(again.policies().list()).filteredOn(r -> r.name().equals("linucb")).singleElement()
          .satisfies(r -> assertThat(r.updates()).isEqualTo(2));
    }
  }

  @Test
  void aDocumentSavedBeforeAPolicyWasAdded_startsTheNewOneFromThePriorAndKeepsTheOthers(@TempDir Path home) throws Exception {
    try (Autonomy a = openWithData(home)) {
      Ranking r = a.recommend(new Situation(ZonedDateTime.now(CLOCK), Map.of()), new RankingPolicy(3, 0));
      a.feedback(r.recommendations().get(0).id(), Outcome.DONE, OptionalInt.of(5));
      a.policies().switchTo("linucb");
      ObjectNode saved = (ObjectNode) Json.mapper().readTree(a.vault().documents().get(PolicyBook.DOCUMENT).orElseThrow());
      assertThat(((ObjectNode) saved.get("learned")).remove("conservative")).as("the document held the new policy").isNotNull();
      a.vault().documents().put(PolicyBook.DOCUMENT, Json.mapper().writeValueAsString(saved));
    }
    try (Autonomy again = Autonomy.open(home, CLOCK, new SplittableRandom(4))) {
      assertThat(again.policies().liveName()).isEqualTo("linucb");
      assertThat(again.policies().list()).extracting(PolicyBook.Row::name).containsExactlyElementsOf(PolicyBook.NAMES);
      assertThat(again.policies().list()).filteredOn(row -> row.name().equals("linucb")).singleElement()
          .satisfies(row -> assertThat(row.updates()).isEqualTo(1));
      assertThat(again.policies().list()).filteredOn(row -> row.name().equals("conservative")).singleElement()
          .satisfies(row -> assertThat(row.updates()).isZero());
    }
  }

  @Test
  void noPolicyEverShowsWhatARuleForbids(@TempDir Path home) {
    try (Autonomy a = openWithData(home)) {
      a.addRule("never run");
      a.addRule("no outdoor when weather=rain");
      SplittableRandom random = new SplittableRandom(11);
      String[] weathers = {"rain", "sun", "cloud"};
      for (String policy : PolicyBook.NAMES) {
        a.policies().switchTo(policy);
        for (int i = 0; i < 15; i++) {
          String weather = weathers[random.nextInt(weathers.length)];
          Situation s = new Situation(ZonedDateTime.now(CLOCK).plusHours(i), Map.of("weather", weather));
          Ranking r = a.recommend(s, new RankingPolicy(5, 0.2));
          for (Recommendation shown : r.recommendations()) {
            assertThat(shown.option().activity()).as(policy).isNotEqualTo("run");
            if (weather.equals("rain")) {
              assertThat(shown.option().place().code()).as(policy + " in rain").isNotEqualTo("outdoor");
            }
          }
          Recommendation any = r.recommendations().get(random.nextInt(r.recommendations().size()));
          a.feedback(any.id(), random.nextBoolean() ? Outcome.DONE : Outcome.SKIPPED, OptionalInt.of(1 + random.nextInt(5)));
        }
      }
    }
  }

  @Test
  void anUnknownPolicyOrADamagedDocumentIsAClearErrorAndChangesNothing(@TempDir Path home) {
    try (Autonomy a = openWithData(home)) {
      assertThatThrownBy(() -> a.policies().switchTo("bestest")).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no ranking policy 'bestest'").hasMessageContaining("linucb");
      assertThat(a.policies().liveName()).isEqualTo("fixed");
      a.vault().documents().put(PolicyBook.DOCUMENT, "{\"live\": \"linucb\", \"learned\": {\"linucb\": {\"kind\": 7");
      assertThatThrownBy(() -> a.policies().liveName()).isInstanceOf(AutonomyFailure.class)
          .hasMessageContaining(PolicyBook.DOCUMENT).hasMessageContaining("nothing was changed")
          .hasMessageContaining("autonomy policy reset");
      // recommendations keep working on the hand weights, and feedback is still taken
      Ranking r = a.recommend(new Situation(ZonedDateTime.now(a.clock()), Map.of()), new RankingPolicy(3, 0));
      assertThat(r.shown().policy()).isEqualTo("fixed");
      a.feedback(r.recommendations().get(0).id(), Outcome.DONE, OptionalInt.of(4));
      assertThat(a.vault().documents().get(PolicyBook.DOCUMENT)).hasValueSatisfying(d -> assertThat(d).contains("\"kind\": 7"));
      // a reset repairs it
      a.policies().reset();
      assertThat(a.policies().liveName()).isEqualTo("fixed");
      assertThat(a.policies().list()).hasSize(PolicyBook.NAMES.size());
    }
  }

  @Test
  void aListWhoseKeyListCannotBeReadBackIsStillLoggedAlone(@TempDir Path home) throws Exception {
    try (Autonomy a = openWithData(home)) {
      Situation now = new Situation(ZonedDateTime.now(a.clock()), Map.of());
      a.recommend(now, new RankingPolicy(3, 0));
      try (var other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + a.home().resolve("vault.db"));
          var st = other.prepareStatement("UPDATE lists SET bodies = X'0102'")) {
        st.executeUpdate();
      }
      Ranking r = a.recommend(now, new RankingPolicy(3, 0));
      assertThat(a.why(r.recommendations().get(0).id()).decision().recommendation().id()).isEqualTo(r.recommendations().get(0).id());
      assertThat(a.vault().decisions().lists(Instant.EPOCH)).hasSize(2);
    }
  }
}
