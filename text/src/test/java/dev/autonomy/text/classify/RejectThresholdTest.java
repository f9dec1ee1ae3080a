package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RejectThresholdTest {
  private static final List<String> LABELS = List.of("alarm", "weather", "oos");

  /** Two confident in-scope examples, one unsure in-scope one, two unsure out-of-scope ones. */
  private static RejectThreshold sample() {
    double[][] p = {
      {0.90, 0.05, 0.05}, // alarm, right
      {0.10, 0.85, 0.05}, // weather, right
      {0.40, 0.35, 0.25}, // weather, wrong (alarm) and unsure
      {0.30, 0.45, 0.25}, // oos, predicted weather at 0.45
      {0.50, 0.20, 0.30}, // oos, predicted alarm at 0.50
    };
    return new RejectThreshold(p, LABELS, List.of("alarm", "weather", "weather", "oos", "oos"), "oos");
  }

  @Test
  void at_rejectsBelowTheThreshold_andScoresInScopeAndOosApart() {
    RejectThreshold t = sample();
    RejectThreshold.Point none = t.at(0);
    assertThat(none.accuracy()).isCloseTo(2 / 5.0, within(1e-12));
    assertThat(none.inScopeAccuracy()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(none.oosRecall()).isZero();
    // Below 0.46 the 0.45 and the 0.40 predictions become oos: one oos found, the unsure weather
    // example stays wrong (oos instead of alarm).
    RejectThreshold.Point mid = t.at(0.46);
    assertThat(mid.oosRecall()).isCloseTo(0.5, within(1e-12));
    assertThat(mid.inScopeAccuracy()).isCloseTo(2 / 3.0, within(1e-12));
    // Below 0.9 the confident weather example is rejected too: in scope pays for it.
    RejectThreshold.Point high = t.at(0.9);
    assertThat(high.oosRecall()).isEqualTo(1.0);
    assertThat(high.inScopeAccuracy()).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void best_isTheLowestThresholdOfTheBestAccuracy() {
    // 0.51 is the lowest threshold that rejects both oos examples and keeps both confident ones.
    assertThat(sample().best()).isCloseTo(0.51, within(1e-9));
    assertThat(sample().sweep()).hasSize(96);
    assertThat(sample().sweep().get(0).threshold()).isZero();
  }

  @Test
  void evaluationOfProbabilities_appliesTheSameRuleAsTheSweep() {
    double[][] p = {
      {0.90, 0.05, 0.05}, {0.10, 0.85, 0.05}, {0.40, 0.35, 0.25}, {0.30, 0.45, 0.25}, {0.50, 0.20, 0.30},
    };
    List<dev.autonomy.text.data.Example> examples =
        java.util.stream.Stream.of("alarm", "weather", "weather", "oos", "oos")
            .map(l -> new dev.autonomy.text.data.Example("text " + l, l)).toList();
    for (double t : new double[] {0, 0.46, 0.51, 0.9}) {
      Evaluation e = Evaluation.ofProbabilities(LABELS, examples, p, "oos", t);
      RejectThreshold.Point point = sample().at(t);
      assertThat(e.accuracy()).as("threshold %s", t).isCloseTo(point.accuracy(), within(1e-12));
      assertThat(e.inScopeAccuracy()).as("threshold %s", t).isCloseTo(point.inScopeAccuracy(), within(1e-12));
      assertThat(e.oosRecall()).as("threshold %s", t).isCloseTo(point.oosRecall(), within(1e-12));
    }
    // No reject label: always the most probable one, whatever the threshold.
    assertThat(Evaluation.ofProbabilities(LABELS, examples, p, "", 0.99).accuracy()).isCloseTo(2 / 5.0, within(1e-12));
  }

  @Test
  void best_isZeroWhenRejectingNeverHelps() {
    double[][] p = {{0.6, 0.3, 0.1}, {0.2, 0.7, 0.1}};
    assertThat(new RejectThreshold(p, LABELS, List.of("alarm", "weather"), "oos").best()).isZero();
  }

  @Test
  void refusesAnUnknownRejectLabelOrMismatchedCounts() {
    double[][] p = {{0.6, 0.3, 0.1}};
    assertThatThrownBy(() -> new RejectThreshold(p, LABELS, List.of("alarm"), "none"))
        .hasMessageContaining("reject label 'none' is not one of the classifier's labels");
    assertThatThrownBy(() -> new RejectThreshold(p, LABELS, List.of("alarm", "oos"), "oos"))
        .hasMessageContaining("1 predictions for 2 examples");
  }
}
