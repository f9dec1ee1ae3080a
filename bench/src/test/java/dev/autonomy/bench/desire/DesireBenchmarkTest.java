package dev.autonomy.bench.desire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.autonomy.core.data.SharedData;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.desire.DesireTrainerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DesireBenchmarkTest {
  private static Path dir;

  @BeforeAll
  static void data() {
    Optional<Path> found = SharedData.dataset("fitbit-fitabase-2016");
    assumeThat(found).as("../shared/data/fitbit-fitabase-2016").isPresent();
    dir = found.get();
  }

  @Test
  void reader_readsEveryPersonsDailyActivityAndSleep() throws Exception {
    Map<String, List<Signal>> persons = FitabaseReader.read(dir);
    assertThat(persons).hasSizeGreaterThan(10);
    assertThat(persons.get("1503960366")).anyMatch(s -> s.kind() == SignalKind.SLEEP)
        .anyMatch(s -> s.kind() == SignalKind.ACTIVE_MINUTES);
  }

  @Test
  void model_beatsBothBaselinesOnTheMeanOverPersonsForMoveAndRest() throws Exception {
    DesireBenchmark.Report report = DesireBenchmark.run(dir, 10, DesireTrainerSettings.defaults(42));
    for (String desire : List.of("move", "rest")) {
      DesireBenchmark.Mean mean = report.means().stream().filter(m -> m.desire().equals(desire)).findFirst().orElseThrow();
      assertThat(mean.persons()).isGreaterThan(10);
      assertThat(mean.beatsBoth()).as(desire + ": " + mean).isTrue();
    }
    assertThat(report.toMarkdown()).contains("| person | days |", "mean over persons", "move median", "move verdict");
  }

  @Test
  void means_carryTheMedianBaselineAndIntervalsOverPersonsThatContainTheMeanDifference() throws Exception {
    DesireBenchmark.Report report = DesireBenchmark.run(dir, 10, DesireTrainerSettings.defaults(42));
    for (DesireBenchmark.Mean m : report.means()) {
      assertThat(m.baselineMedianMae()).as(m.desire()).isBetween(0.0, 1.0);
      assertThat(m.diffMeanCi().low() - 1e-12).isLessThanOrEqualTo(m.modelMae() - m.baselineMeanMae());
      assertThat(m.diffMeanCi().high() + 1e-12).isGreaterThanOrEqualTo(m.modelMae() - m.baselineMeanMae());
      assertThat(m.diffMedianCi().low() - 1e-12).isLessThanOrEqualTo(m.modelMae() - m.baselineMedianMae());
      assertThat(m.diffMedianCi().high() + 1e-12).isGreaterThanOrEqualTo(m.modelMae() - m.baselineMedianMae());
      assertThat(m.personVerdicts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(m.persons());
      assertThat(m.verdict()).matches("beats all|cannot tell|worse than (mean|median|yesterday)");
    }
    assertThat(DesireBenchmark.run(dir, 10, DesireTrainerSettings.defaults(42)).means())
        .as("seeded: the same run gives the same intervals").isEqualTo(report.means());
  }
}
