package dev.autonomy.bench.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.bandit.ope.Estimator;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeBenchmarkTest {
  @Test
  void run_reportsEveryEstimatorAtEverySize() {
    OpeBenchmark.Report report = OpeBenchmark.run(List.of(50, 100), 6, 30);
    assertThat(report.rows()).hasSize(2 * Estimator.values().length);
    assertThat(report.truthA()).isGreaterThan(report.truthB());
    for (OpeBenchmark.Row row : report.rows()) {
      assertThat(row.coverage()).isBetween(0.0, 1.0);
      assertThat(row.rmse()).isPositive();
      assertThat(row.width()).isPositive();
    }
    assertThat(report.table()).contains("| 100 | dr-os |");
    assertThat(report.toMap()).containsKeys("estimators", "comparisons", "measured_default", "library_default");
  }

  @Test
  void pickDefault_requiresCoverageAtEverySize() {
    List<OpeBenchmark.Row> rows = List.of(
        new OpeBenchmark.Row(200, Estimator.DM, 0, 0.01, 0.95, 0.1),
        new OpeBenchmark.Row(1000, Estimator.DM, 0, 0.01, 0.85, 0.1),
        new OpeBenchmark.Row(200, Estimator.DR, 0, 0.02, 0.95, 0.1),
        new OpeBenchmark.Row(1000, Estimator.DR, 0, 0.02, 0.93, 0.1));
    assertThat(OpeBenchmark.pickDefault(rows)).isEqualTo(Estimator.DR);
  }
}
