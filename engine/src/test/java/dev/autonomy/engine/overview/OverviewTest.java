package dev.autonomy.engine.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's view of the person: daily series day by day up to today, and desires by hour. */
class OverviewTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  @Test
  void series_coverEveryDayOfTheWindow_missingWhereTheVaultKnowsNothing(@TempDir Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"),
        SyntheticPerson.generate(LocalDate.now(CLOCK), 20, random.split()), PARIS, random.split());
    try (Autonomy a = Autonomy.open(dir.resolve("home"), CLOCK, new SplittableRandom(3))) {
      for (Path f : files.all()) {
        a.importPath(f, null, null);
      }
      Overview.Window w = a.overview().series(List.of(SignalKind.STEPS, SignalKind.STEPS, SignalKind.SLEEP), 30);
      assertThat(w.to()).isEqualTo("2026-11-30");
      assertThat(w.from()).isEqualTo("2026-11-01");
      assertThat(w.series()).extracting(Overview.Series::kind).containsExactly("steps", "sleep");
      List<Overview.Day> steps = w.series().get(0).days();
      assertThat(steps).hasSize(30);
      // 20 demo days, 11-10 to yesterday: the 9 days before them and today are unknown, the 20 between observed.
      assertThat(steps.subList(0, 9)).allSatisfy(d -> assertThat(d.value()).isNull());
      assertThat(steps.subList(9, 29)).allSatisfy(d -> assertThat(d.value()).isNotNull().isPositive());
      assertThat(steps.get(29).status()).isEqualTo("missing");
      assertThat(steps.get(20).value()).isEqualTo(
          a.overview().series(List.of(SignalKind.STEPS), 10).series().get(0).days().get(0).value());

      List<Overview.ContextDay> grids = a.overview().desiresByHour(List.of(
          new Situation(CLOCK.instant().atZone(PARIS), Map.of()),
          new Situation(CLOCK.instant().atZone(PARIS), Map.of("place", "outdoor"))));
      assertThat(grids).hasSize(2);
      assertThat(grids.get(1).context()).containsEntry("place", "outdoor");
      for (int h : new int[] {0, 7, 18}) {
        List<Desire> at = a.desires(new Situation(LocalDate.now(CLOCK).atTime(h, 0).atZone(PARIS), Map.of("place", "outdoor")));
        for (Desire d : at) {
          assertThat(grids.get(1).hours().get(h)).containsEntry(d.type().code(), d.intensity());
        }
      }
    }
  }

  @Test
  void anEmptyVault_hasSeriesOfMissingDays_andBadSizesAreRefused(@TempDir Path home) {
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      Overview.Window w = a.overview().series(List.of(SignalKind.PURCHASE), 7);
      assertThat(w.series().get(0).days()).hasSize(7).allSatisfy(d -> assertThat(d.status()).isEqualTo("missing"));
      assertThatThrownBy(() -> a.overview().series(List.of(SignalKind.STEPS), 0))
          .isInstanceOf(InvalidInputException.class).hasMessage("days must be in 1..400, was 0");
      assertThatThrownBy(() -> a.overview().series(List.of(), 7)).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> a.overview().desiresByHour(List.of())).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("contexts must be 1..6");
    }
  }
}
