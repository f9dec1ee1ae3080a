package dev.autonomy.tune;

import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.encode.Encoders;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A pretrained encoder whose FP32 ONNX weights and tokenizer ship inside a jar on the class path
 * (the langchain4j embedding artifacts): the starting point of every fine-tuning.
 *
 * @param name the registry name saved with every fine-tuned model
 * @param onnxResource class-path resource of the FP32 ONNX graph
 * @param tokenizerResource class-path resource of the HuggingFace tokenizer.json
 * @param config its shape
 */
public record BaseModel(String name, String onnxResource, String tokenizerResource, BertConfig config) {
  /** sentence-transformers all-MiniLM-L6-v2, FP32 (the -q encoder is its INT8 form). */
  public static final BaseModel MINILM =
      new BaseModel("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", BertConfig.MINILM);

  /**
   * BAAI bge-small-en-v1.5, FP32 (the -q encoder is its INT8 form): as wide as MiniLM but twice as
   * deep (12 layers), so about twice the time per step.
   */
  public static final BaseModel BGE_SMALL_EN =
      new BaseModel(
          "bge-small-en-v15", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
          new BertConfig(30_522, 384, 12, 12, 1_536, 512));

  /**
   * BAAI bge-small-zh-v1.5, FP32: the base that reads Chinese (its tokenizer knows the ideographs
   * MiniLM's maps to [UNK]); 4 layers of width 512.
   */
  public static final BaseModel BGE_SMALL_ZH =
      new BaseModel(
          "bge-small-zh-v15", "bge-small-zh-v1.5.onnx", "bge-small-zh-v1.5-tokenizer.json",
          new BertConfig(21_128, 512, 4, 8, 2_048, 512));

  /** The base models fine-tuning can start from; the first is the default. */
  public static List<BaseModel> all() {
    return List.of(MINILM, BGE_SMALL_EN, BGE_SMALL_ZH);
  }

  /**
   * The base model a fine-tuning named by the encoder option starts from: the default for {@code
   * auto}, else the base of that name or the FP32 form of a quantised encoder's name ({@code -q}).
   */
  public static BaseModel forEncoder(String encoder) {
    if (encoder.equals(Encoders.AUTO)) {
      return all().get(0);
    }
    return named(encoder.endsWith("-q") ? encoder.substring(0, encoder.length() - 2) : encoder);
  }

  /** The base model of that name. */
  public static BaseModel named(String name) {
    for (BaseModel b : all()) {
      if (b.name.equals(name)) {
        return b;
      }
    }
    throw new InvalidInputException(
        "unknown base model '" + name + "'; expected one of " + all().stream().map(BaseModel::name).toList());
  }

  /** The pretrained encoder, weights read from the ONNX file. */
  Transformer load() {
    return Transformer.fromOnnx(config, OnnxInitializers.read(onnxBytes(), onnxResource), onnxResource);
  }

  /** The tokenizer, cutting texts to maxLength tokens. */
  Tokens tokens(int maxLength) {
    return new Tokens(tokenizerBytes(), maxLength);
  }

  /** The ONNX file's bytes. */
  byte[] onnxBytes() {
    return resource(onnxResource);
  }

  /** The tokenizer.json bytes. */
  byte[] tokenizerBytes() {
    return resource(tokenizerResource);
  }

  private static byte[] resource(String path) {
    try (InputStream in = BaseModel.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AutonomyFailure(
            "base model file " + path + " is not on the class path; the langchain4j embedding jar that carries it is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AutonomyFailure("cannot read base model file " + path, e);
    }
  }

  /** Lower-case hex SHA-256 of bytes. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
