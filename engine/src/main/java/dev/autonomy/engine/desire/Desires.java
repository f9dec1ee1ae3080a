package dev.autonomy.engine.desire;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.features.FeatureVector;
import dev.autonomy.engine.moment.Moments;
import dev.autonomy.engine.situation.Situations;
import dev.autonomy.engine.situation.StatedUse;
import dev.autonomy.engine.state.Derived;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.Vault;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The person's desires: the desire model f(X, S; theta) trained on their data, its predictions in
 * a situation, their stated goals (its prior), its evaluation, and its online updates from
 * feedback. The model is trained when first asked for after the signals changed, never as a side
 * effect of reading the data's quality.
 */
public final class Desires {
  private final PersonStates states;
  private final Moments moments;
  private final Situations situations;
  private final DesireModelStore store;
  private final Derived<DesireModel> model;

  /** The standard kind of model: the linear trainer, read back by the standard codec. */
  public Desires(Vault vault, PersonStates states, Moments moments, Situations situations) {
    this(vault, states, moments, situations, DesireModelCodec.standard(), DesireModelStore.standardLearner());
  }

  /** Another kind of model: its learner, and a codec that reads what it saves. */
  public Desires(Vault vault, PersonStates states, Moments moments, Situations situations, DesireModelCodec codec,
      DesireLearner learner) {
    this.states = states;
    this.moments = moments;
    this.situations = situations;
    this.store = new DesireModelStore(vault, codec, learner);
    this.model = new Derived<>(vault, DesireModelStore.AREAS, () -> {
      var state = states.state();
      return store.current(state.fingerprint()).orElseGet(() -> store.retrain(state));
    });
  }

  public DesireModel model() {
    return model.get();
  }

  /** Every labelled day of the person's data: what their model learns from, and their federated updates. */
  public DesireDataset labelledDays() {
    return store.dataset(states.state());
  }

  /** The population prior the models shrink toward, if the person joined a federation. */
  public java.util.Optional<PopulationPrior> population() {
    return store.population();
  }

  /** Keeps {@code prior} (null: none) for the desire models to shrink toward; they retrain. */
  public void setPopulation(PopulationPrior prior) {
    store.setPopulation(prior);
  }

  /**
   * Predicted intensity of every desire in a situation, with confidence and contributions. The
   * move desire comes from the moment model (the block of hours the situation falls in) when the
   * person's timed step records allow one, else from the daily model ({@link #basis}). Then the
   * stated weather and place move each desire as far as the person's own history shows they do
   * ({@link Situations}); {@link #uses} says what each stated key did.
   */
  public List<Desire> at(Situation situation) {
    List<Desire> daily = model().predictAll(states.features(situation));
    Optional<Desire> move = moments.move(situation.at());
    List<Desire> predicted = move.isEmpty() ? daily
        : daily.stream().map(d -> d.type() == DesireType.MOVE ? move.get() : d).toList();
    return situations.apply(predicted, situation);
  }

  /** What each stated key did to the desires: used, with how much, or not, and why. */
  public List<StatedUse> uses(Situation situation) {
    return situations.uses(situation);
  }

  /** What each desire's prediction rests on: the moment model or the daily one, and why. */
  public Map<DesireType, String> basis() {
    Map<DesireType, String> out = new EnumMap<>(DesireType.class);
    for (DesireType type : model().types()) {
      out.put(type, type == DesireType.MOVE ? moments.basis()
          : "daily model: your days, not the hour (no timed signal says when in the day you want this)");
    }
    return out;
  }

  /** The one desire's prediction in a situation. */
  public Optional<Desire> of(DesireType type, Situation situation) {
    return at(situation).stream().filter(d -> d.type() == type).findFirst();
  }

  /**
   * The predicted intensities as weights for scoring the places of a trip or the items of a
   * basket; empty while the vault holds no signals or every desire is 0 (no basis for weighing:
   * the planners' own defaults apply then).
   */
  public Optional<Map<DesireType, Double>> weights(Situation situation) {
    if (!states.hasSignals()) {
      return Optional.empty();
    }
    Map<DesireType, Double> weights = new EnumMap<>(DesireType.class);
    at(situation).forEach(d -> weights.put(d.type(), d.intensity()));
    return weights.values().stream().anyMatch(w -> w > 0) ? Optional.of(weights) : Optional.empty();
  }

  /** Which model, for explanations. */
  public String modelName() {
    return model().describe();
  }

  /** The model's parameters and provenance as JSON (for export). */
  public String modelJson() {
    return model().toJson();
  }

  /** Moves the model toward an intensity the person's feedback showed, and stores it at once. */
  public void learn(FeatureVector x, DesireType type, double observed) {
    model.set(store.learn(model(), states.state().fingerprint(), x, type, observed));
  }

  /** Sets the person's stated goals (cold-start priors); the model is retrained on next use. */
  public void setGoals(Goals goals) {
    store.setGoals(goals);
  }

  public Goals goals() {
    return store.goals();
  }

  /** Model error against the two naive baselines on the person's last weeks, held out. */
  public List<DesireEvaluation.Row> evaluate() {
    return store.evaluate(states.state());
  }

  /** Drops the stored model (its data was forgotten); the next use retrains. */
  public void forget() {
    store.forget();
  }
}
