package dev.autonomy.tune;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.text.encode.Encoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The base model's own tokenizer (DJL's HuggingFace tokenizers, the library langchain4j runs too),
 * turning a batch of texts into padded token ids and an attention mask. Longer texts keep their
 * first {@code maxLength - 1} tokens and the closing separator.
 */
final class Tokens implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final int maxLength;

  Tokens(byte[] tokenizerJson, int maxLength) {
    if (maxLength < 8) {
      throw new IllegalArgumentException("max length must be at least 8 tokens, was " + maxLength);
    }
    // Offline before the tokenizer library looks for its native part; libtorch itself is not needed
    // here, so a model served by ONNX Runtime never loads it.
    TorchRuntime.offline();
    try {
      // Padding and truncation are ours (per batch, to the longest text), not the file's fixed 128.
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              new ByteArrayInputStream(tokenizerJson), Map.of("padding", "false", "truncation", "false"));
    } catch (IOException e) {
      throw new AutonomyFailure("cannot open the tokenizer", e);
    }
    this.maxLength = maxLength;
  }

  int maxLength() {
    return maxLength;
  }

  /** Token ids (int64, batch x length) and mask (float32, 1 for tokens, 0 for padding). */
  NDList batch(NDManager manager, List<String> texts) {
    long[][] rows = new long[texts.size()][];
    int longest = 1;
    for (int i = 0; i < rows.length; i++) {
      rows[i] = ids(texts.get(i));
      longest = Math.max(longest, rows[i].length);
    }
    long[] ids = new long[rows.length * longest];
    float[] mask = new float[rows.length * longest];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        ids[i * longest + j] = rows[i][j];
        mask[i * longest + j] = 1f;
      }
    }
    Shape shape = new Shape(rows.length, longest);
    NDArray idArray = manager.create(ids, shape);
    NDArray maskArray = manager.create(mask, shape);
    return new NDList(idArray, maskArray);
  }

  long[] ids(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is empty; the encoder needs at least one visible character");
    }
    String cut = text.length() > Encoder.MAX_CHARS ? text.substring(0, Encoder.MAX_CHARS) : text;
    Encoding e = tokenizer.encode(cut, true, false);
    long[] ids = e.getIds();
    if (ids.length <= maxLength) {
      return ids;
    }
    long[] out = new long[maxLength];
    System.arraycopy(ids, 0, out, 0, maxLength - 1);
    out[maxLength - 1] = ids[ids.length - 1];
    return out;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
