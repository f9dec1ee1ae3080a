package dev.autonomy.engine.desire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.FeatureVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
 * Confidence is {@code alpha_data * exp(-max(0, rms(z) - 1.5))}: little data or a context far from
 * the training days (root-mean-square z over inputs that varied) lowers it.
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
    Double shrink) {

  public LinearHead {
    Requires.nonNull(type, "type");
    inputs = List.copyOf(inputs);
    means = List.copyOf(means);
    scales = List.copyOf(scales);
    weights = List.copyOf(weights);
    online = List.copyOf(online);
    int n = inputs.size();
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
        zeros(inputs), 0.0, 0, 1.0);
  }

  private static List<Double> zeros(List<String> inputs) {
    return inputs.stream().map(i -> 0.0).toList();
  }

  /** This head with another batch fit (weights, intercept, shrinkage); the online layer is kept. */
  private LinearHead withBatch(List<Double> newWeights, double newBias, double newShrink) {
    return new LinearHead(type, inputs, means, scales, newWeights, newBias, prior, priorStrength, trainingDays,
        online, onlineBias, feedbackCount, newShrink);
  }

  /** This head with another online layer; the batch fit is kept. */
  private LinearHead withOnline(List<Double> newOnline, double newOnlineBias, int newFeedbackCount) {
    return new LinearHead(type, inputs, means, scales, weights, bias, prior, priorStrength, trainingDays,
        newOnline, newOnlineBias, newFeedbackCount, shrink);
  }

  double[] z(FeatureVector x) {
    double[] z = new double[inputs.size()];
    for (int i = 0; i < z.length; i++) {
      String name = inputs.get(i);
      double v = x.value(name).orElseThrow(() -> new IllegalArgumentException(
          "the " + type.code() + " model needs input '" + name + "', which the feature vector lacks; it has "
              + x.names()));
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
    double usual = a * bias + (1 - a) * (Double.isNaN(prior) ? 0.0 : prior) + onlineBias;
    if (usual != 0.0) {
      String meaning = trainingDays == 0
          ? (Double.isNaN(prior) ? "no data for this desire yet: a neutral level" : "your stated goal")
          : (Double.isNaN(prior) ? "your usual level" : "your usual level blended with your stated goal")
              + shrinkNote();
      parts.add(new Contribution("usual_level", 1.0, usual, meaning));
    }
    double sumSq = 0;
    int varied = 0;
    for (int i = 0; i < z.length; i++) {
      String name = inputs.get(i);
      double s = scales.get(i);
      double perUnit = (a * weights.get(i) + online.get(i)) / (s > 0 ? s : 1.0);
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
    parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect())).thenComparing(Contribution::input));
    double rms = varied == 0 ? 0.0 : Math.sqrt(sumSq / varied);
    double dataConfidence = priorStrength == 0 ? 1.0 : trainingDays / (trainingDays + priorStrength);
    double confidence = dataConfidence * Math.exp(-Math.max(0.0, rms - 1.5));
    return new Desire(type, intensity(z), clip(confidence), parts);
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
