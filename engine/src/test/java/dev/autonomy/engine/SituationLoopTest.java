package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.KnownEffectsPerson;
import dev.autonomy.engine.situation.SituationEffect;
import dev.autonomy.engine.situation.StatedUse;
import dev.autonomy.ingest.write.WeatherCsvWriter;
import dev.autonomy.vault.ImportResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From files to desires: a synthetic person whose rain and outdoor effects are known, written as an
 * Apple Health export (workouts that say where they were), GPX routes and a weather service's CSV,
 * imported through the real importers; after 90 days the engine finds both effects with the right
 * sign and within 30% of their true size, and applies them to the desires with the days behind them.
 */
class SituationLoopTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);
  private static final KnownEffectsPerson.Effects TRUTH = new KnownEffectsPerson.Effects(-2_500, 3_000);

  @Test
  void learnsKnownWeatherAndPlaceEffectsFromFilesAlone(@TempDir Path files, @TempDir Path home) throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    DemoFiles.Written written = DemoFiles.write(files,
        KnownEffectsPerson.generate(LocalDate.now(CLOCK), 90, TRUTH, random.split()), PARIS, random.split());
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      for (Path f : written.all()) {
        a.importPath(f, null, null);
      }
      ZonedDateTime evening = ZonedDateTime.now(CLOCK);
      Situation plain = new Situation(evening, Map.of());
      Situation rain = new Situation(evening, Map.of("weather", "rain"));
      Situation outdoor = new Situation(evening, Map.of("place", "outdoor"));
      Situation indoor = new Situation(evening, Map.of("place", "indoor"));

      SituationEffect rainOnMove = moveEffect(a.desiresNow(rain).stated().get(0));
      SituationEffect outdoorOnMove = moveEffect(a.desiresNow(outdoor).stated().get(0));
      assertWithin30Percent(rainOnMove, TRUTH.rainSteps());
      assertWithin30Percent(outdoorOnMove, TRUTH.outdoorSteps());
      assertThat(rainOnMove.shown()).isTrue();
      assertThat(outdoorOnMove.shown()).isTrue();

      double usual = move(a.desiresNow(plain));
      assertThat(move(a.desiresNow(rain))).isLessThan(usual);
      assertThat(move(a.desiresNow(outdoor))).isGreaterThan(move(a.desiresNow(indoor)));
      Desire moveInRain = a.desiresNow(rain).desires().stream().filter(d -> d.type() == DesireType.MOVE).findFirst().orElseThrow();
      assertThat(moveInRain.contributions()).anySatisfy(c -> {
        assertThat(c.input()).isEqualTo("weather=rain");
        assertThat(c.meaning()).contains("days with weather=rain", rainOnMove.days().get(rainOnMove.days().size() - 1).toString());
      });
      StatedUse use = a.desiresNow(rain).stated().get(0);
      assertThat(use.used()).isTrue();
      assertThat(use.why()).contains("move by -");
    }
  }

  @Test
  void withoutWeatherInTheVault_weatherIsNotUsedAndDesiresSaySo(@TempDir Path files, @TempDir Path home) throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    DemoFiles.Written written = DemoFiles.write(files,
        KnownEffectsPerson.generate(LocalDate.now(CLOCK), 60, TRUTH, random.split()), PARIS, random.split());
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      a.importPath(written.appleHealthZip(), null, null);
      Situation plain = new Situation(ZonedDateTime.now(CLOCK), Map.of());
      Situation rain = new Situation(ZonedDateTime.now(CLOCK), Map.of("weather", "rain", "budget", "20"));
      DesiresNow now = a.desiresNow(rain);
      assertThat(now.desires()).isEqualTo(a.desiresNow(plain).desires());
      assertThat(now.stated()).extracting(StatedUse::key, StatedUse::used)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("weather", false), org.assertj.core.groups.Tuple.tuple("budget", false));
      assertThat(now.stated()).filteredOn(u -> u.key().equals("weather")).singleElement()
          .satisfies(u -> assertThat(u.why()).contains("no weather in your vault"));
      assertThat(now.stated()).filteredOn(u -> u.key().equals("budget")).singleElement()
          .satisfies(u -> assertThat(u.why()).contains("limit on the options shown"));
    }
  }

  private static SituationEffect moveEffect(StatedUse use) {
    return use.effects().stream().filter(e -> e.desire() == DesireType.MOVE).findFirst().orElseThrow();
  }

  private static void assertWithin30Percent(SituationEffect e, double trueSteps) {
    assertThat(e.raw()).isPresent();
    assertThat(e.raw().get().words()).isEqualTo("steps");
    double learned = e.raw().get().contrast();
    assertThat(Math.signum(learned)).isEqualTo(Math.signum(trueSteps));
    assertThat(Math.abs(learned - trueSteps)).isLessThanOrEqualTo(0.3 * Math.abs(trueSteps));
  }

  private static double move(DesiresNow now) {
    return now.desires().stream().filter(d -> d.type() == DesireType.MOVE).findFirst().orElseThrow().intensity();
  }

  @Test
  void weatherDaysOutsideThePersonsData_areKeptWithAWarningAndTeachNothing(@TempDir Path files, @TempDir Path home)
      throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    LocalDate today = LocalDate.now(CLOCK);
    DemoFiles.Written written = DemoFiles.write(files,
        KnownEffectsPerson.generate(today, 30, TRUTH, random.split()), PARIS, random.split());
    Path weather = files.resolve("longer-weather.csv");
    try (WeatherCsvWriter w = new WeatherCsvWriter(weather, 48.85, 2.35, 35, PARIS)) {
      for (LocalDate d = today.minusDays(60); d.isBefore(today); d = d.plusDays(1)) {
        w.row(d, d.getDayOfMonth() % 3 == 0 ? 61 : 0, 10, d.getDayOfMonth() % 3 == 0 ? 5 : 0);
      }
    }
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      ImportResult alone = a.importPath(weather, null, null);
      assertThat(alone.report().warnings()).singleElement().asString().contains("no data of your own yet");
      a.importPath(written.appleHealthZip(), null, null);
      ImportResult again = a.importPath(weather, null, null);
      assertThat(again.added()).isZero();
      // the person's own data starts with the night before their first day (its sleep began that evening)
      assertThat(again.report().warnings()).singleElement().asString()
          .contains("29 day(s) of weather between " + today.minusDays(60) + " and " + today.minusDays(1))
          .contains("fall outside your own data (" + today.minusDays(31) + " to " + today.minusDays(1) + ")");
      // only the days with the person's own data (30 days and the night before them) count behind an effect
      Situation rain = new Situation(ZonedDateTime.now(CLOCK), Map.of("weather", "rain"));
      assertThat(a.desiresNow(rain).stated().get(0).effects()).isNotEmpty()
          .allSatisfy(e -> assertThat(e.days().size() + e.otherDays()).isLessThanOrEqualTo(31));
    }
  }
}
