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

  /**
   * 60 days of random inputs: move's label is noise around 0.4 (nothing to learn), rest's follows
   * yesterday's steps (much to learn).
   */
  static DesireDataset noiseAndSignal(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    List<String> inputs = DesireTrainerSettings.defaultInputs();
    List<DesireDataset.LabelledDay> days = new java.util.ArrayList<>();
    for (int d = 0; d < 60; d++) {
      Map<String, Double> x = new java.util.LinkedHashMap<>();
      for (String name : inputs) {
        x.put(name, random.nextDouble());
      }
      double move = 0.4 + 0.3 * (random.nextDouble() - 0.5);
      double rest = Math.max(0, Math.min(1, 0.1 + 0.8 * x.get(inputs.get(4)) + 0.05 * (random.nextDouble() - 0.5)));
      days.add(new DesireDataset.LabelledDay(SyntheticPerson.START.plusDays(d), FeatureVector.of(x),
          Map.of(DesireType.MOVE, move, DesireType.REST, rest)));
    }
    return new DesireDataset(days);
  }

  @Test
  void train_shrinksTowardTheMeanWhatValidationCannotSupportAndKeepsWhatItCan() {
    DesireDataset data = noiseAndSignal(3);
    LinearDesireModel model = new DesireTrainer(DesireTrainerSettings.defaults(1)).train(data, Goals.none());
    LinearDesireModel unshrunk = new DesireTrainer(DesireTrainerSettings.defaults(1).withShrinkGrid(List.of(1.0), 8))
        .train(data, Goals.none());
    assertThat(model.head(DesireType.MOVE).shrink()).isLessThanOrEqualTo(0.25);
    assertThat(model.head(DesireType.REST).shrink()).isEqualTo(1.0);
    assertThat(unshrunk.head(DesireType.MOVE).shrink()).isEqualTo(1.0);
    // mean + lambda * (fit - mean): the weights scale by lambda, the bias's offset from the mean too
    double mean = data.days().stream().mapToDouble(d -> d.labels().get(DesireType.MOVE)).average().orElseThrow();
    double lambda = model.head(DesireType.MOVE).shrink();
    for (int i = 0; i < unshrunk.head(DesireType.MOVE).weights().size(); i++) {
      assertThat(model.head(DesireType.MOVE).weights().get(i))
          .isCloseTo(lambda * unshrunk.head(DesireType.MOVE).weights().get(i), within(1e-12));
    }
    assertThat(model.head(DesireType.MOVE).bias())
        .isCloseTo(mean + lambda * (unshrunk.head(DesireType.MOVE).bias() - mean), within(1e-12));
    assertThat(model.head(DesireType.REST).weights()).isEqualTo(unshrunk.head(DesireType.REST).weights());
  }

  @Test
  void predict_saysHowMuchTheModelWasShrunk() {
    LinearDesireModel model = new DesireTrainer(DesireTrainerSettings.defaults(1)).train(noiseAndSignal(3), Goals.none());
    FeatureVector x = noiseAndSignal(4).days().get(0).x();
    String usual = model.predict(x, DesireType.MOVE).contributions().stream()
        .filter(c -> c.input().equals("usual_level")).findFirst().orElseThrow().meaning();
    assertThat(usual).containsAnyOf("shrunk", "does not yet support more than your average");
    String fitted = model.predict(x, DesireType.REST).contributions().stream()
        .filter(c -> c.input().equals("usual_level")).findFirst().orElseThrow().meaning();
    assertThat(fitted).isEqualTo("your usual level");
    assertThat(model.provenance().settings()).containsEntry("shrink_grid", "0.0,0.25,0.5,0.75,1.0");
  }

  @Test
  void update_onAShrunkModelLearnsFromFeedbackAndKeepsTheShrinkThroughSaving() {
    LinearDesireModel model = new DesireTrainer(DesireTrainerSettings.defaults(1)).train(noiseAndSignal(3), Goals.none());
    FeatureVector x = noiseAndSignal(4).days().get(0).x();
    double before = model.predict(x, DesireType.MOVE).intensity();
    LinearDesireModel up = model.update(x, DesireType.MOVE, 1.0);
    assertThat(up.predict(x, DesireType.MOVE).intensity()).isGreaterThan(before + 0.2);
    assertThat(up.head(DesireType.MOVE).shrink()).isEqualTo(model.head(DesireType.MOVE).shrink());
    assertThat(up.head(DesireType.MOVE).weights()).isEqualTo(model.head(DesireType.MOVE).weights());
    LinearDesireModel reloaded = LinearDesireModel.fromJson(up.toJson());
    assertThat(reloaded.head(DesireType.MOVE).shrink()).isEqualTo(model.head(DesireType.MOVE).shrink());
    assertThat(reloaded.predict(x, DesireType.MOVE).intensity())
        .isCloseTo(up.predict(x, DesireType.MOVE).intensity(), within(1e-9));
  }

  @Test
  void golden_anOlderSavedModelWithoutShrinkReadsAsUnshrunk() throws IOException {
    LinearDesireModel model = LinearDesireModel.fromJson(resource("golden-desire-model-v1.json"));
    assertThat(model.types()).allSatisfy(t -> assertThat(model.head(t).shrink()).isEqualTo(1.0));
  }
}
