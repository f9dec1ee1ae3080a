package dev.autonomy.text.eval;

import dev.autonomy.core.Requires;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-class precision, recall, F1 and support; macro and weighted averages; accuracy; and the
 * confusion matrix ({@code matrix[truth][predicted]}). A class never predicted has precision 0; a
 * class with no support has recall 0 and is left out of the macro average (as scikit-learn does
 * with labels absent from both truth and prediction, we keep only labels with support or
 * predictions).
 */
public record ClassificationReport(
    List<String> labels,
    int[][] matrix,
    List<ClassScore> perClass,
    ClassScore macro,
    ClassScore weighted,
    double accuracy,
    int total) {

  public ClassificationReport {
    labels = List.copyOf(labels);
    perClass = List.copyOf(perClass);
    Requires.nonNull(matrix, "matrix");
  }

  /** The report of predictions against the truth, both as indices into {@code labels}. */
  public static ClassificationReport of(List<String> labels, int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "truth and predicted must have the same length, were " + truth.length + " and " + predicted.length);
    }
    int k = labels.size();
    int[][] m = new int[k][k];
    for (int i = 0; i < truth.length; i++) {
      m[truth[i]][predicted[i]]++;
    }
    return fromMatrix(labels, m);
  }

  /** The report of a confusion matrix {@code matrix[truth][predicted]}. */
  static ClassificationReport fromMatrix(List<String> labels, int[][] matrix) {
    int k = labels.size();
    if (matrix.length != k) {
      throw new IllegalArgumentException("matrix must be " + k + "x" + k + ", has " + matrix.length + " rows");
    }
    int total = 0;
    int correct = 0;
    int[] predictedCount = new int[k];
    int[] support = new int[k];
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        total += matrix[t][p];
        support[t] += matrix[t][p];
        predictedCount[p] += matrix[t][p];
      }
      correct += matrix[t][t];
    }
    List<ClassScore> scores = new ArrayList<>();
    double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
    int counted = 0;
    for (int c = 0; c < k; c++) {
      double precision = predictedCount[c] == 0 ? 0.0 : (double) matrix[c][c] / predictedCount[c];
      double recall = support[c] == 0 ? 0.0 : (double) matrix[c][c] / support[c];
      double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
      scores.add(new ClassScore(labels.get(c), precision, recall, f1, support[c]));
      if (support[c] > 0 || predictedCount[c] > 0) {
        counted++;
        mp += precision;
        mr += recall;
        mf += f1;
      }
      wp += precision * support[c];
      wr += recall * support[c];
      wf += f1 * support[c];
    }
    ClassScore macro =
        counted == 0
            ? new ClassScore("macro avg", 0, 0, 0, total)
            : new ClassScore("macro avg", mp / counted, mr / counted, mf / counted, total);
    ClassScore weighted =
        total == 0
            ? new ClassScore("weighted avg", 0, 0, 0, 0)
            : new ClassScore("weighted avg", wp / total, wr / total, wf / total, total);
    int[][] copy = new int[k][];
    for (int i = 0; i < k; i++) {
      copy[i] = matrix[i].clone();
    }
    return new ClassificationReport(
        labels, copy, scores, macro, weighted, total == 0 ? 0.0 : (double) correct / total, total);
  }

  /** The score of one class by label. */
  public ClassScore score(String label) {
    return perClass.stream()
        .filter(s -> s.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no label '" + label + "' in " + labels));
  }

  public double macroF1() {
    return macro.f1();
  }

  /** The report as plain maps and lists, for JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", accuracy);
    out.put("macro_f1", macro.f1());
    out.put("weighted_f1", weighted.f1());
    out.put("total", total);
    List<Map<String, Object>> classes = new ArrayList<>();
    for (ClassScore s : perClass) {
      classes.add(scoreMap(s));
    }
    out.put("per_class", classes);
    out.put("macro_avg", scoreMap(macro));
    out.put("weighted_avg", scoreMap(weighted));
    out.put("labels", labels);
    out.put("confusion_matrix", matrix);
    return out;
  }

  private static Map<String, Object> scoreMap(ClassScore s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", s.label());
    m.put("precision", s.precision());
    m.put("recall", s.recall());
    m.put("f1", s.f1());
    m.put("support", s.support());
    return m;
  }

  /** The report as a text table; the confusion matrix is printed when there are at most 12 labels. */
  public String toText() {
    int width = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
    StringBuilder b = new StringBuilder();
    String row = "%" + width + "s %9s %9s %9s %9s%n";
    b.append(String.format(Locale.ROOT, row, "", "precision", "recall", "f1", "support"));
    String num = "%" + width + "s %9.3f %9.3f %9.3f %9d%n";
    for (ClassScore s : perClass) {
      b.append(String.format(Locale.ROOT, num, s.label(), s.precision(), s.recall(), s.f1(), s.support()));
    }
    b.append('\n');
    b.append(String.format(Locale.ROOT, "%" + width + "s %9s %9s %9.3f %9d%n", "accuracy", "", "", accuracy, total));
    for (ClassScore s : List.of(macro, weighted)) {
      b.append(String.format(Locale.ROOT, num, s.label(), s.precision(), s.recall(), s.f1(), s.support()));
    }
    if (labels.size() <= 12) {
      b.append("\nconfusion matrix (rows: truth, columns: predicted)\n");
      b.append(String.format(Locale.ROOT, "%" + width + "s", ""));
      for (String l : labels) {
        b.append(String.format(Locale.ROOT, " %8s", l.length() > 8 ? l.substring(0, 8) : l));
      }
      b.append('\n');
      for (int t = 0; t < labels.size(); t++) {
        b.append(String.format(Locale.ROOT, "%" + width + "s", labels.get(t)));
        for (int p = 0; p < labels.size(); p++) {
          b.append(String.format(Locale.ROOT, " %8d", matrix[t][p]));
        }
        b.append('\n');
      }
    }
    return b.toString();
  }
}
