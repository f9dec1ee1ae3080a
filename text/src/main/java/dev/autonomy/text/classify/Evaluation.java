package dev.autonomy.text.classify;

import dev.autonomy.text.data.Example;
import dev.autonomy.text.eval.ClassificationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model scored on labelled examples: the report, and for data with an out-of-scope label the
 * in-scope accuracy (a rejected in-scope example counts as wrong) and the out-of-scope recall.
 */
public record Evaluation(ClassificationReport report, String rejectLabel, double inScopeAccuracy, double oosRecall) {

  /** Label of CLINC150's out-of-scope class. */
  public static final String OOS = "oos";

  /** Scores {@code model} on {@code examples} whose embeddings are {@code x}. */
  public static Evaluation of(TextModel model, float[][] x, List<Example> examples) {
    List<String> predicted = new ArrayList<>(examples.size());
    for (int i = 0; i < examples.size(); i++) {
      predicted.add(model.predict(x[i], examples.get(i).text()).label());
    }
    return ofPredictions(model.labels(), examples, predicted);
  }

  /**
   * Scores class probabilities (in {@code labels} order) against examples: the most probable label,
   * or {@code rejectLabel} when it is not empty and the top probability is below {@code rejectBelow}
   * (the rule of {@link TextModel#predict}).
   */
  public static Evaluation ofProbabilities(
      List<String> labels, List<Example> examples, double[][] probabilities, String rejectLabel, double rejectBelow) {
    List<String> predicted = new ArrayList<>(probabilities.length);
    for (double[] p : probabilities) {
      int best = HeadTrainer.argmax(p);
      predicted.add(!rejectLabel.isEmpty() && p[best] < rejectBelow ? rejectLabel : labels.get(best));
    }
    return ofPredictions(labels, examples, predicted);
  }

  /**
   * Scores predicted labels against examples; {@code known} are the classifier's labels (labels
   * only the data has are added, and every example with one counts as an error).
   */
  public static Evaluation ofPredictions(List<String> known, List<Example> examples, List<String> predictions) {
    if (predictions.size() != examples.size()) {
      throw new IllegalArgumentException(predictions.size() + " predictions for " + examples.size() + " examples");
    }
    List<String> labels = new ArrayList<>(known);
    for (Example e : examples) {
      if (!labels.contains(e.label())) {
        labels.add(e.label());
      }
    }
    for (String p : predictions) {
      if (!labels.contains(p)) {
        labels.add(p);
      }
    }
    Map<String, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int[] truth = new int[examples.size()];
    int[] predicted = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      truth[i] = index.get(examples.get(i).label());
      predicted[i] = index.get(predictions.get(i));
    }
    ClassificationReport report = ClassificationReport.of(labels, truth, predicted);
    String reject = labels.contains(OOS) ? OOS : "";
    double inScope = Double.NaN;
    double oosRecall = Double.NaN;
    if (!reject.isEmpty()) {
      int r = index.get(reject);
      int in = 0, inRight = 0, out = 0, outRight = 0;
      for (int i = 0; i < truth.length; i++) {
        if (truth[i] == r) {
          out++;
          outRight += predicted[i] == r ? 1 : 0;
        } else {
          in++;
          inRight += predicted[i] == truth[i] ? 1 : 0;
        }
      }
      inScope = in == 0 ? Double.NaN : (double) inRight / in;
      oosRecall = out == 0 ? Double.NaN : (double) outRight / out;
    }
    return new Evaluation(report, reject, inScope, oosRecall);
  }

  public double accuracy() {
    return report.accuracy();
  }

  public double macroF1() {
    return report.macroF1();
  }

  /** accuracy, macro_f1, in_scope_accuracy / oos_recall when there is an oos label, report. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accuracy", accuracy());
    m.put("macro_f1", macroF1());
    if (!rejectLabel.isEmpty()) {
      m.put("in_scope_accuracy", Double.isNaN(inScopeAccuracy) ? null : inScopeAccuracy);
      m.put("oos_recall", Double.isNaN(oosRecall) ? null : oosRecall);
    }
    m.put("report", report.toMap());
    return m;
  }
}
