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
 * <p>A model fine-tuned from a shipped base also has an ONNX export, {@code <weights name>.onnx}
 * (the base's ONNX file with the fine-tuned weights, see {@link OnnxExport}), whose SHA-256 the
 * weights file's header carries; ONNX Runtime serves it by default ({@link TunedRuntime}).
 *
 * <p>The weights file's name carries a hash of its content; the export and then the weights are
 * written before the JSON, which is replaced atomically last: a run stopped at any point leaves the
 * previous model whole and usable. Older weights files and exports of the same model are removed
 * after.
 */
public final class TunedModels {
  /** Prefix of a fine-tuned model's encoder name. */
  public static final String PREFIX = "tuned:";

  static final String FORMAT = "autonomy-tuned-encoder";
  static final int VERSION = 1;
  private static final String SUFFIX = ".tuned";
  private static final String ONNX_SUFFIX = ".onnx";
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

  /**
   * Opens a fine-tuned model's encoder (checking its base) on the runtime the {@link
   * TunedRuntime#PROPERTY} system property names, ONNX Runtime by default; close it.
   */
  public static Encoder open(ModelStore store, TextModel m) {
    return open(store, m, TunedRuntime.configured());
  }

  /**
   * Opens a fine-tuned model's encoder (checking its base) on that runtime; a model without an ONNX
   * export (saved before exports existed) runs on PyTorch. Close it.
   */
  public static Encoder open(ModelStore store, TextModel m, TunedRuntime runtime) {
    return open(store, m, name -> Backbone.of(BaseModel.named(name)), runtime);
  }

  static Encoder open(ModelStore store, TextModel m, Function<String, Backbone> bases) {
    return open(store, m, bases, TunedRuntime.ONNX_RUNTIME);
  }

  static Encoder open(ModelStore store, TextModel m, Function<String, Backbone> bases, TunedRuntime runtime) {
    if (!isTuned(m)) {
      throw new IllegalArgumentException("model reads the built-in encoder " + m.encoder() + ", not a fine-tuned one");
    }
    String fileName = m.encoder().substring(PREFIX.length());
    Path file = store.file(fileName);
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          file + ": the fine-tuned weights this model needs are missing; retrain it with text train --fine-tune");
    }
    Checked c = check(store.readFile(fileName), file, bases);
    String onnxSha = c.header().path("onnx_sha256").asText("");
    if (runtime == TunedRuntime.PYTORCH || onnxSha.isEmpty()) {
      return new TunedEncoder(m.encoder(), read(c, file));
    }
    String onnxName = onnxName(fileName);
    Path onnxFile = store.file(onnxName);
    if (!Files.isRegularFile(onnxFile)) {
      throw new InvalidInputException(
          onnxFile + ": the ONNX export of this fine-tuned model is missing; retrain it with text train --fine-tune,"
              + " or serve it through PyTorch (-D" + TunedRuntime.PROPERTY + "=pytorch)");
    }
    byte[] onnx = store.readFile(onnxName);
    if (!BaseModel.sha256(onnx).equals(onnxSha)) {
      throw new InvalidInputException(
          onnxFile + ": the ONNX export is damaged or belongs to another model (its SHA-256 differs from the one in "
              + file.getFileName() + "); retrain it with text train --fine-tune, or serve it through PyTorch (-D"
              + TunedRuntime.PROPERTY + "=pytorch)");
    }
    Tokens tokens = new Tokens(c.base().tokenizerJson(), c.header().path("max_length").asInt(128));
    return OnnxTunedEncoder.open(m.encoder(), onnx, onnxFile.toString(), c.base().config().hidden(), tokens, c.pooling());
  }

  /** A run's text model before it is saved (for measuring; its encoder name points nowhere). */
  public static TextModel textModelOf(TuneResult r) {
    return textModel(PREFIX + "unsaved", r);
  }

  /** A run's encoder before it is saved, on PyTorch; owned by the run: close the run, not this. */
  public static Encoder encoderOf(TuneResult r) {
    return new TunedEncoder(PREFIX + "unsaved", r.classifier());
  }

  /**
   * A run's encoder before it is saved, exported to ONNX in memory and run by ONNX Runtime, as
   * {@link #open} serves it once saved; close it (the run stays open).
   */
  public static Encoder exportedEncoderOf(TuneResult r) {
    Backbone base = baseOf(r, name -> Backbone.of(BaseModel.named(name)));
    byte[] onnx =
        OnnxExport.of(
            r.classifier().encoder(),
            base.onnx().orElseThrow(() -> new IllegalStateException("base " + r.base() + " has no ONNX form")),
            r.base());
    Tokens tokens = new Tokens(base.tokenizerJson(), r.settings().maxLength());
    return OnnxTunedEncoder.open(
        PREFIX + "unsaved", onnx, "export of " + r.base(), base.config().hidden(), tokens, r.settings().pooling());
  }

  /** Saves a run as model {@code name}, with its ONNX export; returns the model as saved. */
  public static TextModel save(ModelStore store, String name, TuneResult r) {
    return save(store, name, r, n -> Backbone.of(BaseModel.named(n)));
  }

  static TextModel save(ModelStore store, String name, TuneResult r, Function<String, Backbone> bases) {
    Path json = store.path(name);
    try {
      Files.createDirectories(store.dir());
      Backbone base = baseOf(r, bases);
      byte[] onnx = base.onnx().map(b -> OnnxExport.of(r.classifier().encoder(), b, r.base())).orElse(null);
      byte[] content = encode(r, onnx == null ? null : BaseModel.sha256(onnx));
      String weightsName = name + "." + BaseModel.sha256(content).substring(0, 12) + SUFFIX;
      if (onnx != null) {
        store.writeFile(onnxName(weightsName), onnx);
      }
      store.writeFile(weightsName, content);
      TextModel model = textModel(PREFIX + weightsName, r);
      store.save(name, model); // the commit point: before it the previous model is untouched
      removeOthers(store.dir(), name, weightsName, SUFFIX);
      removeOthers(store.dir(), name, onnxName(weightsName), ONNX_SUFFIX);
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
    if (!r.rejectLabel().isEmpty()) {
      scores.put(r.heldOutName() + "_in_scope_accuracy", r.heldOut().inScopeAccuracy());
      scores.put(r.heldOutName() + "_oos_recall", r.heldOut().oosRecall());
      scores.put("oos_threshold", r.rejectBelow());
    }
    ModelInfo info =
        new ModelInfo(
            r.dataSource(), r.dataFormat(), r.dataHash(), r.trainExamples(),
            HeadSettings.logreg().withMaxEpochs(r.settings().epochs()), r.settings().seed(), r.created(),
            r.epochs(), r.bestEpoch(), scores);
    TunedClassifier c = r.classifier();
    return TextModel.linear(encoder, r.labels(), 1 / c.inputScale(), c.headMatrix(), c.headBias(), r.rejectLabel(), r.rejectBelow(), info);
  }

  /** The run's base model, which must still be the one it started from. */
  private static Backbone baseOf(TuneResult r, Function<String, Backbone> bases) {
    Backbone base = bases.apply(r.base());
    if (!base.sha256().equals(r.baseSha256())) {
      throw new IllegalStateException(
          "base model " + r.base() + " changed during the run (SHA-256 " + r.baseSha256() + ", now " + base.sha256() + ")");
    }
    return base;
  }

  /** The ONNX export's file name beside the weights file {@code weightsName}. */
  static String onnxName(String weightsName) {
    return weightsName.substring(0, weightsName.length() - SUFFIX.length()) + ONNX_SUFFIX;
  }

  private static byte[] encode(TuneResult r, String onnxSha256) throws IOException {
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
    header.put("pooling", r.settings().pooling().code());
    header.put("classes", c.classes());
    header.put("weights_sha256", BaseModel.sha256(body));
    if (onnxSha256 != null) {
      header.put("onnx_sha256", onnxSha256);
    }
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
    return read(check(content, file, bases), file);
  }

  /** A weights file whose header, checksum and base were checked, and the pooling it was trained with. */
  private record Checked(JsonNode header, byte[] body, Backbone base, Pooling pooling) {}

  private static Checked check(byte[] content, Path file, Function<String, Backbone> bases) {
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
    Pooling pooling;
    try {
      // Files from before pooling was a choice used the mean.
      pooling = Pooling.fromCode(header.path("pooling").asText(Pooling.MEAN.code()));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file + ": " + e.getMessage() + " in the header; retrain with text train --fine-tune");
    }
    return new Checked(header, body, base, pooling);
  }

  private static TunedClassifier read(Checked checked, Path file) {
    JsonNode header = checked.header();
    byte[] body = checked.body();
    Backbone base = checked.base();
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
      t.usePooling(checked.pooling());
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

  private static void removeOthers(Path dir, String name, String keep, String suffix) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + ".*" + suffix)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        // Only this model's own files: "<name>.<12 hex><suffix>".
        if (!n.equals(keep) && n.length() == name.length() + 1 + 12 + suffix.length()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
