package dev.autonomy.engine.desire;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.FeatureVector;
import java.util.List;
import java.util.Set;

/**
 * A person's desire intensities f(X, S; theta) in a context. Immutable: feedback returns a new
 * model.
 */
public interface DesireModel {
  /** The desires this model predicts. */
  Set<DesireType> types();

  /** Intensity, confidence and contributions (largest |effect| first) of one desire. */
  Desire predict(FeatureVector x, DesireType type);

  /** All desires, in {@link DesireType} order. */
  default List<Desire> predictAll(FeatureVector x) {
    return types().stream().sorted().map(t -> predict(x, t)).toList();
  }

  /** A model moved toward an observed intensity of one desire in context {@code x}. */
  DesireModel update(FeatureVector x, DesireType type, double observedIntensity);

  /** Who trained it, with what settings, seed and data. */
  ModelProvenance provenance();

  /**
   * The saved form: JSON with a {@code format} field naming the model kind and version, which
   * {@link DesireModelCodec} reads back.
   */
  String toJson();

  /** One line for explanations: the trainer and the format version. */
  default String describe() {
    return provenance().trainer() + " [" + provenance().version() + "]";
  }
}
