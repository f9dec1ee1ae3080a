package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.FeatureVector;
import java.util.List;

/**
 * One person's labelled days for one desire as a regression problem, the form both the personal
 * fit ({@link DesireTrainer}) and the population prior ({@link PopulationTrainer}) learn from: raw
 * inputs, their mean and standard deviation over these days (0 when an input did not vary), and
 * the labels. Standardising against the person's own days is what lets a weight learned across
 * persons mean the same thing for each of them ("a day one standard deviation above your usual").
 *
 * @param type the desire
 * @param inputs feature names, in column order
 * @param x raw inputs, one row per labelled day
 * @param y labels, 0..1
 * @param mean each input's mean over the rows
 * @param sd each input's sample standard deviation over the rows; 0 when it did not vary
 */
record PersonRows(DesireType type, List<String> inputs, double[][] x, double[] y, double[] mean, double[] sd) {
  PersonRows {
    Requires.nonNull(type, "type");
    inputs = List.copyOf(inputs);
    if (x.length != y.length) {
      throw new IllegalArgumentException("rows: " + x.length + " inputs but " + y.length + " labels");
    }
    if (mean.length != inputs.size() || sd.length != inputs.size()) {
      throw new IllegalArgumentException("mean and sd must have one value per input (" + inputs.size() + ")");
    }
  }

  /** The rows of {@code days} that have a {@code type} label, standardised over those rows. */
  static PersonRows of(DesireType type, List<DesireDataset.LabelledDay> days, List<String> inputs) {
    List<DesireDataset.LabelledDay> rows = days.stream().filter(d -> d.labels().containsKey(type)).toList();
    int n = rows.size();
    int p = inputs.size();
    double[][] x = new double[n][p];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      FeatureVector v = rows.get(r).x();
      for (int i = 0; i < p; i++) {
        String name = inputs.get(i);
        x[r][i] = v.value(name).orElseThrow(() -> new IllegalArgumentException(
            "training day " + v + " lacks input '" + name + "'"));
      }
      y[r] = rows.get(r).labels().get(type);
    }
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int r = 0; r < n; r++) {
        s += x[r][i];
      }
      mean[i] = n == 0 ? 0 : s / n;
      double ss = 0;
      for (int r = 0; r < n; r++) {
        ss += (x[r][i] - mean[i]) * (x[r][i] - mean[i]);
      }
      sd[i] = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
      if (sd[i] < 1e-9) {
        sd[i] = 0;
      }
    }
    return new PersonRows(type, inputs, x, y, mean, sd);
  }

  int size() {
    return y.length;
  }

  /** Row {@code r} standardised; an input that did not vary is 0 (it carries no information here). */
  double[] z(int r) {
    double[] z = new double[mean.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = sd[i] > 0 ? (x[r][i] - mean[i]) / sd[i] : 0.0;
    }
    return z;
  }

  boolean varied(int i) {
    return sd[i] > 0;
  }

  /** The label's centre over the rows: the median, or the mean. */
  double centre(boolean median) {
    if (median) {
      return LabelScale.percentile(y, 0.5);
    }
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    return sum / y.length;
  }
}
