package dev.autonomy.text.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule that turns a low-confidence prediction into "did not understand": every prediction whose
 * top probability is below a threshold becomes the reject label (CLINC150's {@code oos}). Chosen on
 * dev for the best overall accuracy, the same way for a frozen encoder's head and a fine-tuned model,
 * and swept so a person can see what each threshold costs in-scope.
 */
public final class RejectThreshold {
  /** Thresholds tried: 0, 0.01, ..., 0.95. */
  private static final int STEPS = 95;

  /**
   * One threshold's outcome on labelled examples.
   *
   * @param threshold predictions whose top probability is below it are rejected
   * @param accuracy share of all examples right
   * @param inScopeAccuracy share of examples not labelled reject that are right (a rejected one is wrong)
   * @param oosRecall share of examples labelled reject that are rejected
   */
  public record Point(double threshold, double accuracy, double inScopeAccuracy, double oosRecall) {}

  private final int[] argmax;
  private final double[] top;
  private final int[] truth;
  private final int reject;

  /**
   * @param probabilities each example's class probabilities, in {@code labels} order
   * @param labels the classifier's classes; must contain {@code reject}
   * @param truth each example's true label (a label the classifier lacks counts as never right)
   * @param reject the label a rejected prediction gets
   */
  public RejectThreshold(double[][] probabilities, List<String> labels, List<String> truth, String reject) {
    if (probabilities.length != truth.size()) {
      throw new IllegalArgumentException(probabilities.length + " predictions for " + truth.size() + " examples");
    }
    this.reject = labels.indexOf(reject);
    if (this.reject < 0) {
      throw new IllegalArgumentException("reject label '" + reject + "' is not one of the classifier's labels");
    }
    int n = probabilities.length;
    this.argmax = new int[n];
    this.top = new double[n];
    this.truth = new int[n];
    for (int i = 0; i < n; i++) {
      argmax[i] = HeadTrainer.argmax(probabilities[i]);
      top[i] = probabilities[i][argmax[i]];
      this.truth[i] = labels.indexOf(truth.get(i));
    }
  }

  /** The outcome of rejecting below {@code threshold}. */
  public Point at(double threshold) {
    int right = 0;
    int in = 0;
    int inRight = 0;
    int out = 0;
    int outRight = 0;
    for (int i = 0; i < argmax.length; i++) {
      int predicted = top[i] < threshold ? reject : argmax[i];
      boolean ok = predicted == truth[i];
      right += ok ? 1 : 0;
      if (truth[i] == reject) {
        out++;
        outRight += ok ? 1 : 0;
      } else {
        in++;
        inRight += ok ? 1 : 0;
      }
    }
    int n = argmax.length;
    return new Point(
        threshold,
        n == 0 ? Double.NaN : (double) right / n,
        in == 0 ? Double.NaN : (double) inRight / in,
        out == 0 ? Double.NaN : (double) outRight / out);
  }

  /** Every threshold tried, from 0 (never reject) up. */
  public List<Point> sweep() {
    List<Point> out = new ArrayList<>(STEPS + 1);
    for (int step = 0; step <= STEPS; step++) {
      out.add(at(step / 100.0));
    }
    return out;
  }

  /** The threshold with the best overall accuracy; the lowest of equals (reject as little as possible). */
  public double best() {
    Point best = null;
    for (Point p : sweep()) {
      if (best == null || p.accuracy() > best.accuracy()) {
        best = p;
      }
    }
    return best == null || Double.isNaN(best.accuracy()) ? 0.0 : best.threshold();
  }
}
