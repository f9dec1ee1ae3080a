package dev.autonomy.text.encode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A quantised BERT-style model run in-process by ONNX Runtime through langchain4j; the weights and
 * tokenizer ship inside the langchain4j jar. The model is loaded on first use, once.
 *
 * <p>Sentences are encoded one per call, on one thread per core, and each call runs on its own
 * thread only (ONNX Runtime's intra-op threads set to 1, without spin-waiting). langchain4j's own
 * model classes open their session with ONNX Runtime's defaults instead: a pool of spinning
 * threads per call, so two calls at once keep four threads busy on two cores. With one thread per
 * call the vectors are the same and CLINC150 encodes about 1.5 times faster on 2 cores
 * (docs/benchmarks.md, "Training time of the frozen-encoder path").
 */
final class OnnxEncoder implements Encoder {
  private final String name;
  private final int dimension;
  private final String modelResource;
  private final String tokenizerResource;
  private final PoolingMode pooling;
  private ExecutorService pool;
  private OrtSession session;
  private EmbeddingModel model;
  private boolean closed;

  /**
   * @param modelResource the ONNX file's name on the class path (inside its langchain4j jar)
   * @param tokenizerResource the tokenizer's JSON file's name beside it
   * @param pooling how the model's token vectors become one (as its langchain4j class does)
   */
  OnnxEncoder(String name, int dimension, String modelResource, String tokenizerResource, PoolingMode pooling) {
    this.name = name;
    this.dimension = dimension;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.pooling = pooling;
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
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
          InputStream tokenizer = resource(tokenizerResource)) {
        options.setIntraOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        byte[] weights;
        try (InputStream in = resource(modelResource)) {
          weights = in.readAllBytes();
        }
        session = env.createSession(weights, options);
        OnnxBertBiEncoder bert = new OnnxBertBiEncoder(env, session, tokenizer, pooling);
        model = new Model(pool, bert);
      } catch (OrtException e) {
        throw new IllegalStateException("encoder " + name + ": ONNX Runtime cannot open " + modelResource, e);
      } catch (IOException e) {
        throw new UncheckedIOException("encoder " + name + ": cannot read " + modelResource, e);
      }
    }
    return model;
  }

  private InputStream resource(String file) {
    InputStream in = OnnxEncoder.class.getClassLoader().getResourceAsStream(file);
    if (in == null) {
      throw new IllegalStateException("encoder " + name + ": " + file + " is not on the class path; its langchain4j"
          + " embeddings jar is missing from the build");
    }
    return in;
  }

  /** langchain4j's batching and threading over our own session. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder bert;

    Model(ExecutorService pool, OnnxBertBiEncoder bert) {
      super(pool);
      this.bert = bert;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return bert;
    }
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
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException("encoder " + name + ": ONNX Runtime could not close its session", e);
      } finally {
        session = null;
      }
    }
  }

  @Override
  public String toString() {
    return "Encoder[" + name + ", " + dimension + "d]";
  }
}
