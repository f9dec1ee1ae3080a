package dev.autonomy.tune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import dev.autonomy.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A BERT encoder written with DJL array operations, so PyTorch's autograd differentiates it:
 * embeddings + LayerNorm, layers of multi-head self-attention and a GELU (erf) feed-forward block
 * each followed by a residual LayerNorm, then pooling (the mean over the real tokens, as
 * sentence-transformers' all-MiniLM does, or the [CLS] token's vector, as BGE does) and L2
 * normalisation. Dropout (BERT's places) applies only
 * when a training pass asks for it; inference is deterministic.
 *
 * <p>Weights are stored as {@code x W} matrices ({@code in x out}), the ONNX export's layout.
 * Optional LoRA adapters add {@code (alpha / r) x A B} to the query and value projections: A ({@code
 * in x r}) random, B ({@code r x out}) zero, so a fresh adapter changes nothing.
 *
 * <p>Mutable: the trainer updates the arrays in place. Not thread-safe.
 */
final class Transformer implements AutoCloseable {
  /** Projections LoRA adapts. */
  static final List<String> LORA_TARGETS = List.of("q", "v");

  private final BertConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> base = new LinkedHashMap<>();
  private final Map<String, NDArray> lora = new LinkedHashMap<>();
  private int loraRank;
  private float loraScale;
  private Pooling pooling = Pooling.MEAN;

  private Transformer(BertConfig config, NDManager manager) {
    this.config = config;
    this.manager = manager;
  }

  BertConfig config() {
    return config;
  }

  NDManager manager() {
    return manager;
  }

  /** The pretrained weights of an ONNX export of a BERT encoder (HuggingFace names). */
  static Transformer fromOnnx(BertConfig c, Map<String, OnnxInitializers.Tensor> t, String source) {
    Transformer m = new Transformer(c, TorchRuntime.newManager());
    int h = c.hidden();
    int f = c.intermediate();
    for (Map.Entry<String, String> e : onnxNames(c, t, source).entrySet()) {
      String n = e.getKey();
      float[] values = t.get(e.getValue()).values();
      if (n.equals("word")) {
        m.put(n, values, c.vocab(), h);
      } else if (n.equals("pos")) {
        m.put(n, values, c.positions(), h);
      } else if (n.equals("type")) {
        m.put(n, values, -1, h);
      } else if (n.endsWith("f1.w")) {
        m.put(n, values, h, f);
      } else if (n.endsWith("f2.w")) {
        m.put(n, values, f, h);
      } else if (n.endsWith(".w")) {
        m.put(n, values, h, h);
      } else {
        m.put(n, values, n.endsWith("f1.b") ? f : h);
      }
    }
    return m;
  }

  /**
   * Which ONNX initializer holds each weight of this encoder, by this encoder's names, in the order
   * {@link #baseWeights} keeps them; both directions of the ONNX form (loading and {@link
   * OnnxExport}) go through this one map, and the layouts are the same (no transposes).
   */
  static Map<String, String> onnxNames(BertConfig c, Map<String, OnnxInitializers.Tensor> t, String source) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("word", need(t, "embeddings.word_embeddings.weight", source));
    out.put("pos", need(t, "embeddings.position_embeddings.weight", source));
    out.put("type", need(t, "embeddings.token_type_embeddings.weight", source));
    out.put("emb.ln.g", need(t, "embeddings.LayerNorm.weight", source));
    out.put("emb.ln.b", need(t, "embeddings.LayerNorm.bias", source));
    // The exporter names the projection matrices only by number ("onnx::MatMul_787"); they come
    // layer by layer in the order query, key, value, attention output, intermediate, output. The
    // shapes are checked when loading and the whole mapping by the test against ONNX Runtime's
    // embeddings.
    List<String> matrices = new ArrayList<>();
    for (OnnxInitializers.Tensor x : t.values()) {
      if (x.name().startsWith("onnx::MatMul")) {
        matrices.add(x.name());
      }
    }
    if (matrices.size() != 6 * c.layers()) {
      throw new InvalidInputException(
          source + ": expected " + 6 * c.layers() + " unnamed projection matrices, found " + matrices.size());
    }
    for (int l = 0; l < c.layers(); l++) {
      String p = "encoder.layer." + l + ".";
      String n = "l" + l + ".";
      int k = 6 * l;
      out.put(n + "q.w", matrices.get(k));
      out.put(n + "q.b", need(t, p + "attention.self.query.bias", source));
      out.put(n + "k.w", matrices.get(k + 1));
      out.put(n + "k.b", need(t, p + "attention.self.key.bias", source));
      out.put(n + "v.w", matrices.get(k + 2));
      out.put(n + "v.b", need(t, p + "attention.self.value.bias", source));
      out.put(n + "o.w", matrices.get(k + 3));
      out.put(n + "o.b", need(t, p + "attention.output.dense.bias", source));
      out.put(n + "ln1.g", need(t, p + "attention.output.LayerNorm.weight", source));
      out.put(n + "ln1.b", need(t, p + "attention.output.LayerNorm.bias", source));
      out.put(n + "f1.w", matrices.get(k + 4));
      out.put(n + "f1.b", need(t, p + "intermediate.dense.bias", source));
      out.put(n + "f2.w", matrices.get(k + 5));
      out.put(n + "f2.b", need(t, p + "output.dense.bias", source));
      out.put(n + "ln2.g", need(t, p + "output.LayerNorm.weight", source));
      out.put(n + "ln2.b", need(t, p + "output.LayerNorm.bias", source));
    }
    return out;
  }

  /** A randomly initialised encoder (tests build tiny ones). */
  static Transformer random(BertConfig c, long seed) {
    Transformer m = new Transformer(c, TorchRuntime.newManager());
    SplittableRandom rnd = new SplittableRandom(seed);
    int h = c.hidden();
    int f = c.intermediate();
    m.put("word", gaussian(rnd, c.vocab() * h, 0.02), c.vocab(), h);
    m.put("pos", gaussian(rnd, c.positions() * h, 0.02), c.positions(), h);
    m.put("type", gaussian(rnd, 2 * h, 0.02), 2, h);
    m.put("emb.ln.g", filled(h, 1f), h);
    m.put("emb.ln.b", filled(h, 0f), h);
    for (int l = 0; l < c.layers(); l++) {
      String n = "l" + l + ".";
      for (String p : List.of("q", "k", "v", "o")) {
        m.put(n + p + ".w", gaussian(rnd, h * h, 0.02), h, h);
        m.put(n + p + ".b", filled(h, 0f), h);
      }
      m.put(n + "ln1.g", filled(h, 1f), h);
      m.put(n + "ln1.b", filled(h, 0f), h);
      m.put(n + "f1.w", gaussian(rnd, h * f, 0.02), h, f);
      m.put(n + "f1.b", filled(f, 0f), f);
      m.put(n + "f2.w", gaussian(rnd, f * h, 0.02), f, h);
      m.put(n + "f2.b", filled(h, 0f), h);
      m.put(n + "ln2.g", filled(h, 1f), h);
      m.put(n + "ln2.b", filled(h, 0f), h);
    }
    return m;
  }

  /** Adds fresh LoRA adapters of rank r to the query and value projections of every layer. */
  void addLora(int rank, float alpha, long seed) {
    if (!lora.isEmpty()) {
      throw new IllegalStateException("this encoder already has LoRA adapters");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int h = config.hidden();
    for (int l = 0; l < config.layers(); l++) {
      for (String p : LORA_TARGETS) {
        String n = "l" + l + "." + p;
        lora.put(n + ".A", array(gaussian(rnd, h * rank, 1 / Math.sqrt(h)), h, rank));
        lora.put(n + ".B", array(filled(rank * h, 0f), rank, h));
      }
    }
    setLora(rank, alpha);
  }

  /** Sets the adapters' rank and alpha (after their arrays were put with {@link #putLora}). */
  void setLora(int rank, float alpha) {
    this.loraRank = rank;
    this.loraScale = alpha / rank;
  }

  /** How {@link #embed} pools; the mean until told otherwise. */
  void usePooling(Pooling p) {
    this.pooling = java.util.Objects.requireNonNull(p, "pooling");
  }

  Pooling pooling() {
    return pooling;
  }

  int loraRank() {
    return loraRank;
  }

  /** The base weights by name, in a fixed order. */
  Map<String, NDArray> baseWeights() {
    return base;
  }

  /** The LoRA weights by name (empty without adapters). */
  Map<String, NDArray> loraWeights() {
    return lora;
  }

  /**
   * Every base weight as it acts at inference, row-major: LoRA's {@code (alpha / r) x A B} added
   * into the query and value matrices it adapts (same {@code in x out} layout as {@link #project}
   * applies it), so an encoder without adapters computes what this one does.
   */
  Map<String, float[]> mergedWeights() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : base.entrySet()) {
      String n = e.getKey();
      NDArray a = n.endsWith(".w") ? lora.get(n.substring(0, n.length() - 2) + ".A") : null;
      if (a == null) {
        out.put(n, e.getValue().toFloatArray());
      } else {
        try (NDArray delta = a.matMul(lora.get(n.substring(0, n.length() - 2) + ".B")).mul(loraScale);
            NDArray merged = e.getValue().add(delta)) {
          out.put(n, merged.toFloatArray());
        }
      }
    }
    return out;
  }

  /** Replaces a weight by a saved one of the same shape. */
  void load(String name, NDArray saved) {
    Map<String, NDArray> into = base.containsKey(name) ? base : lora;
    NDArray old = into.get(name);
    if (old == null || !old.getShape().equals(saved.getShape())) {
      throw new InvalidInputException(
          "saved weight '" + name + "' " + saved.getShape() + " does not fit this encoder ("
              + (old == null ? "no such weight" : old.getShape()) + ")");
    }
    NDArray copy = ownCopy(saved);
    old.close();
    into.put(name, copy);
  }

  /** Adds a saved LoRA weight (A or B) whose shape defines the rank. */
  void putLora(String name, NDArray saved) {
    lora.put(name, ownCopy(saved));
  }

  /**
   * A copy with storage of its own. DJL's arrays made from Java data wrap a direct buffer that
   * lives only as long as their Java object, and {@code toType} to the same type shares it: an
   * array kept after its source is closed must be a real copy, or it reads freed memory later.
   */
  private NDArray ownCopy(NDArray saved) {
    NDArray typed = saved.getDataType() == DataType.FLOAT32 ? saved : saved.toType(DataType.FLOAT32, true);
    NDArray copy = typed.duplicate();
    copy.attach(manager);
    if (typed != saved) {
      typed.close();
    }
    return copy;
  }

  /**
   * Pooled, L2-normalised sentence vectors (batch x hidden) of token ids (batch x length,
   * int64) under a mask (batch x length, 1 for a token, 0 for padding).
   */
  NDArray embed(NDArray ids, NDArray mask) {
    return embed(ids, mask, 0f);
  }

  /**
   * As {@link #embed(NDArray, NDArray)}, for a training pass: with {@code dropout} above 0 that
   * share of the activations is zeroed (the rest scaled up to keep their expectation) after the
   * embeddings, on the attention probabilities and on each block's output before its residual,
   * as BERT trains. PyTorch's generator draws the masks, seeded by the trainer.
   */
  NDArray embed(NDArray ids, NDArray mask, float dropout) {
    Shape s = ids.getShape();
    long batch = s.get(0);
    long length = s.get(1);
    if (length > config.positions()) {
      throw new IllegalArgumentException("input of " + length + " tokens is longer than " + config.positions());
    }
    NDArrayEx ex = ids.getNDArrayInternal();
    NDArray x =
        ex.embedding(ids, base.get("word"), SparseFormat.DENSE)
            .singletonOrThrow()
            .add(base.get("pos").get(new NDIndex("0:{}", length)))
            .add(base.get("type").get(0));
    x = drop(norm(x, "emb.ln"), dropout);
    int heads = config.heads();
    long dh = config.hidden() / heads;
    NDArray maskBias = mask.sub(1f).mul(10_000f).reshape(batch, 1, 1, length);
    float scale = (float) (1 / Math.sqrt(dh));
    for (int l = 0; l < config.layers(); l++) {
      String n = "l" + l + ".";
      NDArray q = split(project(x, n + "q"), batch, length, heads, dh);
      NDArray k = split(project(x, n + "k"), batch, length, heads, dh);
      NDArray v = split(project(x, n + "v"), batch, length, heads, dh);
      NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(maskBias).softmax(-1);
      attention = drop(attention, dropout);
      NDArray context =
          attention.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, config.hidden());
      x = norm(drop(project(context, n + "o"), dropout).add(x), n + "ln1");
      NDArray ff = project(Activation.gelu(project(x, n + "f1")), n + "f2");
      x = norm(drop(ff, dropout).add(x), n + "ln2");
    }
    NDArray pooled;
    if (pooling == Pooling.CLS) {
      pooled = x.get(new NDIndex(":, 0, :"));
    } else {
      NDArray m = mask.expandDims(-1);
      pooled = x.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
    }
    NDArray length2 = pooled.pow(2).sum(new int[] {1}, true).sqrt().maximum(1e-12f);
    return pooled.div(length2);
  }

  /** Inverted dropout while training; the array itself when the rate is 0. */
  static NDArray drop(NDArray x, float rate) {
    return rate > 0 ? x.getNDArrayInternal().dropout(x, rate, true).singletonOrThrow() : x;
  }

  private NDArray project(NDArray x, String name) {
    NDArray y = x.matMul(base.get(name + ".w")).add(base.get(name + ".b"));
    NDArray a = lora.get(name + ".A");
    if (a != null) {
      y = y.add(x.matMul(a).matMul(lora.get(name + ".B")).mul(loraScale));
    }
    return y;
  }

  private static NDArray split(NDArray x, long batch, long length, int heads, long dh) {
    return x.reshape(batch, length, heads, dh).transpose(0, 2, 1, 3);
  }

  private NDArray norm(NDArray x, String name) {
    return x.getNDArrayInternal()
        .layerNorm(x, new Shape(config.hidden()), base.get(name + ".g"), base.get(name + ".b"), BertConfig.EPS)
        .singletonOrThrow();
  }

  private void put(String name, float[] values, long... shape) {
    if (shape.length == 2 && shape[0] < 0) {
      shape = new long[] {values.length / shape[1], shape[1]};
    }
    long size = 1;
    for (long d : shape) {
      size *= d;
    }
    if (size != values.length) {
      throw new InvalidInputException(
          "weight '" + name + "' has " + values.length + " values, expected shape " + new Shape(shape));
    }
    base.put(name, array(values, shape));
  }

  private NDArray array(float[] values, long... shape) {
    return manager.create(values, new Shape(shape));
  }

  private static String need(Map<String, OnnxInitializers.Tensor> t, String name, String source) {
    if (!t.containsKey(name)) {
      throw new InvalidInputException(source + ": the ONNX model has no weight '" + name + "'");
    }
    return name;
  }

  private static float[] gaussian(SplittableRandom rnd, int n, double std) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      // Box-Muller from the seeded generator, so the same seed gives the same weights everywhere.
      double u = 1 - rnd.nextDouble();
      double v = rnd.nextDouble();
      out[i] = (float) (std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return out;
  }

  private static float[] filled(int n, float value) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
