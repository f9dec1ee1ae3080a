package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.vault.LoggedDecision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, faults 4 and 5: a source is its content and origin, not its file name; a signal two
 * sources brought goes only when both are forgotten; forgetting removes what was derived from it.
 */
class ForgetSourcesTest {
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

  private static long count(Autonomy a, SignalKind kind) {
    return a.vault().signals().list(Set.of(kind)).size();
  }

  private static long linUcbUpdates(Autonomy a) {
    return a.policies().list().stream().filter(r -> r.name().equals("linucb")).findFirst().orElseThrow().updates();
  }

  @Test
  void twoFilesOfOneName_fromTwoFolders_areTwoSources_andForgettingOneKeepsTheOther(@TempDir Path dir) throws Exception {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("spending.csv");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("spending.csv");
    Files.copy(written.eventsCsv(), a);
    Files.writeString(b, "time,kind,amount,unit,category,text\n"
        + "2026-11-20T12:00:00+01:00,purchase,4.20,EUR,food,Lunch from the other folder\n", StandardCharsets.UTF_8);
    try (Autonomy autonomy = open(dir.resolve("home"))) {
      autonomy.importPath(a, null, null);
      autonomy.importPath(b, null, null);
      assertThat(autonomy.sources()).hasSize(2);
      long purchases = count(autonomy, SignalKind.PURCHASE);

      autonomy.forgetSource(a.toString());

      assertThat(autonomy.sources()).hasSize(1);
      assertThat(count(autonomy, SignalKind.PURCHASE)).isEqualTo(1).isLessThan(purchases);
      assertThat(autonomy.vault().signals().list(Set.of(SignalKind.PURCHASE)).get(0).text())
          .isEqualTo("Lunch from the other folder");
    }
  }

  @Test
  void identicalFiles_fromTwoFolders_shareTheirSignals_whichGoOnlyWhenBothAreForgotten(@TempDir Path dir) throws Exception {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("spending.csv");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("spending.csv");
    Files.copy(written.eventsCsv(), a);
    Files.copy(written.eventsCsv(), b);
    try (Autonomy autonomy = open(dir.resolve("home"))) {
      long added = autonomy.importPath(a, null, null).added();
      assertThat(autonomy.importPath(b, null, null).added()).isZero();
      assertThat(autonomy.sources()).hasSize(2).allSatisfy(s -> assertThat(s.signals()).isEqualTo(added));

      autonomy.forgetSource(a.toString());
      assertThat(autonomy.vault().signals().count()).isEqualTo(added);
      assertThat(autonomy.sources()).singleElement().satisfies(s -> assertThat(s.signals()).isEqualTo(added));

      autonomy.forgetSource(b.toString());
      assertThat(autonomy.vault().signals().count()).isZero();
      assertThat(autonomy.sources()).isEmpty();
    }
  }

  @Test
  void reimportingTheSameFile_addsNothing_andMakesNoSecondSource(@TempDir Path dir) {
    try (Autonomy autonomy = open(dir)) {
      long added = autonomy.importPath(written.eventsCsv(), null, null).added();
      assertThat(added).isPositive();
      assertThat(autonomy.importPath(written.eventsCsv(), null, null).added()).isZero();
      assertThat(autonomy.sources()).hasSize(1);
    }
  }

  @Test
  void forgettingASource_leavesNoValueDerivedFromItInTheLogOrTheExport(@TempDir Path dir) throws Exception {
    try (Autonomy autonomy = open(dir.resolve("home"))) {
      for (Path f : written.all()) {
        autonomy.importPath(f, null, null);
      }
      Situation now = new Situation(ZonedDateTime.now(CLOCK), Map.of("place", "outdoor"));
      Ranking ranking = autonomy.recommend(now, new RankingPolicy(5, 0), Optional.of(DesireType.MOVE));
      String id = ranking.recommendations().get(0).id();
      autonomy.feedback(id, Outcome.DONE, OptionalInt.of(4));
      assertThat(autonomy.vault().decisions().all()).anySatisfy(d ->
          assertThat(d.recommendation().explanation().contributions()).isNotEmpty());
      assertThat(autonomy.vault().decisions().taught()).isNotEmpty();
      assertThat(linUcbUpdates(autonomy)).isPositive();

      autonomy.forgetSource("export.zip");

      // The decision, its options, policy, propensities and feedback stay; no value computed from the data does.
      assertThat(autonomy.vault().decisions().all()).hasSize(ranking.recommendations().size());
      for (LoggedDecision d : autonomy.vault().decisions().all()) {
        assertThat(d.recommendation().explanation().contributions()).isEmpty();
        assertThat(d.recommendation().explanation().evidence()).isEmpty();
        assertThat(d.recommendation().explanation().summary()).contains("forgotten");
      }
      assertThat(autonomy.vault().decisions().features(id)).isEmpty();
      assertThat(autonomy.vault().decisions().taught()).isEmpty();
      // What the learned policies learned from those values goes too: relearned from what is left.
      assertThat(linUcbUpdates(autonomy)).isZero();
      assertThat(autonomy.vault().decisions().lists(Instant.EPOCH)).isEmpty();
      assertThat(autonomy.vault().decisions().feedbackRows()).singleElement()
          .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.DONE));

      Path export = dir.resolve("export");
      autonomy.export(export);
      String log = Files.readString(export.resolve("recommendations.jsonl"));
      assertThat(log).doesNotContain("sleep_last_night_h").doesNotContain("steps_7d").doesNotContain("export.zip");
      assertThat(Files.readString(export.resolve("lists.jsonl"))).isEmpty();
    }
  }
}
