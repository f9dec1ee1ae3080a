package dev.autonomy.text.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  @Test
  void report_matchesHandComputedScores() {
    // truth rows, predicted columns
    int[][] m = {
      {5, 1, 0},
      {2, 3, 1},
      {0, 0, 4}
    };
    ClassificationReport r = ClassificationReport.fromMatrix(List.of("a", "b", "c"), m);
    assertThat(r.total()).isEqualTo(16);
    assertThat(r.accuracy()).isCloseTo(12.0 / 16, within(1e-12));
    ClassScore a = r.score("a");
    assertThat(a.precision()).isCloseTo(5.0 / 7, within(1e-12));
    assertThat(a.recall()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(a.f1()).isCloseTo(2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6), within(1e-12));
    assertThat(a.support()).isEqualTo(6);
    ClassScore b = r.score("b");
    assertThat(b.precision()).isCloseTo(3.0 / 4, within(1e-12));
    assertThat(b.recall()).isCloseTo(3.0 / 6, within(1e-12));
    ClassScore c = r.score("c");
    assertThat(c.precision()).isCloseTo(4.0 / 5, within(1e-12));
    assertThat(c.recall()).isCloseTo(1.0, within(1e-12));
    double f1c = 2 * 0.8 / 1.8;
    double f1b = 2 * 0.75 * 0.5 / 1.25;
    assertThat(r.macro().f1()).isCloseTo((a.f1() + f1b + f1c) / 3, within(1e-12));
    assertThat(r.weighted().f1()).isCloseTo((a.f1() * 6 + f1b * 6 + f1c * 4) / 16, within(1e-12));
    assertThat(r.macro().recall()).isCloseTo((5.0 / 6 + 0.5 + 1) / 3, within(1e-12));
  }

  @Test
  void report_fromPredictionsEqualsFromMatrix_andNeverPredictedClassHasZeroPrecision() {
    ClassificationReport r = ClassificationReport.of(List.of("x", "y"), new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0});
    assertThat(r.matrix()).isEqualTo(new int[][] {{2, 0}, {2, 0}});
    assertThat(r.score("y").precision()).isZero();
    assertThat(r.score("y").f1()).isZero();
    assertThat(r.accuracy()).isEqualTo(0.5);
    assertThat(r.toMap()).containsKeys("accuracy", "macro_f1", "per_class", "confusion_matrix");
    assertThat(r.toText()).contains("precision").contains("macro avg").contains("confusion matrix");
  }
}
