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
 * @param features {@value #EMBEDDING} (the embedding only), {@value #EMBEDDING_NGRAMS} (plus a
 *     linear block on the text's hashed word n-grams, {@link Ngrams#DEFAULT}) or {@value
 *     #EMBEDDING_NGRAMS_CHARS} (word and character n-grams, {@link Ngrams#WITH_CHARS})
 * @param lexicalRate Adam step size of the n-gram block (its columns are updated lazily, only
 *     when a feature occurs in a batch, so it wants a larger step than the dense weights)
 * @param lexicalL2 weight decay on the n-gram block (files from before it existed: {@code l2})
 */
public record HeadSettings(
    String kind,
    int hidden,
    double l2,
    double learningRate,
    int maxEpochs,
    int patience,
    int batchSize,
    boolean classWeights,
    String features,
    double lexicalRate,
    double lexicalL2) {

  /** Features: the embedding only. */
  public static final String EMBEDDING = "embedding";

  /** Features: the embedding plus hashed word n-grams. */
  public static final String EMBEDDING_NGRAMS = "embedding+ngrams";

  /** Features: the embedding plus hashed word n-grams and character 3- to 5-grams. */
  public static final String EMBEDDING_NGRAMS_CHARS = "embedding+ngrams+chars";

  /** Default step size of the n-gram block. */
  public static final double LEXICAL_RATE = 1e-2;

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
    features = features == null ? EMBEDDING : features;
    if (!features.equals(EMBEDDING) && !features.equals(EMBEDDING_NGRAMS) && !features.equals(EMBEDDING_NGRAMS_CHARS)) {
      throw new InvalidInputException("unknown features '" + features + "'; expected " + EMBEDDING + ", "
          + EMBEDDING_NGRAMS + " or " + EMBEDDING_NGRAMS_CHARS);
    }
    if (!(lexicalRate > 0 && lexicalRate < 10)) {
      throw new IllegalArgumentException("lexicalRate must be in (0, 10), was " + lexicalRate);
    }
    Requires.nonNegative(lexicalL2, "lexicalL2");
  }

  /** Settings whose n-gram block decays as the dense weights do ({@code lexicalL2 = l2}). */
  HeadSettings(String kind, int hidden, double l2, double learningRate, int maxEpochs, int patience,
      int batchSize, boolean classWeights, String features, double lexicalRate) {
    this(kind, hidden, l2, learningRate, maxEpochs, patience, batchSize, classWeights, features, lexicalRate, l2);
  }

  /** Settings on the embedding only (as before the n-gram block existed). */
  HeadSettings(String kind, int hidden, double l2, double learningRate, int maxEpochs, int patience,
      int batchSize, boolean classWeights) {
    this(kind, hidden, l2, learningRate, maxEpochs, patience, batchSize, classWeights, EMBEDDING, LEXICAL_RATE);
  }

  /** Whether the head also reads the text's n-grams. */
  public boolean ngrams() {
    return !features.equals(EMBEDDING);
  }

  /** The lexical features of these settings; refused for {@value #EMBEDDING}. */
  Ngrams lexical() {
    return switch (features) {
      case EMBEDDING_NGRAMS -> Ngrams.DEFAULT;
      case EMBEDDING_NGRAMS_CHARS -> Ngrams.WITH_CHARS;
      default -> throw new IllegalStateException("features " + features + " have no lexical block");
    };
  }

  /** Logistic regression defaults. */
  public static HeadSettings logreg() {
    return new HeadSettings("logreg", 0, 1e-3, 1e-3, 60, 6, 32, true);
  }

  /** MLP defaults: 256 hidden ReLU units. */
  static HeadSettings mlp() {
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
    return new HeadSettings(kind, hidden, l2, learningRate, epochs, patience, batchSize, classWeights, features, lexicalRate, lexicalL2);
  }

  /** The same settings with other features ({@value #EMBEDDING} or {@value #EMBEDDING_NGRAMS}). */
  public HeadSettings withFeatures(String features) {
    return new HeadSettings(kind, hidden, l2, learningRate, maxEpochs, patience, batchSize, classWeights, features, lexicalRate, lexicalL2);
  }

  /** The same settings with another step size for the n-gram block. */
  HeadSettings withLexicalRate(double rate) {
    return new HeadSettings(kind, hidden, l2, learningRate, maxEpochs, patience, batchSize, classWeights, features, rate, lexicalL2);
  }

  /** The same settings with another weight decay on the n-gram block. */
  HeadSettings withLexicalL2(double decay) {
    return new HeadSettings(kind, hidden, l2, learningRate, maxEpochs, patience, batchSize, classWeights, features, lexicalRate, decay);
  }

  /** The same settings with or without class weights. */
  HeadSettings withClassWeights(boolean weighted) {
    return new HeadSettings(kind, hidden, l2, learningRate, maxEpochs, patience, batchSize, weighted, features, lexicalRate, lexicalL2);
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
    m.put("features", features);
    if (ngrams()) {
      m.put("lexical_learning_rate", lexicalRate);
      m.put("lexical_l2", lexicalL2);
    }
    return m;
  }
}
