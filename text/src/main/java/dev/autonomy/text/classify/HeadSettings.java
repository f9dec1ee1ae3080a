package dev.autonomy.text.classify;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of a head and its training (mini-batch Adam, softmax cross-entropy).
 *
 * @param kind "logreg" or "mlp"
 * @param hidden hidden units of the MLP (ignored by logreg)
 * @param l2 weight decay on the weights (not the biases)
 * @param learningRate Adam step size
 * @param maxEpochs most passes over the training set
 * @param patience stop after this many epochs without a better dev macro-F1; the best epoch's
 *     weights are kept
 * @param batchSize examples per step
 * @param classWeights weight each example by n / (k * n_class), so rare classes count as much
 */
public record HeadSettings(
    String kind,
    int hidden,
    double l2,
    double learningRate,
    int maxEpochs,
    int patience,
    int batchSize,
    boolean classWeights) {

  public HeadSettings {
    if (!kind.equals("logreg") && !kind.equals("mlp")) {
      throw new InvalidInputException("unknown head '" + kind + "'; expected logreg or mlp");
    }
    Requires.nonNegative(hidden, "hidden");
    if (kind.equals("mlp")) {
      Requires.positive(hidden, "hidden");
    }
    Requires.nonNegative(l2, "l2");
    Requires.positive(maxEpochs, "maxEpochs");
    Requires.positive(patience, "patience");
    Requires.positive(batchSize, "batchSize");
    if (!(learningRate > 0 && learningRate < 10)) {
      throw new IllegalArgumentException("learningRate must be in (0, 10), was " + learningRate);
    }
  }

  /** Logistic regression defaults. */
  public static HeadSettings logreg() {
    return new HeadSettings("logreg", 0, 1e-3, 1e-3, 60, 6, 32, true);
  }

  /** MLP defaults: 256 hidden ReLU units. */
  public static HeadSettings mlp() {
    return new HeadSettings("mlp", 256, 1e-3, 1e-3, 40, 5, 32, true);
  }

  /** The defaults of a head by name. */
  public static HeadSettings forKind(String kind) {
    return switch (kind == null ? "" : kind) {
      case "logreg" -> logreg();
      case "mlp" -> mlp();
      default -> throw new InvalidInputException("unknown head '" + kind + "'; expected logreg or mlp");
    };
  }

  public HeadSettings withMaxEpochs(int epochs) {
    return new HeadSettings(kind, hidden, l2, learningRate, epochs, patience, batchSize, classWeights);
  }

  /** As saved with a model. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("hidden", hidden);
    m.put("l2", l2);
    m.put("learning_rate", learningRate);
    m.put("max_epochs", maxEpochs);
    m.put("patience", patience);
    m.put("batch_size", batchSize);
    m.put("class_weights", classWeights);
    return m;
  }
}
