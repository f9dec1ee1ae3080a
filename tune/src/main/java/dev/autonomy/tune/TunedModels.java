package dev.autonomy.tune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.HeadSettings;
import dev.autonomy.text.classify.ModelInfo;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Fine-tuned models in the text model store. A fine-tuned model is an ordinary text model ({@code
 * <name>.json}: labels, a linear head, provenance) whose encoder is {@code tuned:<file>}, a
 * weights file beside it holding what trained: every encoder weight (full) or only the LoRA
 * adapters (LoRA), and a header naming the base model and its SHA-256, the method and the
 * hyper-parameters. A LoRA file is applied only to the base with that checksum.
 *
 * <p>The weights file's name carries a hash of its content and is written before the JSON, which
 * is replaced atomically last: a run stopped at any point leaves the previous model whole and
 * usable. Older weights files of the same model are removed after.
 */
public final class TunedModels {
  /** Prefix of a fine-tuned model's encoder name. */
  public static final String PREFIX = "tuned:";

  static final String FORMAT = "autonomy-tuned-encoder";
  static final int VERSION = 1;
  private static final String SUFFIX = ".tuned";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TunedModels() {}

  /** Whether a text model reads a fine-tuned encoder. */
  public static boolean isTuned(TextModel m) {
    return m.encoder().startsWith(PREFIX);
  }

  /**
   * The encoder a model reads: its own fine-tuned one (opened here; the caller closes it) or the
   * built-in one of that name from the pool (owned by the pool).
   */
  public static Encoder encoderFor(TextModel m, ModelStore store, Encoders builtIn) {
    return isTuned(m) ? open(store, m) : builtIn.get(m.encoder());
  }

  /** Opens a fine-tuned model's encoder (checking its base); close it. */
  public static Encoder open(ModelStore store, TextModel m) {
    return open(store, m, name -> Backbone.of(BaseModel.named(name)));
  }

  static Encoder open(ModelStore store, TextModel m, Function<String, Backbone> bases) {
    if (!isTuned(m)) {
      throw new IllegalArgumentException("model reads the built-in encoder " + m.encoder() + ", not a fine-tuned one");
    }
    String fileName = m.encoder().substring(PREFIX.length());
    Path file = store.file(fileName);
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          file + ": the fine-tuned weights this model needs are missing; retrain it with text train --fine-tune");
    }
    TunedClassifier c = read(store.readFile(fileName), file, bases);
    return new TunedEncoder(m.encoder(), c);
  }

  /** A run's text model before it is saved (for measuring; its encoder name points nowhere). */
  public static TextModel textModelOf(TuneResult r) {
    return textModel(PREFIX + "unsaved", r);
  }

  /** A run's encoder before it is saved; owned by the run: close the run, not this. */
  public static Encoder encoderOf(TuneResult r) {
    return new TunedEncoder(PREFIX + "unsaved", r.classifier());
  }

  /** Saves a run as model {@code name}; returns the model as saved. */
  public static TextModel save(ModelStore store, String name, TuneResult r) {
    Path json = store.path(name);
    try {
      Files.createDirectories(store.dir());
      byte[] content = encode(r);
      String weightsName = name + "." + BaseModel.sha256(content).substring(0, 12) + SUFFIX;
      store.writeFile(weightsName, content);
      TextModel model = textModel(PREFIX + weightsName, r);
      store.save(name, model); // the commit point: before it the previous model is untouched
      removeOthers(store.dir(), name, weightsName);
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write fine-tuned model " + json, e);
    }
  }

  /** The header of a fine-tuned model's weights file: base, checksum, method, settings. */
  public static Map<String, Object> provenance(ModelStore store, TextModel m) {
    String fileName = m.encoder().substring(PREFIX.length());
    Path file = store.file(fileName);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(store.readFile(fileName)))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> header = JSON.readValue(readHeader(in, file), LinkedHashMap.class);
      return header;
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the fine-tuned weights (" + e.getMessage() + ")");
    }
  }

  static TextModel textModel(String encoder, TuneResult r) {
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("dev_accuracy", r.dev().accuracy());
    scores.put("dev_macro_f1", r.dev().macroF1());
    scores.put(r.heldOutName() + "_accuracy", r.heldOut().accuracy());
    scores.put(r.heldOutName() + "_macro_f1", r.heldOut().macroF1());
    ModelInfo info =
        new ModelInfo(
            r.dataSource(), r.dataFormat(), r.dataHash(), r.trainExamples(),
            HeadSettings.logreg().withMaxEpochs(r.settings().epochs()), r.settings().seed(), r.created(),
            r.epochs(), r.bestEpoch(), scores);
    TunedClassifier c = r.classifier();
    return TextModel.linear(encoder, r.labels(), 1 / c.inputScale(), c.headMatrix(), c.headBias(), info);
  }

  private static byte[] encode(TuneResult r) throws IOException {
    TunedClassifier c = r.classifier();
    NDList weights = new NDList();
    c.savedWeights().forEach((n, a) -> {
      a.setName(n);
      weights.add(a);
    });
    byte[] body = weights.encode();
    ObjectNode header = JSON.createObjectNode();
    header.put("format", FORMAT);
    header.put("version", VERSION);
    header.put("base", r.base());
    header.put("base_sha256", r.baseSha256());
    header.put("method", r.settings().method().code());
    header.put("lora_rank", r.settings().loraRank());
    header.put("lora_alpha", r.settings().loraAlpha());
    header.put("max_length", r.settings().maxLength());
    header.put("classes", c.classes());
    header.put("weights_sha256", BaseModel.sha256(body));
    header.put("trained_weights", r.trainedWeights());
    header.put("encoder_weights", r.encoderWeights());
    header.set("settings", JSON.valueToTree(r.settings().toMap()));
    header.put("data_hash", r.dataHash());
    header.put("seed", r.settings().seed());
    byte[] h = JSON.writeValueAsBytes(header);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + h.length + 16);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(h.length);
    out.write(h);
    out.write(body);
    out.flush();
    return bytes.toByteArray();
  }

  /** Reads the weights file {@code file} whose clear content is {@code content}. */
  static TunedClassifier read(byte[] content, Path file, Function<String, Backbone> bases) {
    JsonNode header;
    byte[] body;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
      header = JSON.readTree(readHeader(in, file));
      body = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the fine-tuned weights (" + e.getMessage() + ")");
    }
    if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
      throw new InvalidInputException(
          file + ": not a fine-tuned encoder of version " + VERSION + " (format '" + header.path("format").asText()
              + "', version " + header.path("version").asInt() + ")");
    }
    if (!BaseModel.sha256(body).equals(header.path("weights_sha256").asText())) {
      throw new InvalidInputException(file + ": the weights are damaged (checksum differs from the header's); retrain");
    }
    String baseName = header.path("base").asText();
    Backbone base = bases.apply(baseName);
    String want = header.path("base_sha256").asText();
    if (!base.sha256().equals(want)) {
      throw new InvalidInputException(
          file + ": these weights were fine-tuned from base model " + baseName + " with SHA-256 " + want
              + ", but the base model here has SHA-256 " + base.sha256()
              + "; a LoRA or fine-tuned file only fits its own base: retrain with text train --fine-tune");
    }
    TuneSettings.Method method = TuneSettings.Method.fromCode(header.path("method").asText());
    int rank = header.path("lora_rank").asInt();
    Transformer t = base.weights().get();
    boolean ok = false;
    try {
      NDList saved = NDList.decode(t.manager(), body);
      NDArray w = null;
      NDArray b = null;
      for (NDArray a : saved) {
        String n = a.getName();
        if (n.equals("head.w")) {
          w = a;
        } else if (n.equals("head.b")) {
          b = a;
        } else if (method == TuneSettings.Method.LORA) {
          if (!n.endsWith(".A") && !n.endsWith(".B")) {
            throw new InvalidInputException(file + ": LoRA file carries a base weight '" + n + "'");
          }
          t.putLora(n, a);
        } else {
          t.load(n, a);
        }
      }
      if (w == null || b == null) {
        throw new InvalidInputException(file + ": the classification head is missing");
      }
      if (method == TuneSettings.Method.LORA) {
        t.setLora(rank, (float) header.path("lora_alpha").asDouble());
      }
      TunedClassifier c =
          new TunedClassifier(t, new Tokens(base.tokenizerJson(), header.path("max_length").asInt(128)), method, w, b);
      ok = true;
      return c;
    } finally {
      if (!ok) {
        t.close();
      }
    }
  }

  private static byte[] readHeader(DataInputStream in, Path file) throws IOException {
    int length = in.readInt();
    if (length <= 0 || length > 1 << 20) {
      throw new InvalidInputException(file + ": not a fine-tuned weights file (header length " + length + ")");
    }
    byte[] h = new byte[length];
    in.readFully(h);
    return h;
  }

  private static void removeOthers(Path dir, String name, String keep) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + ".*" + SUFFIX)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        // Only this model's own files: "<name>.<12 hex>.tuned".
        if (!n.equals(keep) && n.length() == name.length() + 1 + 12 + SUFFIX.length()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
