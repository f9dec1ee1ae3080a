package dev.autonomy.engine.desire;

/**
 * Trains a desire model on labelled days and the person's goals. The store, the evaluation and
 * the engine train through this, so another kind of model (one that reads moments rather than
 * days, say) plugs in beside {@link DesireTrainer} without touching them; its saved form is read
 * back through {@link DesireModelCodec}.
 */
@FunctionalInterface
public interface DesireLearner {
  DesireModel train(DesireDataset data, Goals goals);
}
