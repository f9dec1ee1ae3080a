package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.quality.Cleaner;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesireEvaluationTest {
  @Test
  void model_beatsBothBaselinesOnAPersonWithAWeeklyRhythm() {
    int wins = 0;
    for (long seed = 1; seed <= 5; seed++) {
      ContextFeatures features = new ContextFeatures(
          Cleaner.withDefaults().clean(SyntheticPerson.signals(84, seed)).table());
      DesireEvaluation.Result result = DesireEvaluation.evaluate(
          features, new DesireTrainer(DesireTrainerSettings.defaults(seed)), Goals.none(), 14);
      DesireEvaluation.Row move = result.row(DesireType.MOVE).orElseThrow();
      assertThat(move.days()).isEqualTo(14);
      if (move.modelMae() < move.baselineMeanMae() && move.modelMae() < move.baselineYesterdayMae()) {
        wins++;
      }
    }
    assertThat(wins).as("persons (of 5) where the move model beats both baselines").isGreaterThanOrEqualTo(4);
  }

  @Test
  void split_holdsOutTheLastDays() {
    ContextFeatures features = new ContextFeatures(Cleaner.withDefaults().clean(SyntheticPerson.signals(50, 9)).table());
    DesireEvaluation.Result result = DesireEvaluation.evaluate(
        features, new DesireTrainer(DesireTrainerSettings.defaults(1)), Goals.none(), 10);
    assertThat(result.testFrom()).isEqualTo(SyntheticPerson.START.plusDays(40));
    assertThat(result.trainTo()).isEqualTo(SyntheticPerson.START.plusDays(39));
    assertThat(result.model().provenance().dataTo()).isLessThanOrEqualTo(result.trainTo().toString());
    assertThat(DesireEvaluation.evaluate(features, new DesireTrainer(DesireTrainerSettings.defaults(1)), Goals.none())
        .testFrom()).isEqualTo(SyntheticPerson.START.plusDays(40));
    assertThat(DesireEvaluation.defaultTestDays(90)).isEqualTo(14);
    assertThat(DesireEvaluation.defaultTestDays(31)).isEqualTo(6);
  }

  @Test
  void row_usesTheJsonNamesOfTheCli() throws Exception {
    String json = new ObjectMapper().writeValueAsString(new DesireEvaluation.Row("move", 14, 0.1, 0.2, 0.3));
    Map<String, Object> m = new ObjectMapper().readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    assertThat(m.keySet()).containsExactlyInAnyOrder(
        "desire", "days", "model_mae", "baseline_mean_mae", "baseline_yesterday_mae");
  }
}
