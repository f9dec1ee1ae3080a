package dev.autonomy.text.encode;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A quantised BERT-style model run in-process by ONNX Runtime through langchain4j; the weights and
 * tokenizer ship inside the langchain4j jar. The model is loaded on first use, once.
 */
final class OnnxEncoder implements Encoder {
  private final String name;
  private final int dimension;
  private final Function<java.util.concurrent.Executor, EmbeddingModel> factory;
  private ExecutorService pool;
  private EmbeddingModel model;
  private boolean closed;

  OnnxEncoder(
      String name, int dimension, Function<java.util.concurrent.Executor, EmbeddingModel> factory) {
    this.name = name;
    this.dimension = dimension;
    this.factory = factory;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  private synchronized EmbeddingModel model() {
    if (closed) {
      throw new IllegalStateException("encoder " + name + " is closed");
    }
    if (model == null) {
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "encoder-" + name);
                t.setDaemon(true);
                return t;
              });
      model = factory.apply(pool);
    }
    return model;
  }

  @Override
  public float[] embed(String text) {
    return check(model().embed(prepare(text, 0)).content().vector());
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      segments.add(TextSegment.from(prepare(texts.get(i), i)));
    }
    List<Embedding> embeddings = model().embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(check(e.vector()));
    }
    return out;
  }

  private float[] check(float[] vector) {
    if (vector.length != dimension) {
      throw new IllegalStateException(
          "encoder " + name + " returned " + vector.length + " dimensions, expected " + dimension);
    }
    return vector;
  }

  /** Rejects blank text and cuts long text to {@link Encoder#MAX_CHARS} characters. */
  static String prepare(String text, int index) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "text " + (index + 1) + " is empty; the encoder needs at least one visible character");
    }
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  @Override
  public synchronized void close() {
    closed = true;
    model = null;
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
  }

  @Override
  public String toString() {
    return "Encoder[" + name + ", " + dimension + "d]";
  }
}
