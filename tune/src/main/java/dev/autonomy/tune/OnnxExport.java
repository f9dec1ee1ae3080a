package dev.autonomy.tune;

import dev.autonomy.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * A fine-tuned encoder as an ONNX model: a copy of its base model's file with the values of every
 * encoder weight replaced by the fine-tuned ones (LoRA merged in, see {@link
 * Transformer#mergedWeights}); graph, names, shapes and every other byte stay the base's.
 *
 * <p>The values are overwritten where they lie. A weight keeps its shape, so its little-endian
 * float bytes (raw_data, or packed float_data) keep their length and no protobuf length prefix
 * changes: nothing is re-encoded, so nothing the reader here does not know about can be lost.
 */
final class OnnxExport {
  private OnnxExport() {}

  /** The ONNX model of {@code encoder}, whose base model's ONNX file is {@code baseOnnx}. */
  static byte[] of(Transformer encoder, byte[] baseOnnx, String source) {
    Map<String, OnnxInitializers.Tensor> tensors = OnnxInitializers.read(baseOnnx, source);
    Map<String, String> names = Transformer.onnxNames(encoder.config(), tensors, source);
    Map<String, float[]> weights = encoder.mergedWeights();
    byte[] out = baseOnnx.clone();
    for (Map.Entry<String, String> e : names.entrySet()) {
      OnnxInitializers.Tensor t = tensors.get(e.getValue());
      float[] values = weights.get(e.getKey());
      if (values == null || values.length != t.values().length) {
        throw new IllegalStateException(
            "weight '" + e.getKey() + "' has " + (values == null ? "no" : values.length) + " values but ONNX tensor '"
                + t.name() + "' of " + source + " has " + t.values().length);
      }
      if (t.dataOffset() < 0) {
        throw new InvalidInputException(
            source + ": ONNX tensor '" + t.name() + "' stores its values one field each; only raw or packed"
                + " float data can be exported");
      }
      ByteBuffer.wrap(out, t.dataOffset(), values.length * Float.BYTES)
          .slice()
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .put(values);
    }
    return out;
  }
}
