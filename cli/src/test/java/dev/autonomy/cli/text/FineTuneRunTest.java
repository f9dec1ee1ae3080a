package dev.autonomy.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.text.classify.Evaluation;
import dev.autonomy.text.data.Example;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code text train --fine-tune} prints after each epoch: the design's classification report on dev. */
class FineTuneRunTest {
  private static Evaluation dev() {
    List<Example> truth = List.of(
        new Example("a", "healthy"), new Example("b", "healthy"), new Example("c", "healthy"),
        new Example("d", "unhealthy"), new Example("e", "unhealthy"));
    return Evaluation.ofPredictions(List.of("healthy", "unhealthy"), truth,
        List.of("healthy", "healthy", "unhealthy", "unhealthy", "unhealthy"));
  }

  @Test
  void devReport_namesTheEpochAndHasAPerClassLineWithSupport() {
    String text = FineTuneRun.devReport(2, 3, dev());
    assertThat(text).startsWith("epoch 2/3 dev report (5 examples):");
    // healthy: precision 2/2, recall 2/3, F1 0.8, support 3; unhealthy: 2/3, 2/2, 0.8, support 2
    assertThat(text).containsPattern("healthy\\s+1\\.000\\s+0\\.667\\s+0\\.800\\s+3");
    assertThat(text).containsPattern("unhealthy\\s+0\\.667\\s+1\\.000\\s+0\\.800\\s+2");
    assertThat(text).containsPattern("accuracy\\s+0\\.800\\s+5");
    assertThat(text).contains("macro avg").contains("weighted avg");
  }

  @Test
  @SuppressWarnings("unchecked")
  void devEntry_carriesTheEpochLossAndPerClassScoresForJson() {
    Map<String, Object> m = FineTuneRun.devEntry(1, 0.25, Duration.ofMillis(1500), dev());
    assertThat(m).containsEntry("epoch", 1).containsEntry("train_loss", 0.25).containsEntry("seconds", 1.5);
    assertThat(m.get("accuracy")).isEqualTo(0.8);
    List<Map<String, Object>> perClass = (List<Map<String, Object>>) m.get("per_class");
    assertThat(perClass).extracting(c -> c.get("label")).containsExactly("healthy", "unhealthy");
    assertThat(perClass.get(1)).containsEntry("support", 2).containsEntry("recall", 1.0);
  }
}
