package dev.autonomy.tune;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.encode.Encoder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuned encoder exported to ONNX ({@link OnnxExport}) and run by ONNX Runtime: the same
 * tokens as {@link TunedClassifier} (its {@link Tokens}, cut to the same length) and the same
 * pooling (the mean over the real tokens, or the first token's vector), L2-normalised. The model is read from bytes, never from a
 * file, so an encrypted vault's export is only ever clear in memory.
 */
final class OnnxTunedEncoder implements Encoder {
  private static final String IDS = "input_ids";
  private static final String MASK = "attention_mask";
  private static final String TYPES = "token_type_ids";

  private final String name;
  private final int dimension;
  private final Tokens tokens;
  private final Pooling pooling;
  private final OrtEnvironment env;
  private final OrtSession session;
  private boolean closed;

  private OnnxTunedEncoder(
      String name, int dimension, Tokens tokens, Pooling pooling, OrtEnvironment env, OrtSession session) {
    this.name = name;
    this.dimension = dimension;
    this.tokens = tokens;
    this.pooling = pooling;
    this.env = env;
    this.session = session;
  }

  /**
   * Opens the ONNX model {@code onnx} (read from {@code source}) that maps tokens to vectors of
   * {@code dimension}, pooled as {@code pooling}; takes {@code tokens} (closed with this encoder, or
   * here if it fails).
   */
  static OnnxTunedEncoder open(String name, byte[] onnx, String source, int dimension, Tokens tokens, Pooling pooling) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session = null;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      session = env.createSession(onnx, options);
      List<String> inputs = List.copyOf(session.getInputNames());
      if (!session.getInputNames().containsAll(List.of(IDS, MASK)) || session.getOutputNames().isEmpty()) {
        throw new InvalidInputException(
            source + ": not an exported encoder (inputs " + inputs + ", outputs " + session.getOutputNames()
                + "; expected inputs input_ids and attention_mask); retrain with text train --fine-tune");
      }
      OnnxTunedEncoder e = new OnnxTunedEncoder(name, dimension, tokens, pooling, env, session);
      session = null;
      return e;
    } catch (OrtException e) {
      throw new InvalidInputException(
          source + ": ONNX Runtime cannot open the exported encoder (" + e.getMessage()
              + "); retrain with text train --fine-tune");
    } finally {
      if (session != null) {
        closeQuietly(session);
        tokens.close();
      }
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  @Override
  public synchronized List<float[]> embedAll(List<String> texts) {
    if (closed) {
      throw new IllegalStateException("encoder " + name + " is closed");
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += TunedClassifier.EVAL_BATCH) {
      int to = Math.min(texts.size(), from + TunedClassifier.EVAL_BATCH);
      out.addAll(run(texts.subList(from, to)));
    }
    return out;
  }

  private List<float[]> run(List<String> texts) {
    long[][] rows = new long[texts.size()][];
    int longest = 1;
    for (int i = 0; i < rows.length; i++) {
      rows[i] = tokens.ids(texts.get(i));
      longest = Math.max(longest, rows[i].length);
    }
    long[] ids = new long[rows.length * longest];
    long[] mask = new long[rows.length * longest];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, ids, i * longest, rows[i].length);
      for (int j = 0; j < rows[i].length; j++) {
        mask[i * longest + j] = 1;
      }
    }
    long[] shape = {rows.length, longest};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape)) {
      Map<String, OnnxTensor> inputs =
          session.getInputNames().contains(TYPES)
              ? Map.of(IDS, idTensor, MASK, maskTensor, TYPES, typeTensor)
              : Map.of(IDS, idTensor, MASK, maskTensor);
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return pool(hidden, rows, longest);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on encoder " + name + ": " + e.getMessage(), e);
    }
  }

  /** Mean over each text's real tokens (or its first token), then L2 normalisation, as {@link Transformer#embed}. */
  private List<float[]> pool(FloatBuffer hidden, long[][] rows, int longest) {
    if (hidden.remaining() != rows.length * longest * dimension) {
      throw new IllegalStateException(
          "encoder " + name + " returned " + hidden.remaining() + " values, expected " + rows.length + " x " + longest
              + " x " + dimension);
    }
    List<float[]> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      double[] sum = new double[dimension];
      int count = pooling == Pooling.CLS ? 1 : rows[i].length;
      for (int j = 0; j < count; j++) {
        int at = (i * longest + j) * dimension;
        for (int d = 0; d < dimension; d++) {
          sum[d] += hidden.get(at + d);
        }
      }
      double norm = 0;
      for (int d = 0; d < dimension; d++) {
        sum[d] /= count;
        norm += sum[d] * sum[d];
      }
      double length = Math.max(Math.sqrt(norm), 1e-12);
      float[] v = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        v[d] = (float) (sum[d] / length);
      }
      out.add(v);
    }
    return out;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeQuietly(session);
      tokens.close();
    }
  }

  private static void closeQuietly(OrtSession s) {
    try {
      s.close();
    } catch (OrtException e) {
      // Closing frees native memory; a failure there leaves nothing for the caller to do.
    }
  }
}
