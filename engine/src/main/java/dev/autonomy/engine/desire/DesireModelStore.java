package dev.autonomy.engine.desire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.state.PersonState;
import dev.autonomy.vault.Documents;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.Vault;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trains, stores, updates and evaluates the person's desire model. The model is a vault document
 * tagged with the signal fingerprint it was trained on, read back through {@link DesireModelCodec};
 * feedback updates it in place (online), a change in signals retrains it.
 */
final class DesireModelStore {
  static final String MODEL = "model.desire";
  static final String MODEL_FINGERPRINT = "model.desire.fingerprint";
  static final String GOALS = "goals";
  /** The population prior a federation last sent ({@link PopulationPrior}), when the person joined one. */
  public static final String POPULATION = "model.population_prior";
  /** Fixed so that the same data gives the same model. */
  static final long SEED = 17L;

  /** The vault areas a stored model depends on: signals, the model itself, and the goals (its prior). */
  static final List<String> AREAS =
      List.of(Vault.SIGNALS, Documents.area(MODEL), Documents.area(GOALS), Documents.area(POPULATION));

  private final Vault vault;
  private final DesireModelCodec codec;
  private final DesireLearner learner;

  DesireModelStore(Vault vault, DesireModelCodec codec, DesireLearner learner) {
    this.vault = vault;
    this.codec = codec;
    this.learner = learner;
  }

  /** The standard learner: the linear trainer, seeded so that the same data gives the same model. */
  static DesireLearner standardLearner() {
    return new DesireTrainer(DesireTrainerSettings.defaults(SEED));
  }

  /** The stored model if it was trained on the signals the vault holds now. */
  Optional<DesireModel> current(String fingerprint) {
    Optional<String> trainedOn = vault.documents().get(MODEL_FINGERPRINT);
    if (trainedOn.isEmpty() || !trainedOn.get().equals(fingerprint)) {
      return Optional.empty();
    }
    return vault.documents().get(MODEL).map(json -> {
      try {
        return codec.read(json);
      } catch (InvalidInputException e) {
        // The stored model is ours, not the person's input: a damaged one is our failure.
        throw new AutonomyFailure("the vault's desire model (document " + MODEL + ") cannot be read: " + e.getMessage()
            + "; set your goals again or forget a source to have it retrained", e);
      }
    });
  }

  /** Trains on every labelled day of the person's data and stores the model. */
  DesireModel retrain(PersonState state) {
    DesireModel model = learner().train(dataset(state), goals());
    store(model, state.fingerprint());
    return model;
  }

  /** Every labelled day of the person's data (none when there is none). */
  DesireDataset dataset(PersonState state) {
    Optional<LocalDate> first = state.table().firstDate();
    Optional<LocalDate> last = state.table().lastDate();
    if (first.isEmpty()) {
      return new DesireDataset(List.of());
    }
    ImplicitLabels labels = new ImplicitLabels(state.table(), LabelScale.fit(state.table(), first.get(), last.get()));
    return DesireDataset.from(features(state), labels, first.get(), last.get());
  }

  /** Keeps the population prior (null: removes it); the model retrains on next use. */
  void setPopulation(PopulationPrior prior) {
    if (prior == null) {
      vault.documents().remove(POPULATION);
    } else {
      vault.documents().put(POPULATION, prior.toJson());
    }
  }

  /** Online learning from one piece of feedback; the updated model is stored at once. */
  DesireModel learn(DesireModel model, String fingerprint, FeatureVector x, DesireType type, double observed) {
    DesireModel updated = model.update(x, type, observed);
    store(updated, fingerprint);
    return updated;
  }

  /** Rows serialise as {desire, days, model_mae, baseline_mean_mae, baseline_yesterday_mae}: the CLI's contract. */
  List<DesireEvaluation.Row> evaluate(PersonState state) {
    Optional<LocalDate> first = state.table().firstDate();
    Optional<LocalDate> last = state.table().lastDate();
    if (first.isEmpty()) {
      throw new InvalidInputException("no data to evaluate on: import some first (autonomy import FILE)");
    }
    int span = (int) ChronoUnit.DAYS.between(first.get(), last.get()) + 1;
    DesireEvaluation.Result result =
        DesireEvaluation.evaluate(features(state), learner(), goals(), DesireEvaluation.defaultTestDays(span));
    return result.rows();
  }

  /**
   * The learner, shrinking toward the population prior the vault holds when it is the linear
   * trainer. A prior that cannot be read is left out (the person's own model does not depend on
   * it) and named in the model's provenance.
   */
  private DesireLearner learner() {
    Optional<PopulationPrior> prior = population();
    if (prior.isEmpty() || !(learner instanceof DesireTrainer trainer)) {
      return learner;
    }
    return trainer.withPopulation(prior.get());
  }

  /** The stored population prior; empty when none or when it cannot be read. */
  Optional<PopulationPrior> population() {
    return vault.documents().get(POPULATION).flatMap(json -> {
      try {
        return Optional.of(PopulationPrior.fromJson(json));
      } catch (InvalidInputException e) {
        return Optional.empty();
      }
    });
  }

  void forget() {
    vault.documents().remove(MODEL);
    vault.documents().remove(MODEL_FINGERPRINT);
  }

  /** The person's stated goals: the cold-start prior of each desire. */
  Goals goals() {
    return vault.documents().get(GOALS).map(json -> {
      try {
        Map<String, Double> raw = Json.mapper().readValue(json, new TypeReference<Map<String, Double>>() {});
        Map<DesireType, Double> typed = new EnumMap<>(DesireType.class);
        raw.forEach((k, v) -> typed.put(DesireType.fromCode(k), v));
        return new Goals(typed);
      } catch (JsonProcessingException e) {
        throw new AutonomyFailure("the vault's goals cannot be read: " + e.getOriginalMessage(), e);
      }
    }).orElse(Goals.none());
  }

  void setGoals(Goals goals) {
    Map<String, Double> raw = new TreeMap<>();
    goals.intensities().forEach((k, v) -> raw.put(k.code(), v));
    try {
      vault.documents().put(GOALS, Json.mapper().writeValueAsString(raw));
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot store goals: " + e.getOriginalMessage(), e);
    }
    forget();
  }

  private static ContextFeatures features(PersonState state) {
    return new ContextFeatures(state.table(), state.notesHealth(), List.of());
  }

  private void store(DesireModel model, String fingerprint) {
    vault.documents().put(MODEL, model.toJson());
    vault.documents().put(MODEL_FINGERPRINT, fingerprint);
  }
}
