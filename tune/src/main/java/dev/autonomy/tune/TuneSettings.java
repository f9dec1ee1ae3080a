package dev.autonomy.tune;

import dev.autonomy.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hyper-parameters of one fine-tuning run.
 *
 * @param method full (every weight trains) or lora (only low-rank adapters and the head train)
 * @param epochs most epochs; early stopping may keep an earlier one
 * @param learningRate peak AdamW step for the encoder's weights (or adapters)
 * @param headLearningRate peak step for the new classification head, which starts from zero and so
 *     needs a larger step than the pretrained weights
 * @param batch examples per step
 * @param maxLength tokens per text (longer texts are cut)
 * @param loraRank adapter rank r (LoRA only)
 * @param loraAlpha adapter scale alpha; the update is (alpha / r) x A B (LoRA only)
 * @param warmup fraction of the steps over which the step size rises from 0, then falls linearly to 0
 * @param clipNorm gradients are scaled down to this global L2 norm when above it
 * @param weightDecay AdamW's decoupled weight decay
 * @param dropout share of activations zeroed while training (BERT's places: after the embeddings,
 *     on the attention probabilities, on each block's output before its residual, and on the pooled
 *     vector before the head); none at inference
 * @param pooling how token vectors become the sentence vector the head reads
 * @param patience epochs without a better dev macro-F1 before stopping
 * @param seed the split, the shuffling and the adapters' initial weights
 */
public record TuneSettings(
    Method method,
    int epochs,
    double learningRate,
    double headLearningRate,
    int batch,
    int maxLength,
    int loraRank,
    double loraAlpha,
    double warmup,
    double clipNorm,
    double weightDecay,
    double dropout,
    Pooling pooling,
    int patience,
    long seed) {

  /** What trains. */
  public enum Method {
    FULL,
    LORA;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Method fromCode(String code) {
      for (Method m : values()) {
        if (m.code().equals(code)) {
          return m;
        }
      }
      throw new InvalidInputException("unknown fine-tuning method '" + code + "'; expected full or lora");
    }
  }

  public TuneSettings {
    if (method == null) {
      throw new InvalidInputException("fine-tuning method is missing; expected full or lora");
    }
    check(epochs >= 1, "epochs", "at least 1", epochs);
    check(learningRate > 0 && learningRate < 1, "learning rate", "in (0, 1)", learningRate);
    check(headLearningRate > 0 && headLearningRate < 1, "head learning rate", "in (0, 1)", headLearningRate);
    check(batch >= 1 && batch <= 1024, "batch", "1 to 1024", batch);
    check(maxLength >= 8 && maxLength <= 512, "max length", "8 to 512 tokens", maxLength);
    check(loraRank >= 1 && loraRank <= 256, "lora rank", "1 to 256", loraRank);
    check(loraAlpha > 0, "lora alpha", "above 0", loraAlpha);
    check(warmup >= 0 && warmup < 1, "warm-up", "in [0, 1)", warmup);
    check(clipNorm > 0, "clip norm", "above 0", clipNorm);
    check(weightDecay >= 0 && weightDecay < 1, "weight decay", "in [0, 1)", weightDecay);
    check(dropout >= 0 && dropout < 1, "dropout", "in [0, 1)", dropout);
    if (pooling == null) {
      throw new InvalidInputException("pooling is missing; expected mean or cls");
    }
    check(patience >= 1, "patience", "at least 1", patience);
  }

  private static void check(boolean ok, String field, String rule, Object value) {
    if (!ok) {
      throw new InvalidInputException(field + " must be " + rule + ", was " + value);
    }
  }

  /**
   * Defaults: full fine-tuning at 2e-5 (BERT's usual step), LoRA at 1e-3 with rank 8 and alpha 16
   * (adapters start at zero and need a larger step); 3 epochs, batch 16, 128 tokens, 10% warm-up,
   * clipping at norm 1, weight decay 0.01, no dropout (BERT's 0.1 measured no better on
   * PhraseBank: docs/benchmarks.md), mean pooling, patience 2, head at 1e-3.
   */
  public static TuneSettings defaults(Method method) {
    double lr = method == Method.FULL ? 2e-5 : 1e-3;
    return new TuneSettings(method, 3, lr, 1e-3, 16, 128, 8, 16, 0.1, 1.0, 0.01, 0.0, Pooling.MEAN, 2, 42);
  }

  public TuneSettings withEpochs(int n) {
    return new TuneSettings(method, n, learningRate, headLearningRate, batch, maxLength, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, dropout, pooling, patience, seed);
  }

  public TuneSettings withLearningRate(double lr) {
    return new TuneSettings(method, epochs, lr, headLearningRate, batch, maxLength, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, dropout, pooling, patience, seed);
  }

  public TuneSettings withHeadLearningRate(double lr) {
    return new TuneSettings(method, epochs, learningRate, lr, batch, maxLength, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, dropout, pooling, patience, seed);
  }

  public TuneSettings withBatch(int b) {
    return new TuneSettings(method, epochs, learningRate, headLearningRate, b, maxLength, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, dropout, pooling, patience, seed);
  }

  public TuneSettings withMaxLength(int l) {
    return new TuneSettings(method, epochs, learningRate, headLearningRate, batch, l, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, dropout, pooling, patience, seed);
  }

  public TuneSettings withLora(int rank, double alpha) {
    return new TuneSettings(method, epochs, learningRate, headLearningRate, batch, maxLength, rank, alpha, warmup,
        clipNorm, weightDecay, dropout, pooling, patience, seed);
  }

  public TuneSettings withSeed(long s) {
    return new TuneSettings(method, epochs, learningRate, headLearningRate, batch, maxLength, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, dropout, pooling, patience, s);
  }

  public TuneSettings withWarmup(double w) {
    return new TuneSettings(method, epochs, learningRate, headLearningRate, batch, maxLength, loraRank, loraAlpha, w,
        clipNorm, weightDecay, dropout, pooling, patience, seed);
  }

  public TuneSettings withDropout(double d) {
    return new TuneSettings(method, epochs, learningRate, headLearningRate, batch, maxLength, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, d, pooling, patience, seed);
  }

  public TuneSettings withPooling(Pooling p) {
    return new TuneSettings(method, epochs, learningRate, headLearningRate, batch, maxLength, loraRank, loraAlpha, warmup,
        clipNorm, weightDecay, dropout, p, patience, seed);
  }

  /** The step size after {@code step} of {@code total} steps: linear warm-up, then linear decay to 0. */
  static double schedule(double peak, int step, int total, double warmup) {
    int warm = (int) Math.ceil(warmup * total);
    if (step < warm) {
      return peak * (step + 1) / warm;
    }
    return peak * Math.max(0, total - step) / Math.max(1, total - warm);
  }

  /** For provenance. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", method.code());
    m.put("epochs", epochs);
    m.put("learning_rate", learningRate);
    m.put("head_learning_rate", headLearningRate);
    m.put("batch", batch);
    m.put("max_length", maxLength);
    if (method == Method.LORA) {
      m.put("lora_rank", loraRank);
      m.put("lora_alpha", loraAlpha);
      m.put("lora_targets", Transformer.LORA_TARGETS);
    }
    m.put("warmup", warmup);
    m.put("clip_norm", clipNorm);
    m.put("weight_decay", weightDecay);
    m.put("dropout", dropout);
    m.put("pooling", pooling.code());
    m.put("patience", patience);
    m.put("seed", seed);
    return m;
  }
}
