package dev.autonomy.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.desire.DesireEvaluation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's held-out table (section 7) on the demo person, through the real files and importers:
 * the model must not lose to the person's own training mean. Before trips were labelled as events
 * everywhere (a day without a trip is trip 0, also outside the span of the person's trips), the
 * explore labels after the latest trip silently became distance alone and the model lost badly
 * (2026-11-29, seed 42: 0.176 vs 0.105; 2026-10-03, seed 7: 0.163 vs 0.132).
 *
 * <p>Not pinned here, because the model still loses on them: 2026-06-17, seed 1 (move 0.201 vs
 * mean 0.163, explore 0.118 vs 0.113) and 2027-02-01, seed 99 (rest 0.105 vs 0.096). The
 * shrinkage toward the mean chosen inside the training days (see {@code DesireTrainer}) does not
 * reach them: validation on the training days favours the fit (lambda 0.75 or 1), so the held-out
 * loss comes from the last two weeks differing from the earlier ones, which no choice made on
 * earlier days can see. It did cut move on the first from 0.221 to 0.201.
 */
class DemoHeldOutTest {
  @ParameterizedTest
  @CsvSource({"2026-11-29, 42", "2026-10-03, 7"})
  void desireModel_isNoWorseThanTheMeanBaselineOnTheDemoPerson(String date, long seed, @TempDir Path dir)
      throws Exception {
    Clock clock = Clock.fixed(Instant.parse(date + "T05:00:00Z"), ZoneOffset.UTC);
    SplittableRandom random = new SplittableRandom(seed);
    List<SyntheticDay> days = SyntheticPerson.generate(LocalDate.now(clock), Demo.DAYS, random.split());
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"), days, clock.getZone(), random.split());
    try (Autonomy autonomy = Autonomy.open(dir.resolve("vault"), clock, random.split())) {
      for (Path f : files.all()) {
        autonomy.importPath(f, null, null);
      }
      List<DesireEvaluation.Row> rows = autonomy.evaluate();
      assertThat(rows).extracting(DesireEvaluation.Row::desire).contains("explore", "rest", "move");
      for (DesireEvaluation.Row r : rows) {
        assertThat(r.modelMae()).as("%s model MAE vs mean baseline on %s, seed %d", r.desire(), date, seed)
            .isLessThanOrEqualTo(r.baselineMeanMae() + 0.005);
      }
    }
  }
}
