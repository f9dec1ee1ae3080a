package dev.autonomy.engine.desire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.FeatureVector;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A per-person desire model: one {@link LinearHead} per desire, with its {@link ModelProvenance}.
 * Immutable; {@link #update} returns a new model. Saved as JSON ({@link #toJson()}, {@link
 * #fromJson(String)}); a loaded model predicts exactly what the saved one did.
 *
 * <p>Feedback ({@link #update}) never retrains the batch weights: it takes {@value #ONLINE_STEPS}
 * normalised-LMS steps at rate {@value #ONLINE_RATE} on a separate online layer (intercept and
 * weights on the standardised inputs) kept alongside, so the learned model and what feedback
 * changed stay apart and are both visible in the saved parameters.
 */
public final class LinearDesireModel implements DesireModel {
  public static final int ONLINE_STEPS = 3;
  public static final double ONLINE_RATE = 0.3;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<DesireType, LinearHead> heads;
  private final ModelProvenance provenance;

  public LinearDesireModel(Map<DesireType, LinearHead> heads, ModelProvenance provenance) {
    EnumMap<DesireType, LinearHead> copy = new EnumMap<>(DesireType.class);
    heads.forEach((type, head) -> {
      if (head.type() != type) {
        throw new IllegalArgumentException("head for " + type.code() + " is for " + head.type().code());
      }
      copy.put(type, head);
    });
    this.heads = java.util.Collections.unmodifiableMap(copy);
    this.provenance = Requires.nonNull(provenance, "provenance");
  }

  @Override
  public ModelProvenance provenance() {
    return provenance;
  }

  public LinearHead head(DesireType type) {
    LinearHead h = heads.get(type);
    if (h == null) {
      throw new IllegalArgumentException("this model has no " + type.code() + " desire; it has " + types());
    }
    return h;
  }

  @Override
  public Set<DesireType> types() {
    return heads.keySet();
  }

  @Override
  public Desire predict(FeatureVector x, DesireType type) {
    return head(type).predict(x);
  }

  @Override
  public LinearDesireModel update(FeatureVector x, DesireType type, double observedIntensity) {
    EnumMap<DesireType, LinearHead> copy = new EnumMap<>(heads);
    copy.put(type, head(type).learn(x, observedIntensity, ONLINE_STEPS, ONLINE_RATE));
    return new LinearDesireModel(copy, provenance);
  }

  /** The saved form. */
  public record Document(String format, ModelProvenance provenance, List<LinearHead> heads) {}

  @Override
  public String toJson() {
    try {
      return JSON.writeValueAsString(new Document(
          ModelProvenance.CURRENT_VERSION, provenance, heads.values().stream().sorted(
              java.util.Comparator.comparing(LinearHead::type)).toList()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write desire model as JSON: " + e.getMessage(), e);
    }
  }

  /** Reads a saved model; the format version must be one this code knows. */
  public static LinearDesireModel fromJson(String json) {
    Document doc;
    try {
      doc = JSON.readValue(json, Document.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidInputException("desire model JSON: " + e.getMessage(), e);
    }
    if (!ModelProvenance.CURRENT_VERSION.equals(doc.format())) {
      throw new InvalidInputException("desire model JSON: field 'format': expected "
          + ModelProvenance.CURRENT_VERSION + ", found " + doc.format());
    }
    EnumMap<DesireType, LinearHead> heads = new EnumMap<>(DesireType.class);
    for (LinearHead h : doc.heads()) {
      if (heads.put(h.type(), h) != null) {
        throw new InvalidInputException("desire model JSON: two heads for " + h.type().code());
      }
    }
    return new LinearDesireModel(heads, doc.provenance());
  }
}
