package dev.autonomy.text.classify;

import dev.autonomy.core.Requires;
import dev.autonomy.text.encode.Encoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained text classifier: which encoder it reads embeddings from, its labels, its head, an
 * optional rejection rule and its provenance. Immutable; save and load with {@link ModelStore}.
 *
 * @param encoder the encoder's registry name; classifying with another encoder is refused
 * @param labels the classes, in the head's order
 * @param head the weights
 * @param rejectLabel when not empty, predict this label whenever the top probability is below
 *     {@code rejectBelow} (CLINC150's out-of-scope threshold)
 * @param rejectBelow the threshold, 0 for none
 * @param info provenance
 */
public record TextModel(
    String encoder, List<String> labels, Head head, String rejectLabel, double rejectBelow, ModelInfo info) {

  public TextModel {
    Requires.nonBlank(encoder, "encoder");
    labels = List.copyOf(labels);
    Requires.nonNull(head, "head");
    Requires.nonNull(info, "info");
    rejectLabel = rejectLabel == null ? "" : rejectLabel;
    Requires.unitInterval(rejectBelow, "rejectBelow");
    if (labels.size() != head.classes()) {
      throw new IllegalArgumentException(
          "model has " + labels.size() + " labels but its head has " + head.classes() + " classes");
    }
    if (!rejectLabel.isEmpty() && !labels.contains(rejectLabel)) {
      throw new IllegalArgumentException("rejectLabel '" + rejectLabel + "' is not one of the labels");
    }
  }

  /**
   * A model whose head is linear on the encoder's vector: softmax(W (x / scale) + b). Fine-tuned
   * encoders (the tune module) bring their head this way; their encoder name says where their own
   * weights are. A prediction whose top probability is below {@code rejectBelow} becomes {@code
   * rejectLabel} (none when it is empty).
   */
  public static TextModel linear(
      String encoder, List<String> labels, double scale, double[][] weights, double[] bias, String rejectLabel,
      double rejectBelow, ModelInfo info) {
    int d = weights.length == 0 ? 0 : weights[0].length;
    double[] scales = new double[d];
    java.util.Arrays.fill(scales, scale);
    return new TextModel(encoder, labels, new LogisticHead(new double[d], scales, weights, bias), rejectLabel, rejectBelow, info);
  }

  /**
   * The prediction for one embedding (made by {@link #encoder}); refused when the head also reads
   * the text's n-grams (see {@link #predict(float[], String)}).
   */
  public Prediction predict(float[] embedding) {
    if (head.readsText()) {
      throw new IllegalStateException("this model also reads the text's n-grams; predict with the text");
    }
    return predict(embedding, null);
  }

  /** The prediction for one embedding (made by {@link #encoder}) of {@code text}. */
  public Prediction predict(float[] embedding, String text) {
    double[] p = head.probabilities(embedding, text);
    List<Prediction.Scored> ranked = new ArrayList<>();
    for (int c = 0; c < p.length; c++) {
      ranked.add(new Prediction.Scored(labels.get(c), p[c]));
    }
    ranked.sort(Comparator.comparingDouble(Prediction.Scored::probability).reversed());
    Prediction.Scored best = ranked.get(0);
    String label =
        !rejectLabel.isEmpty() && best.probability() < rejectBelow ? rejectLabel : best.label();
    return new Prediction(label, best.probability(), ranked.subList(0, Math.min(3, ranked.size())));
  }

  /** Index into {@link #labels} of the prediction for each embedding and its text. */
  int[] predictIndices(float[][] embeddings, List<String> texts) {
    int[] out = new int[embeddings.length];
    for (int i = 0; i < embeddings.length; i++) {
      out[i] = labels.indexOf(predict(embeddings[i], texts.get(i)).label());
    }
    return out;
  }

  /** Embeds {@code text} with {@code encoder} (which must be the model's) and predicts. */
  public Prediction classify(Encoder encoder, String text) {
    if (!encoder.name().equals(this.encoder)) {
      throw new IllegalArgumentException(
          "model was trained on encoder " + this.encoder + ", not " + encoder.name());
    }
    return predict(encoder.embed(text), text);
  }
}
