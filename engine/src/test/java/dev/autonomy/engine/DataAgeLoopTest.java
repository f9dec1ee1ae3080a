package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.rank.RankingPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two weeks after the last sync, through the facade: the desires, their JSON view and the logged
 * explanations ("why") say which data is missing since when, and are less sure.
 */
class DataAgeLoopTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  @TempDir static Path files;
  static DemoFiles.Written written;

  @BeforeAll
  static void writeFiles() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    written = DemoFiles.write(files, SyntheticPerson.generate(LocalDate.now(CLOCK), 60, random.split()), PARIS, random.split());
  }

  @Test
  void twoWeeksAfterTheLastSync_desiresAndWhySayNoDataSince_andConfidenceFalls(@TempDir Path home) {
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      for (Path f : written.all()) {
        a.importPath(f, null, null);
      }
      Situation now = new Situation(ZonedDateTime.now(CLOCK), Map.of("place", "outdoor"));
      Situation later = new Situation(ZonedDateTime.now(CLOCK).plusDays(14), Map.of("place", "outdoor"));
      List<Desire> fresh = a.desires(now);
      List<Desire> stale = a.desires(later);

      // the demo's days end yesterday, each with the night before it: last night is not in the data yet
      assertThat(new DesiresNow(now, fresh, Map.of(), List.of()).dataAge()).contains("no sleep data since 2026-11-28")
          .noneMatch(n -> n.startsWith("no steps data") || n.startsWith("no active minutes data"));
      List<String> notes = new DesiresNow(later, stale, Map.of(), List.of()).dataAge();
      assertThat(notes).contains("no steps data since 2026-11-29", "no sleep data since 2026-11-28");
      assertThat(new DesiresNow(later, stale, Map.of(), List.of()).view()).containsEntry("data_age", notes);
      for (DesireType t : List.of(DesireType.REST, DesireType.EXPLORE)) {
        Desire f = fresh.stream().filter(d -> d.type() == t).findFirst().orElseThrow();
        Desire s = stale.stream().filter(d -> d.type() == t).findFirst().orElseThrow();
        if (f.confidence() > 0) {
          assertThat(s.confidence()).as(t.code()).isLessThan(f.confidence());
        }
        assertThat(s.contributions()).extracting(Contribution::meaning)
            .noneMatch(m -> m.contains("steps yesterday") && m.contains("against your usual"));
      }

      Recommendation shown = a.recommend(later, new RankingPolicy(3, 0), Optional.of(DesireType.REST))
          .recommendations().get(0);
      assertThat(a.why(shown.id()).decision().recommendation().explanation().contributions())
          .extracting(Contribution::meaning)
          .anySatisfy(m -> assertThat(m).contains("data since"));
    }
  }
}
