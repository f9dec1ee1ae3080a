package dev.autonomy.text.encode;

import dev.autonomy.core.InvalidInputException;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of built-in encoders and a pool that opens each one at most once. The pool owns
 * the encoders it hands out: close the pool, not them.
 *
 * <pre>{@code
 * try (Encoders encoders = Encoders.open()) {
 *   Encoder en = encoders.get("all-minilm-l6-v2-q");
 *   Encoder zh = encoders.forLanguage(Language.ZH);
 * }
 * }</pre>
 */
public final class Encoders implements AutoCloseable {
  /** English: sentence-transformers all-MiniLM-L6-v2, INT8, 384 dimensions. */
  public static final String MINILM = "all-minilm-l6-v2-q";
  /** Chinese: BAAI bge-small-zh-v1.5, INT8, 512 dimensions. */
  public static final String BGE_ZH = "bge-small-zh-v15-q";
  /** English, stronger on sentiment and finance: BAAI bge-small-en-v1.5, INT8, 384 dimensions. */
  public static final String BGE_EN = "bge-small-en-v15-q";
  /** Pick by language, detected from the data. */
  public static final String AUTO = "auto";

  private static final Map<String, Supplier<Encoder>> REGISTRY = new LinkedHashMap<>();

  static {
    REGISTRY.put(MINILM, () -> new OnnxEncoder(MINILM, 384, "all-minilm-l6-v2-q.onnx",
        "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN));
    REGISTRY.put(BGE_ZH, () -> new OnnxEncoder(BGE_ZH, 512, "bge-small-zh-v1.5-q.onnx",
        "bge-small-zh-v1.5-q-tokenizer.json", PoolingMode.CLS));
    REGISTRY.put(BGE_EN, () -> new OnnxEncoder(BGE_EN, 384, "bge-small-en-v1.5-q.onnx",
        "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS));
  }

  private final Map<String, Encoder> open = new LinkedHashMap<>();
  private final Map<String, Supplier<Encoder>> registry;

  private Encoders(Map<String, Supplier<Encoder>> registry) {
    this.registry = registry;
  }

  /** A pool over the built-in encoders. */
  public static Encoders open() {
    return new Encoders(REGISTRY);
  }

  /** A pool over given encoders (tests use small fakes). */
  public static Encoders of(Encoder... encoders) {
    Map<String, Supplier<Encoder>> registry = new LinkedHashMap<>();
    for (Encoder e : encoders) {
      registry.put(e.name(), () -> e);
    }
    return new Encoders(registry);
  }

  /** The names {@link #get} accepts. */
  public List<String> names() {
    return List.copyOf(registry.keySet());
  }

  /** The encoder of that name, opened on first use. */
  public synchronized Encoder get(String name) {
    Supplier<Encoder> make = registry.get(name);
    if (make == null) {
      throw new InvalidInputException(
          "unknown encoder '" + name + "'; expected one of " + names() + " or " + AUTO);
    }
    return open.computeIfAbsent(name, n -> make.get());
  }

  /** The encoder for a language: bge-small-zh for Chinese, MiniLM for English. */
  public Encoder forLanguage(Language language) {
    String name = language == Language.ZH ? BGE_ZH : MINILM;
    return registry.containsKey(name) ? get(name) : get(names().get(0));
  }

  /**
   * The encoders worth trying for {@code texts}: the one named, or for {@link #AUTO} those for the
   * texts' language: bge-small-zh for Chinese; MiniLM and bge-small-en for English, whose
   * strengths differ by task (MiniLM is twice as fast, bge-small-en reads tone better), fastest
   * first, so a trainer can keep the one that does better on its dev split (TextTrainer judges them
   * on a sample and keeps the first on a tie).
   */
  public List<Encoder> candidates(String name, Iterable<String> texts) {
    if (name != null && !name.equals(AUTO)) {
      return List.of(get(name));
    }
    Language language = Language.detectAll(texts);
    if (language == Language.EN && registry.containsKey(MINILM) && registry.containsKey(BGE_EN)) {
      return List.of(get(MINILM), get(BGE_EN));
    }
    return List.of(forLanguage(language));
  }

  /** The encoder named, or for {@link #AUTO} the one for the language of {@code texts}. */
  Encoder choose(String name, Iterable<String> texts) {
    if (name == null || name.equals(AUTO)) {
      return forLanguage(Language.detectAll(texts));
    }
    return get(name);
  }

  @Override
  public synchronized void close() {
    for (Encoder e : open.values()) {
      e.close();
    }
    open.clear();
  }
}
