package dev.autonomy.tune;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What fine-tuning starts from: a named encoder, the SHA-256 of its weights file, its shape, a way
 * to build it with its pretrained weights, and its tokenizer.
 *
 * @param name registry name, saved with the fine-tuned model
 * @param sha256 checksum of the pretrained weights; a LoRA file only fits the base with this checksum
 * @param config the encoder's shape
 * @param weights builds the encoder with its pretrained weights (a new one per call)
 * @param tokenizerJson the HuggingFace tokenizer.json
 * @param onnx the pretrained ONNX model its fine-tuned forms are exported from; empty for an encoder
 *     built here (tests' tiny ones), whose fine-tuned forms are served by PyTorch only
 */
record Backbone(
    String name, String sha256, BertConfig config, Supplier<Transformer> weights, byte[] tokenizerJson,
    Optional<byte[]> onnx) {
  /** A shipped base model; reads and hashes its ONNX file. */
  static Backbone of(BaseModel base) {
    byte[] onnx = base.onnxBytes();
    return new Backbone(
        base.name(),
        BaseModel.sha256(onnx),
        base.config(),
        () -> Transformer.fromOnnx(base.config(), OnnxInitializers.read(onnx, base.onnxResource()), base.onnxResource()),
        base.tokenizerBytes(),
        Optional.of(onnx));
  }
}
