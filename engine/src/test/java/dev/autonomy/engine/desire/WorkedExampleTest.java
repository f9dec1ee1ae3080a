package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WorkedExampleTest {
  private static final ZonedDateTime AT = ZonedDateTime.of(2024, 5, 4, 9, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void indoor_givesZeroPointSixFour() {
    WorkedExample.Case indoor = WorkedExample.indoor(AT);
    Desire d = WorkedExample.model().predict(indoor.inputs(), DesireType.MOVE);
    assertThat(d.intensity()).isCloseTo(0.64, within(1e-9));
    assertThat(d.intensity()).isCloseTo(indoor.expectedIntensity(), within(1e-9));
    assertThat(indoor.situation().stated("place", "")).isEqualTo("indoor");
  }

  @Test
  void outdoor_givesZeroPointEightEight() {
    WorkedExample.Case outdoor = WorkedExample.outdoor(AT);
    Desire d = WorkedExample.model().predict(outdoor.inputs(), DesireType.MOVE);
    assertThat(d.intensity()).isCloseTo(0.88, within(1e-9));
    assertThat(outdoor.situation().stated("place", "")).isEqualTo("outdoor");
  }

  @Test
  void contributions_areTheInputsWeightedByZeroPointEightAndTheSituation() {
    Desire d = WorkedExample.model().predict(WorkedExample.outdoor(AT).inputs(), DesireType.MOVE);
    assertThat(d.contributions()).extracting(Contribution::input).containsExactly("exercise", "health", "place_outdoor");
    assertThat(d.contributions().get(0).weight()).isEqualTo(0.8);
    assertThat(d.contributions().get(1).weight()).isEqualTo(0.8);
    assertThat(d.contributions().get(2).effect()).isCloseTo(0.08, within(1e-12));
    assertThat(d.contributions().stream().mapToDouble(Contribution::effect).sum()).isCloseTo(0.88, within(1e-9));
    assertThat(d.confidence()).isEqualTo(1.0);
    Desire indoor = WorkedExample.model().predict(WorkedExample.indoor(AT).inputs(), DesireType.MOVE);
    assertThat(indoor.contributions()).extracting(Contribution::input).containsExactly("exercise", "health");
  }

  @Test
  void formulaAsWritten_givesZeroPointEightOutdoors_theDesignsArithmeticSlip() {
    LinearDesireModel formula = WorkedExample.formulaOnly();
    assertThat(formula.predict(WorkedExample.indoor(AT).inputs(), DesireType.MOVE).intensity()).isCloseTo(0.64, within(1e-9));
    assertThat(formula.predict(WorkedExample.outdoor(AT).inputs(), DesireType.MOVE).intensity()).isCloseTo(0.80, within(1e-9));
  }

  @Test
  void model_survivesSaveAndReload() {
    LinearDesireModel reloaded = LinearDesireModel.fromJson(WorkedExample.model().toJson());
    assertThat(reloaded.predict(WorkedExample.indoor(AT).inputs(), DesireType.MOVE).intensity())
        .isCloseTo(0.64, within(1e-9));
    assertThat(reloaded.provenance().trainer()).contains("worked example");
  }
}
