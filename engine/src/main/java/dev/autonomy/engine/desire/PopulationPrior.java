package dev.autonomy.engine.desire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What many persons' days say about everyone's: per desire, one weight per input on the input
 * standardised against the person's own days (so "one standard deviation above your usual" means
 * the same for each of them), predicting the label's departure from the person's own centre. It
 * carries no intercept and no person's level: a person's fit keeps its own usual level and takes
 * from the population only how the day's context moves it ({@link DesireTrainer} shrinks toward
 * it, {@link LinearHead#population()} keeps the part that came from it).
 *
 * <p>Learned either centrally from pooled data (an upper bound, for benchmarks) or by federated
 * averaging where each person sends only a clipped, noised update ({@link PopulationTrainer}).
 *
 * @param format the saved form's version
 * @param inputs feature names, in the order of every weight vector
 * @param weights per desire, one weight per input; desires absent have no prior
 * @param origin how it was learned
 */
public record PopulationPrior(String format, List<String> inputs, Map<DesireType, List<Double>> weights, Origin origin) {
  public static final String FORMAT = "population-prior/1";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * How a prior was learned.
   *
   * @param method {@code pooled} (central, on shared data: benchmarks only) or {@code federated}
   * @param persons persons whose updates it rests on
   * @param rounds aggregation rounds
   * @param epsilon the differential-privacy epsilon of the whole training, null when none was added
   * @param delta its delta, null when none
   * @param source where it came from (a coordinator's address, or a benchmark's name)
   * @param noiseSd the standard deviation of the differential-privacy noise left in each weight
   *     (public: it follows from the noise multiplier, clip norm, cohort and rounds); 0 when none
   */
  public record Origin(String method, int persons, int rounds, Double epsilon, Double delta, String source,
      double noiseSd) {
    public Origin {
      Requires.nonNegative(noiseSd, "noiseSd");
      Requires.nonBlank(method, "method");
      Requires.nonNegative(persons, "persons");
      Requires.nonNegative(rounds, "rounds");
      if (epsilon != null && !(epsilon > 0)) {
        throw new IllegalArgumentException("epsilon must be > 0 (or absent for no noise), was " + epsilon);
      }
      source = source == null ? "" : source;
    }

    /** "federated over 26 persons, 5 rounds, epsilon 2 (delta 1e-05)", for explanations. */
    public String describe() {
      String out = method + " over " + persons + " persons, " + rounds + " round" + (rounds == 1 ? "" : "s");
      if (epsilon != null) {
        return out + String.format(java.util.Locale.ROOT, ", epsilon %.3g (delta %.0e)", epsilon,
            delta == null ? Double.NaN : delta);
      }
      return noiseSd > 0 ? out + String.format(java.util.Locale.ROOT, ", noise sd %.3g per weight", noiseSd)
          : out + ", no noise";
    }
  }

  public PopulationPrior {
    if (!FORMAT.equals(format)) {
      throw new InvalidInputException("population prior: field 'format': expected " + FORMAT + ", found " + format);
    }
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("population prior: inputs must not be empty");
    }
    EnumMap<DesireType, List<Double>> copy = new EnumMap<>(DesireType.class);
    int p = inputs.size();
    weights.forEach((type, w) -> {
      Requires.nonNull(type, "desire");
      if (w.size() != p) {
        throw new InvalidInputException("population prior: desire " + type.code() + " has " + w.size()
            + " weights for " + p + " inputs");
      }
      w.forEach(v -> Requires.finite(v, "population prior weight of " + type.code()));
      copy.put(type, List.copyOf(w));
    });
    weights = java.util.Collections.unmodifiableMap(copy);
    Requires.nonNull(origin, "origin");
  }

  /** A prior of zeros for {@code types}: what federated training starts from. */
  public static PopulationPrior zero(List<String> inputs, List<DesireType> types, Origin origin) {
    Map<DesireType, List<Double>> w = new EnumMap<>(DesireType.class);
    types.forEach(t -> w.put(t, inputs.stream().map(i -> 0.0).toList()));
    return new PopulationPrior(FORMAT, inputs, w, origin);
  }

  /**
   * The weights of {@code type} in the column order of {@code columns}: an input the prior does
   * not know gets 0, as does every input when the prior has no such desire.
   */
  double[] weightsFor(DesireType type, List<String> columns) {
    double[] out = new double[columns.size()];
    List<Double> w = weights.get(type);
    if (w == null) {
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      int k = inputs.indexOf(columns.get(i));
      out[i] = k < 0 ? 0.0 : denoised(w.get(k));
    }
    return out;
  }

  /**
   * A weight with the privacy noise's expected share taken out: {@code w * max(0, 1 - s^2 / w^2)}
   * for noise standard deviation {@code s} (positive-part James-Stein, one weight at a time), so a
   * weight no larger than the noise in it is not followed at all. Unchanged without noise.
   */
  private double denoised(double w) {
    double s = origin.noiseSd();
    if (s == 0.0 || w == 0.0) {
      return w;
    }
    return w * Math.max(0.0, 1.0 - s * s / (w * w));
  }

  boolean covers(DesireType type) {
    return weights.containsKey(type);
  }

  /** Every weight in one vector, desire by desire in {@link DesireType} order: what an update moves. */
  double[] vector() {
    List<Double> all = new ArrayList<>();
    weights.values().forEach(all::addAll);
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The number of weights an update to this prior carries. */
  public int dimension() {
    return weights.size() * inputs.size();
  }

  /** This prior with {@code vector} (the layout of {@link #vector()}) as its weights and another origin. */
  PopulationPrior with(double[] vector, Origin newOrigin) {
    if (vector.length != dimension()) {
      throw new InvalidInputException("population prior update has " + vector.length + " values, expected "
          + dimension() + " (" + weights.size() + " desires x " + inputs.size() + " inputs)");
    }
    Map<DesireType, List<Double>> w = new EnumMap<>(DesireType.class);
    int k = 0;
    for (DesireType type : weights.keySet()) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        values.add(Requires.finite(vector[k++], "population prior weight"));
      }
      w.put(type, values);
    }
    return new PopulationPrior(FORMAT, inputs, w, newOrigin);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write population prior as JSON: " + e.getMessage(), e);
    }
  }

  public static PopulationPrior fromJson(String json) {
    try {
      return JSON.readValue(json, PopulationPrior.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidInputException("population prior JSON: " + e.getMessage(), e);
    }
  }
}
