package dev.autonomy.tune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuned (or being fine-tuned) encoder with its linear classification head: logits = (x *
 * sqrt(hidden)) W + b on the pooled, L2-normalised vector x. The factor sqrt(hidden) gives the
 * head inputs of about unit size, as the frozen path's standardised embeddings are. Owns its
 * arrays; close it.
 */
final class TunedClassifier implements AutoCloseable {
  static final int EVAL_BATCH = 32;

  private final Transformer encoder;
  private final Tokens tokens;
  private final TuneSettings.Method method;
  private final Map<String, NDArray> head = new LinkedHashMap<>();

  TunedClassifier(Transformer encoder, Tokens tokens, TuneSettings.Method method, NDArray w, NDArray b) {
    this.encoder = encoder;
    this.tokens = tokens;
    this.method = method;
    head.put("head.w", w);
    head.put("head.b", b);
  }

  /** The backbone's pretrained weights, adapters for LoRA, and a zero head. */
  static TunedClassifier start(Backbone backbone, TuneSettings s, int classes) {
    Transformer t = backbone.weights().get();
    t.usePooling(s.pooling());
    if (s.method() == TuneSettings.Method.LORA) {
      t.addLora(s.loraRank(), (float) s.loraAlpha(), s.seed());
    }
    int h = t.config().hidden();
    NDManager m = t.manager();
    return new TunedClassifier(
        t, new Tokens(backbone.tokenizerJson(), s.maxLength()), s.method(),
        m.zeros(new Shape(h, classes)), m.zeros(new Shape(classes)));
  }

  NDManager manager() {
    return encoder.manager();
  }

  Tokens tokens() {
    return tokens;
  }

  Transformer encoder() {
    return encoder;
  }

  TuneSettings.Method method() {
    return method;
  }

  int classes() {
    return (int) head.get("head.b").getShape().get(0);
  }

  /** The encoder weights that train: all of them (full) or the adapters (LoRA). */
  Map<String, NDArray> trainableEncoderWeights() {
    return method == TuneSettings.Method.FULL ? encoder.baseWeights() : encoder.loraWeights();
  }

  Map<String, NDArray> headWeights() {
    return head;
  }

  /** The weights a saved file must carry: what trained (the rest is the base model's). */
  Map<String, NDArray> savedWeights() {
    Map<String, NDArray> out = new LinkedHashMap<>(trainableEncoderWeights());
    out.putAll(head);
    return out;
  }

  double inputScale() {
    return Math.sqrt(encoder.config().hidden());
  }

  NDArray logits(NDArray ids, NDArray mask) {
    return logits(ids, mask, 0f);
  }

  /** Logits for a training pass: dropout in the encoder and on the pooled vector (0: none). */
  NDArray logits(NDArray ids, NDArray mask, float dropout) {
    NDArray x = Transformer.drop(encoder.embed(ids, mask, dropout), dropout);
    return x.mul((float) inputScale()).matMul(head.get("head.w")).add(head.get("head.b"));
  }

  /** The pooled, normalised vectors of texts, in batches. */
  float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    int h = encoder.config().hidden();
    for (int from = 0; from < texts.size(); from += EVAL_BATCH) {
      int to = Math.min(texts.size(), from + EVAL_BATCH);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDList batch = tokens.batch(manager(), texts.subList(from, to));
        float[] flat = encoder.embed(batch.get(0), batch.get(1)).toFloatArray();
        for (int i = from; i < to; i++) {
          out[i] = new float[h];
          System.arraycopy(flat, (i - from) * h, out[i], 0, h);
        }
      }
    }
    return out;
  }

  /** Head weights as a matrix classes x hidden and a bias, for a text model's linear head. */
  double[][] headMatrix() {
    float[] w = head.get("head.w").toFloatArray();
    int h = encoder.config().hidden();
    int c = classes();
    double[][] out = new double[c][h];
    for (int j = 0; j < h; j++) {
      for (int k = 0; k < c; k++) {
        out[k][j] = w[j * c + k];
      }
    }
    return out;
  }

  double[] headBias() {
    float[] b = head.get("head.b").toFloatArray();
    double[] out = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i];
    }
    return out;
  }

  /** Class probabilities (softmax of the logits) of each text, in batches. */
  double[][] probabilities(List<String> texts) {
    double[][] out = new double[texts.size()][];
    int c = classes();
    for (int from = 0; from < texts.size(); from += EVAL_BATCH) {
      int to = Math.min(texts.size(), from + EVAL_BATCH);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDList batch = tokens.batch(manager(), texts.subList(from, to));
        float[] flat = logits(batch.get(0), batch.get(1)).softmax(-1).toFloatArray();
        for (int i = from; i < to; i++) {
          out[i] = new double[c];
          for (int k = 0; k < c; k++) {
            out[i][k] = flat[(i - from) * c + k];
          }
        }
      }
    }
    return out;
  }

  /** Whether every weight that trains is a finite number. */
  boolean finite() {
    for (NDArray a : savedWeights().values()) {
      try (NDArray bad = a.isNaN().logicalOr(a.isInfinite()).any()) {
        if (bad.getBoolean()) {
          return false;
        }
      }
    }
    return true;
  }

  /** A copy of the weights that train (to keep the best epoch's). */
  Map<String, float[]> snapshot() {
    Map<String, float[]> out = new LinkedHashMap<>();
    savedWeights().forEach((k, v) -> out.put(k, v.toFloatArray()));
    return out;
  }

  void restore(Map<String, float[]> snapshot) {
    if (snapshot == null) {
      return;
    }
    // New arrays rather than writing into the old ones: PyTorch weights that took part in autograd
    // are not reliably overwritten in place.
    for (Map.Entry<String, NDArray> e : savedWeights().entrySet()) {
      String k = e.getKey();
      NDArray fresh = manager().create(snapshot.get(k), e.getValue().getShape());
      if (head.containsKey(k)) {
        head.put(k, fresh).close();
      } else {
        encoder.load(k, fresh);
        fresh.close();
      }
    }
  }

  @Override
  public void close() {
    tokens.close();
    encoder.close();
  }
}
