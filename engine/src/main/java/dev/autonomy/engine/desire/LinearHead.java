package dev.autonomy.engine.desire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.DataAge;
import dev.autonomy.engine.features.FeatureVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One desire's linear model. With {@code z_i = (x_i - mean_i) / scale_i} (scale 0 means the input
 * did not vary in training: {@code z_i = x_i - mean_i}):
 *
 * <pre>
 *   learned   = clip01(bias + sum_i weight_i z_i)             (the batch model, trained by Tribuo)
 *   alpha     = n / (n + priorStrength)                       (1 when priorStrength is 0 or no prior)
 *   base      = alpha * learned + (1 - alpha) * prior          (cold-start prior from stated goals)
 *   intensity = clip01(base + onlineBias + sum_i online_i z_i) (the online layer, fed by feedback)
 * </pre>
 *
 * Confidence is {@code alpha_data * exp(-max(0, rms(z) - 1.5)) * 0.5^(age / 7)}: little data, a
 * context far from the training days (root-mean-square z over the present inputs that varied) or
 * old data lowers it. {@code age} is the staleness of the newest signal the prediction rests on:
 * the fewest days, over the dated inputs with a non-zero weight ({@link DataAge}; over all the dated
 * inputs when none has a weight, as the usual level alone rests on all of them), between their
 * newest data and the day before the one predicted; 0 when the data reaches yesterday (and always
 * for undated vectors), so confidence halves per week without new data and fresh data is unchanged.
 *
 * <p>Missing inputs ({@link FeatureVector#isMissing}: their data is older than what they describe)
 * are taken at their training mean ({@code z_i = 0}): they add nothing, in the batch fit, the online
 * layer and its updates alike. Each one with a weight is listed as a contribution of value 0 whose
 * meaning names the date of its last data, and the usual level says which data it stands in for.
 *
 * @param type the desire
 * @param inputs feature names, in order
 * @param means training means of the inputs
 * @param scales training standard deviations (0: did not vary)
 * @param weights batch weights on z
 * @param bias batch intercept (the training mean of the label plus Tribuo's intercept)
 * @param prior the stated goal, or NaN when none
 * @param priorStrength days of data worth as much as the prior (0: no blending, full confidence)
 * @param trainingDays n, the labelled days learned from
 * @param online online-layer weights on z, learned from feedback
 * @param onlineBias online-layer intercept
 * @param feedbackCount feedback steps taken
 * @param shrink the share of the fitted model's departure from the person's training mean that was
 *     kept, chosen by rolling-origin validation inside the training days ({@link DesireTrainer}):
 *     1 keeps the fit as it is, 0.5 halves every weight and the intercept's offset from the mean, 0
 *     predicts the mean. Already applied to {@code weights} and {@code bias}; kept here to explain
 *     the model. Absent in older saved models (read as 1).
 * @param population the part of {@code weights} that came from a {@link PopulationPrior} (the
 *     validated share of its weights, on the inputs that varied in the person's days): already in
 *     {@code weights}; kept apart so a prediction can say how much of it came from the population
 *     and how much from the person's own data. Absent in older saved models (read as zeros).
 */
public record LinearHead(
    DesireType type,
    List<String> inputs,
    List<Double> means,
    List<Double> scales,
    List<Double> weights,
    double bias,
    double prior,
    double priorStrength,
    int trainingDays,
    List<Double> online,
    double onlineBias,
    int feedbackCount,
    Double shrink,
    List<Double> population) {
  /** Days without new data after which a prediction's confidence has halved. */
  public static final double STALE_HALF_LIFE_DAYS = 7.0;

  public LinearHead {
    Requires.nonNull(type, "type");
    inputs = List.copyOf(inputs);
    means = List.copyOf(means);
    scales = List.copyOf(scales);
    weights = List.copyOf(weights);
    online = List.copyOf(online);
    population = population == null ? inputs.stream().map(i -> 0.0).toList() : List.copyOf(population);
    int n = inputs.size();
    if (population.size() != n) {
      throw new IllegalArgumentException("head " + type.code() + ": population must have one value per input ("
          + n + "), had " + population.size());
    }
    population.forEach(v -> Requires.finite(v, "population weight"));
    if (means.size() != n || scales.size() != n || weights.size() != n || online.size() != n) {
      throw new IllegalArgumentException("head " + type.code() + ": inputs, means, scales, weights and online "
          + "must have the same size, were " + n + ", " + means.size() + ", " + scales.size() + ", "
          + weights.size() + ", " + online.size());
    }
    scales.forEach(s -> Requires.nonNegative(s, "scale"));
    Requires.finite(bias, "bias");
    if (!Double.isNaN(prior)) {
      Requires.unitInterval(prior, "prior");
    }
    Requires.nonNegative(priorStrength, "priorStrength");
    Requires.nonNegative(trainingDays, "trainingDays");
    Requires.finite(onlineBias, "onlineBias");
    Requires.nonNegative(feedbackCount, "feedbackCount");
    shrink = shrink == null ? 1.0 : Requires.unitInterval(shrink, "shrink");
  }

  /** A configured head on raw inputs: intensity = bias + sum weight_i x_i, no prior, full confidence. */
  public static LinearHead configured(DesireType type, List<String> inputs, List<Double> weights, double bias) {
    List<Double> ones = inputs.stream().map(i -> 1.0).toList();
    return fitted(type, inputs, zeros(inputs), ones, weights, bias, Double.NaN, 0.0, 0);
  }

  /**
   * A head as a batch fit leaves it: standardised inputs, weights and intercept, the prior it was
   * pulled toward, no shrinkage and an online layer at zero.
   */
  static LinearHead fitted(DesireType type, List<String> inputs, List<Double> means, List<Double> scales,
      List<Double> weights, double bias, double prior, double priorStrength, int trainingDays) {
    return new LinearHead(type, inputs, means, scales, weights, bias, prior, priorStrength, trainingDays,
        zeros(inputs), 0.0, 0, 1.0, zeros(inputs));
  }

  private static List<Double> zeros(List<String> inputs) {
    return inputs.stream().map(i -> 0.0).toList();
  }

  /** This head with another batch fit (weights, intercept, shrinkage); the online layer is kept. */
  private LinearHead withBatch(List<Double> newWeights, double newBias, double newShrink) {
    return new LinearHead(type, inputs, means, scales, newWeights, newBias, prior, priorStrength, trainingDays,
        online, onlineBias, feedbackCount, newShrink, population);
  }

  /** This head with {@code part} added to its batch weights and kept as the population's part of them. */
  LinearHead withPopulation(double[] part) {
    if (part.length != inputs.size()) {
      throw new IllegalArgumentException("population part has " + part.length + " values for " + inputs.size() + " inputs");
    }
    List<Double> w = new ArrayList<>();
    List<Double> pop = new ArrayList<>();
    for (int i = 0; i < part.length; i++) {
      w.add(weights.get(i) + part[i]);
      pop.add(population.get(i) + part[i]);
    }
    return new LinearHead(type, inputs, means, scales, w, bias, prior, priorStrength, trainingDays,
        online, onlineBias, feedbackCount, shrink, pop);
  }

  /** This head with another online layer; the batch fit is kept. */
  private LinearHead withOnline(List<Double> newOnline, double newOnlineBias, int newFeedbackCount) {
    return new LinearHead(type, inputs, means, scales, weights, bias, prior, priorStrength, trainingDays,
        newOnline, newOnlineBias, newFeedbackCount, shrink, population);
  }

  double[] z(FeatureVector x) {
    double[] z = new double[inputs.size()];
    for (int i = 0; i < z.length; i++) {
      String name = inputs.get(i);
      double v = x.value(name).orElseThrow(() -> new IllegalArgumentException(
          "the " + type.code() + " model needs input '" + name + "', which the feature vector lacks; it has "
              + x.names()));
      if (x.isMissing(name)) {
        z[i] = 0.0;
        continue;
      }
      double s = scales.get(i);
      z[i] = s > 0 ? (v - means.get(i)) / s : v - means.get(i);
    }
    return z;
  }

  @JsonIgnore
  double alpha() {
    if (Double.isNaN(prior) || priorStrength == 0) {
      return 1.0;
    }
    return trainingDays / (trainingDays + priorStrength);
  }

  private static double clip(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }

  /** The batch fit before clipping, goal and online layer: bias + sum weight_i z_i. */
  double batch(FeatureVector x) {
    double[] z = z(x);
    double raw = bias;
    for (int i = 0; i < z.length; i++) {
      raw += weights.get(i) * z[i];
    }
    return raw;
  }

  double intensity(double[] z) {
    double raw = bias;
    double on = onlineBias;
    for (int i = 0; i < z.length; i++) {
      raw += weights.get(i) * z[i];
      on += online.get(i) * z[i];
    }
    double a = alpha();
    double base = a * clip(raw) + (1 - a) * (Double.isNaN(prior) ? 0.0 : prior);
    return clip(base + on);
  }

  Desire predict(FeatureVector x) {
    double[] z = z(x);
    double a = alpha();
    List<Contribution> parts = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    double sumSq = 0;
    int varied = 0;
    long usedAge = Long.MAX_VALUE;
    long anyAge = Long.MAX_VALUE;
    double fromPopulation = 0.0;
    for (int i = 0; i < z.length; i++) {
      fromPopulation += a * population.get(i) * z[i];
      String name = inputs.get(i);
      double s = scales.get(i);
      double perUnit = (a * weights.get(i) + online.get(i)) / (s > 0 ? s : 1.0);
      OptionalLong stale = x.age().staleDays(name);
      if (stale.isPresent()) {
        anyAge = Math.min(anyAge, stale.getAsLong());
        if (perUnit != 0.0) {
          usedAge = Math.min(usedAge, stale.getAsLong());
        }
      }
      if (x.isMissing(name)) {
        if (perUnit != 0.0) {
          parts.add(new Contribution(name, 0.0, perUnit, x.meaning(name)));
          x.age().of(name).ifPresent(n -> missing.add(n.note()));
        }
        continue;
      }
      double deviation = x.value(name).orElseThrow() - means.get(i);
      if (perUnit != 0.0 && deviation != 0.0) {
        String meaning = x.meaning(name) + (means.get(i) != 0.0 ? " (against your usual)" : "");
        parts.add(new Contribution(name, deviation, perUnit, meaning));
      }
      if (s > 0) {
        sumSq += z[i] * z[i];
        varied++;
      }
    }
    long staleDays = usedAge != Long.MAX_VALUE ? usedAge : anyAge != Long.MAX_VALUE ? anyAge : 0;
    double usual = a * bias + (1 - a) * (Double.isNaN(prior) ? 0.0 : prior) + onlineBias;
    if (usual != 0.0) {
      String meaning = trainingDays == 0
          ? (Double.isNaN(prior) ? "no data for this desire yet: a neutral level" : "your stated goal")
          : (Double.isNaN(prior) ? "your usual level" : "your usual level blended with your stated goal")
              + shrinkNote();
      parts.add(new Contribution("usual_level", 1.0, usual, meaning + staleNote(missing, staleDays)));
    }
    parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect())).thenComparing(Contribution::input));
    double rms = varied == 0 ? 0.0 : Math.sqrt(sumSq / varied);
    double dataConfidence = priorStrength == 0 ? 1.0 : trainingDays / (trainingDays + priorStrength);
    double confidence = dataConfidence * Math.exp(-Math.max(0.0, rms - 1.5)) * staleFactor(staleDays);
    return new Desire(type, intensity(z), clip(confidence), parts, fromPopulation);
  }

  /** The share of confidence kept for data {@code staleDays} old: halved per {@value #STALE_HALF_LIFE_DAYS} days. */
  static double staleFactor(long staleDays) {
    return staleDays <= 0 ? 1.0 : Math.pow(0.5, staleDays / STALE_HALF_LIFE_DAYS);
  }

  /**
   * What the usual level stands in for and how old the data is, for its meaning; "" on fresh data:
   * "; no sleep data since 2026-11-20: your usual stands in for it; no new data for 13 days,
   * confidence 0.28 of full".
   */
  private static String staleNote(Set<String> missing, long staleDays) {
    String out = "";
    if (!missing.isEmpty()) {
      out += "; " + String.join(", ", missing) + ": your usual stands in for "
          + (missing.size() == 1 ? "it" : "them");
    }
    if (staleDays > 0) {
      out += String.format(Locale.ROOT, "; no new data for %d day%s, confidence %.2f of full",
          staleDays, staleDays == 1 ? "" : "s", staleFactor(staleDays));
    }
    return out;
  }

  /** What the validated shrinkage says about the data, for the usual level's meaning; "" when none was applied. */
  private String shrinkNote() {
    if (trainingDays == 0 || shrink >= 1.0) {
      return "";
    }
    if (shrink == 0.0) {
      return "; your data does not yet support more than your average, so the model predicts it";
    }
    return String.format(java.util.Locale.ROOT,
        "; the learned effects are shrunk %.0f%% toward your average: your data supports little more",
        100 * (1 - shrink));
  }

  /** This head with its batch fit kept at {@code lambda}: mean + lambda * (fit - mean), applied to weights and bias. */
  LinearHead shrunkToward(double mean, double lambda) {
    Requires.unitInterval(lambda, "lambda");
    List<Double> w = weights.stream().map(v -> lambda * v).toList();
    return withBatch(w, mean + lambda * (bias - mean), lambda * shrink);
  }

  /**
   * Normalised least-mean-squares steps on the online layer toward {@code target}: each step moves
   * every online parameter by {@code rate * error * z_i / (1 + |z|^2)} (the intercept's input is 1),
   * which shrinks the error by about a factor (1 - rate) per step while nothing is clipped.
   */
  LinearHead learn(FeatureVector x, double target, int steps, double rate) {
    Requires.unitInterval(target, "observed intensity");
    double[] z = z(x);
    double norm = 1.0;
    for (double v : z) {
      norm += v * v;
    }
    double[] on = online.stream().mapToDouble(Double::doubleValue).toArray();
    double ob = onlineBias;
    LinearHead current = this;
    for (int k = 0; k < steps; k++) {
      double err = target - current.intensity(z);
      ob += rate * err / norm;
      for (int i = 0; i < on.length; i++) {
        on[i] += rate * err * z[i] / norm;
      }
      List<Double> onList = new ArrayList<>();
      for (double v : on) {
        onList.add(v);
      }
      current = withOnline(onList, ob, feedbackCount + 1);
    }
    return current;
  }
}
