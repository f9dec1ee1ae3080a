package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesireModelTest {
  static final DailyTable TABLE = Cleaner.withDefaults().clean(SyntheticPerson.signals(70, 11)).table();
  static final ContextFeatures FEATURES = new ContextFeatures(TABLE);
  static final LocalDate LAST_TRAIN = SyntheticPerson.START.plusDays(59);

  static LinearDesireModel trained(long seed, Goals goals) {
    ImplicitLabels labels = new ImplicitLabels(TABLE, LabelScale.fit(TABLE, SyntheticPerson.START, LAST_TRAIN));
    DesireDataset data = DesireDataset.from(FEATURES, labels, SyntheticPerson.START, LAST_TRAIN);
    return new DesireTrainer(DesireTrainerSettings.defaults(seed)).train(data, goals);
  }

  static List<FeatureVector> contexts() {
    return List.of(
        FEATURES.forDay(SyntheticPerson.START.plusDays(62), Map.of()),
        FEATURES.forDay(SyntheticPerson.START.plusDays(65), Map.of("place", "outdoor", "weather", "sun")),
        FEATURES.forDay(SyntheticPerson.START.plusDays(68), Map.of("place", "indoor", "free_minutes", "30")));
  }

  @Test
  void train_predictsEveryDesireWithContributionsSortedByEffect() {
    LinearDesireModel model = trained(1, Goals.none());
    assertThat(model.types()).contains(DesireType.MOVE, DesireType.REST, DesireType.EXPLORE, DesireType.BUY,
        DesireType.SAVE);
    for (Desire d : model.predictAll(contexts().get(0))) {
      assertThat(d.intensity()).isBetween(0.0, 1.0);
      assertThat(d.confidence()).isBetween(0.0, 1.0);
      List<Double> effects = d.contributions().stream().map(c -> Math.abs(c.effect())).toList();
      assertThat(effects).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
    assertThat(model.provenance().trainer()).contains("LinearSGDTrainer");
    assertThat(model.provenance().dataFrom()).isEqualTo(SyntheticPerson.START.plusDays(0).toString());
    assertThat(model.provenance().settings()).containsKey("l2");
  }

  @Test
  void train_onAWholeTableLearnsFromEveryLabelledDay() {
    LinearDesireModel model = new DesireTrainer(DesireTrainerSettings.defaults(1)).train(FEATURES, Goals.none());
    assertThat(model.head(DesireType.MOVE).trainingDays()).isEqualTo(70);
    LinearDesireModel empty = new DesireTrainer(DesireTrainerSettings.defaults(1))
        .train(new ContextFeatures(DailyTable.empty()), Goals.of(DesireType.SAVE, 0.7));
    assertThat(empty.types()).containsExactly(DesireType.values());
    assertThat(empty.predict(contexts().get(0), DesireType.SAVE).intensity()).isEqualTo(0.7);
    Desire unknown = empty.predict(contexts().get(0), DesireType.MOVE);
    assertThat(unknown.intensity()).isEqualTo(0.5);
    assertThat(unknown.confidence()).isZero();
    assertThat(unknown.contributions().get(0).meaning()).contains("no data");
  }

  @Test
  void train_sameSeedSameModel() {
    assertThat(trained(5, Goals.none()).toJson()).isEqualTo(trained(5, Goals.none()).toJson());
  }

  @Test
  void saveAndReload_predictsTheSameTo1e9() {
    LinearDesireModel model = trained(2, Goals.of(DesireType.MOVE, 0.6)).update(contexts().get(1), DesireType.MOVE, 0.9);
    LinearDesireModel reloaded = LinearDesireModel.fromJson(model.toJson());
    for (FeatureVector x : contexts()) {
      for (DesireType t : model.types()) {
        Desire a = model.predict(x, t);
        Desire b = reloaded.predict(x, t);
        assertThat(b.intensity()).isCloseTo(a.intensity(), within(1e-9));
        assertThat(b.confidence()).isCloseTo(a.confidence(), within(1e-9));
      }
    }
    assertThat(reloaded.toJson()).isEqualTo(model.toJson());
  }

  @Test
  void golden_savedModelStillLoadsAndPredictsWhatItDid() throws IOException {
    String json = resource("golden-desire-model-v1.json");
    Map<?, ?> expected = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(resource("golden-desire-model-v1.expected.json"), Map.class);
    LinearDesireModel model = LinearDesireModel.fromJson(json);
    FeatureVector x = FeatureVector.of(castMap(expected.get("inputs")));
    for (Map.Entry<?, ?> e : ((Map<?, ?>) expected.get("intensities")).entrySet()) {
      DesireType type = DesireType.fromCode((String) e.getKey());
      assertThat(model.predict(x, type).intensity()).as(type.code())
          .isCloseTo(((Number) e.getValue()).doubleValue(), within(1e-9));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Double> castMap(Object o) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    ((Map<String, Number>) o).forEach((k, v) -> out.put(k, v.doubleValue()));
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DesireModelTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void fromJson_rejectsAnUnknownFormat() {
    String json = trained(1, Goals.none()).toJson().replace(ModelProvenance.CURRENT_VERSION, "autonomy-desire-linear/99");
    assertThatThrownBy(() -> LinearDesireModel.fromJson(json))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("format");
    assertThatThrownBy(() -> LinearDesireModel.fromJson("{not json"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void update_movesThePredictionTowardTheFeedbackAndLeavesTheOldModelAlone() {
    LinearDesireModel model = trained(3, Goals.none());
    FeatureVector outdoor = contexts().get(1);
    double before = model.predict(outdoor, DesireType.MOVE).intensity();
    LinearDesireModel up = model.update(outdoor, DesireType.MOVE, 1.0);
    LinearDesireModel down = model.update(outdoor, DesireType.MOVE, 0.0);
    assertThat(up.predict(outdoor, DesireType.MOVE).intensity()).isGreaterThan(before);
    assertThat(down.predict(outdoor, DesireType.MOVE).intensity()).isLessThan(before);
    assertThat(Math.abs(1.0 - up.predict(outdoor, DesireType.MOVE).intensity())).isLessThan(Math.abs(1.0 - before) * 0.5);
    assertThat(model.predict(outdoor, DesireType.MOVE).intensity()).isEqualTo(before);
    assertThat(up.predict(outdoor, DesireType.REST).intensity())
        .isEqualTo(model.predict(outdoor, DesireType.REST).intensity());
    assertThat(up.head(DesireType.MOVE).feedbackCount()).isEqualTo(1);
    Desire explained = up.predict(outdoor, DesireType.MOVE);
    assertThat(explained.contributions()).extracting(Contribution::input).contains("place_outdoor");
  }

  @Test
  void goals_dominateWithLittleDataAndFadeWithMore() {
    ImplicitLabels labels = new ImplicitLabels(TABLE, LabelScale.fit(TABLE, SyntheticPerson.START, LAST_TRAIN));
    DesireTrainer trainer = new DesireTrainer(DesireTrainerSettings.defaults(1));
    Goals goals = Goals.of(DesireType.MOVE, 1.0);
    DesireDataset few = DesireDataset.from(FEATURES, labels, SyntheticPerson.START, SyntheticPerson.START.plusDays(2));
    DesireDataset many = DesireDataset.from(FEATURES, labels, SyntheticPerson.START, LAST_TRAIN);
    FeatureVector x = contexts().get(0);
    Desire short_ = trainer.train(few, goals).predict(x, DesireType.MOVE);
    Desire long_ = trainer.train(many, goals).predict(x, DesireType.MOVE);
    Desire noGoal = trainer.train(many, Goals.none()).predict(x, DesireType.MOVE);
    assertThat(short_.intensity()).isGreaterThan(long_.intensity());
    assertThat(Math.abs(long_.intensity() - noGoal.intensity())).isLessThan(Math.abs(short_.intensity() - noGoal.intensity()));
    assertThat(short_.confidence()).isLessThan(long_.confidence());
  }
}
