package dev.autonomy.text.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.Sealing;
import dev.autonomy.text.TextJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Text models saved as JSON under a folder, by name: {@code <home>/models/text/<name>.json}. The
 * file holds the format version, encoder, labels, head weights (doubles, written so that they read
 * back bit for bit), rejection rule and provenance. Writes go to a temporary file first, then
 * replace the old one, so a failure leaves nothing half-written. In an encrypted vault every file
 * of the store is sealed with the vault's file key ({@link Sealing}); the same calls read it.
 */
public final class ModelStore {
  /** Format tag and version of the saved file. */
  public static final String FORMAT = "autonomy-text-model";

  public static final int VERSION = 1;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final ObjectMapper JSON = TextJson.mapper();

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Path dir;
  private final Sealing sealing;

  ModelStore(Path dir, Sealing sealing) {
    this.dir = dir;
    this.sealing = Objects.requireNonNull(sealing, "sealing");
  }

  /** The store of a clear vault's folder: {@code <home>/models/text}, files written as they are. */
  public static ModelStore inHome(Path home) {
    return inHome(home, Sealing.CLEAR);
  }

  /**
   * The store of the vault in {@code home}, its files written and read through {@code sealing}
   * (the vault's: sealed when it is encrypted).
   */
  public static ModelStore inHome(Path home, Sealing sealing) {
    return new ModelStore(home.resolve("models").resolve("text"), sealing);
  }

  /** Whether this store seals what it writes. */
  public boolean seals() {
    return sealing.encrypts();
  }

  public Path dir() {
    return dir;
  }

  /** The file a model of that name lives in; the name is checked. */
  public Path path(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "model name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return dir.resolve(name + ".json");
  }

  /** Names of the saved models, sorted. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        out.add(n.substring(0, n.length() - ".json".length()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  public Path save(String name, TextModel model) {
    Path file = path(name);
    try {
      writeFile(file.getFileName().toString(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(model)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model " + file, e);
    }
    return file;
  }

  public TextModel load(String name) {
    Path file = path(name);
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          "no text model '" + name + "' in " + dir + "; saved models: " + names());
    }
    return parse(readFile(file.getFileName().toString()), file);
  }

  /**
   * Writes {@code content} as the file {@code fileName} of this store, sealed when the store seals:
   * to a temporary file first, then moved in place, so a failure leaves the previous file whole.
   */
  public Path writeFile(String fileName, byte[] content) throws IOException {
    Path file = file(fileName);
    if (POSIX) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
    Path tmp = file.resolveSibling(fileName + ".tmp");
    Files.deleteIfExists(tmp);
    if (POSIX) {
      // owner-only, like the vault's own files, whether or not the folder above is
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.write(tmp, sealing.seal(content, fileName));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /**
   * The clear content of the file {@code fileName} of this store.
   *
   * @throws InvalidInputException when it is missing or does not open (damaged, or sealed by another vault)
   */
  public byte[] readFile(String fileName) {
    Path file = file(fileName);
    byte[] stored;
    try {
      stored = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    try {
      return sealing.open(stored, fileName);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(dir + "/" + e.getMessage(), e);
    }
  }

  /** The path of the file {@code fileName} of this store; the name must be a plain file name. */
  public Path file(String fileName) {
    if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
      throw new InvalidInputException("'" + fileName + "' is not a file name of the text model store");
    }
    return dir.resolve(fileName);
  }

  /** Writes one model to a clear file (atomically), outside any vault. */
  public static void write(TextModel model, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), toJson(model));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model " + file, e);
    }
  }

  /** Reads one clear model file, checking its format and version. */
  public static TextModel read(Path file) {
    try {
      return parse(Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": not a readable model file (" + e.getMessage() + ")");
    }
  }

  private static TextModel parse(byte[] content, Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": not a readable model file (" + e.getMessage() + ")");
    }
    try {
      return fromJson(root);
    } catch (RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw new InvalidInputException(file + ": " + e.getMessage());
      }
      throw new InvalidInputException(file + ": damaged model file (" + e.getMessage() + ")", e);
    }
  }

  static ObjectNode toJson(TextModel m) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("encoder", m.encoder());
    ArrayNode labels = root.putArray("labels");
    m.labels().forEach(labels::add);
    root.put("reject_label", m.rejectLabel());
    root.put("reject_below", m.rejectBelow());
    ObjectNode head = root.putObject("head");
    head.put("kind", m.head().kind());
    Head embeddingHead = m.head() instanceof WideHead w ? w.embedding() : m.head();
    if (embeddingHead instanceof LogisticHead h) {
      put(head, "mean", h.mean());
      put(head, "scale", h.scale());
      put(head, "weights", h.weights());
      put(head, "bias", h.bias());
    } else if (embeddingHead instanceof MlpHead h) {
      put(head, "mean", h.mean());
      put(head, "scale", h.scale());
      put(head, "w1", h.w1());
      put(head, "b1", h.b1());
      put(head, "w2", h.w2());
      put(head, "b2", h.b2());
    }
    if (m.head() instanceof WideHead w) {
      // Only the columns with a weight: most hash buckets are never seen in training.
      ObjectNode lexical = head.putObject("lexical");
      lexical.setAll((ObjectNode) JSON.valueToTree(w.ngrams().toMap()));
      ArrayNode columns = lexical.putArray("columns");
      ArrayNode weights = lexical.putArray("weights");
      for (int j = 0; j < w.ngrams().dims(); j++) {
        boolean used = false;
        for (double[] row : w.weights()) {
          used |= row[j] != 0;
        }
        if (used) {
          columns.add(j);
          ArrayNode col = weights.addArray();
          for (double[] row : w.weights()) {
            col.add(row[j]);
          }
        }
      }
    }
    ModelInfo i = m.info();
    ObjectNode info = root.putObject("provenance");
    info.put("data_source", i.dataSource());
    info.put("data_format", i.format());
    info.put("data_hash", i.dataHash());
    info.put("train_examples", i.trainExamples());
    info.put("seed", i.seed());
    info.put("created", i.created().toString());
    info.put("epochs", i.epochs());
    info.put("best_epoch", i.bestEpoch());
    info.set("settings", JSON.valueToTree(i.settings().toMap()));
    info.set("scores", JSON.valueToTree(new java.util.TreeMap<>(i.scores())));
    return root;
  }

  static TextModel fromJson(JsonNode root) {
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException("not a text model: 'format' is '" + root.path("format").asText() + "', expected " + FORMAT);
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new InvalidInputException("model file version " + version + " is not supported; expected " + VERSION);
    }
    List<String> labels = new ArrayList<>();
    root.path("labels").forEach(n -> labels.add(n.asText()));
    JsonNode h = root.path("head");
    Head head =
        switch (h.path("kind").asText()) {
          case "logreg" -> new LogisticHead(vec(h, "mean"), vec(h, "scale"), mat(h, "weights"), vec(h, "bias"));
          case "mlp" -> new MlpHead(vec(h, "mean"), vec(h, "scale"), mat(h, "w1"), vec(h, "b1"), mat(h, "w2"), vec(h, "b2"));
          default -> throw new InvalidInputException("unknown head kind '" + h.path("kind").asText() + "'");
        };
    if (h.has("lexical")) {
      head = wide(head, h.get("lexical"));
    }
    JsonNode p = root.path("provenance");
    JsonNode s = p.path("settings");
    HeadSettings settings =
        new HeadSettings(
            s.path("kind").asText(), s.path("hidden").asInt(), s.path("l2").asDouble(),
            s.path("learning_rate").asDouble(), s.path("max_epochs").asInt(), s.path("patience").asInt(),
            s.path("batch_size").asInt(), s.path("class_weights").asBoolean(),
            s.path("features").asText(HeadSettings.EMBEDDING),
            s.path("lexical_learning_rate").asDouble(HeadSettings.LEXICAL_RATE),
            s.path("lexical_l2").asDouble(s.path("l2").asDouble()));
    Map<String, Double> scores = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = p.path("scores").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      scores.put(e.getKey(), e.getValue().asDouble());
    }
    ModelInfo info =
        new ModelInfo(
            p.path("data_source").asText(), p.path("data_format").asText(), p.path("data_hash").asText(),
            p.path("train_examples").asInt(), settings, p.path("seed").asLong(),
            Instant.parse(p.path("created").asText()), p.path("epochs").asInt(), p.path("best_epoch").asInt(), scores);
    return new TextModel(
        root.path("encoder").asText(), labels, head, root.path("reject_label").asText(""),
        root.path("reject_below").asDouble(0), info);
  }

  private static WideHead wide(Head embedding, JsonNode lexical) {
    if (!"word-ngrams".equals(lexical.path("kind").asText())) {
      throw new InvalidInputException("unknown lexical block kind '" + lexical.path("kind").asText() + "'; expected word-ngrams");
    }
    Ngrams ngrams = new Ngrams(lexical.path("dims").asInt(), lexical.path("max_n").asInt(), lexical.path("char_max").asInt(0));
    JsonNode columns = lexical.path("columns");
    JsonNode weights = lexical.path("weights");
    if (!columns.isArray() || !weights.isArray() || columns.size() != weights.size()) {
      throw new InvalidInputException("lexical block needs as many 'weights' as 'columns'");
    }
    double[][] w = new double[embedding.classes()][ngrams.dims()];
    for (int n = 0; n < columns.size(); n++) {
      int j = columns.get(n).asInt(-1);
      double[] col = vec(weights, n);
      if (j < 0 || j >= ngrams.dims() || col.length != w.length) {
        throw new InvalidInputException("lexical column " + n + " (bucket " + j + ") does not fit " + w.length
            + " classes x " + ngrams.dims() + " buckets");
      }
      for (int c = 0; c < w.length; c++) {
        w[c][j] = col[c];
      }
    }
    return new WideHead(embedding, ngrams, w);
  }

  private static void put(ObjectNode node, String field, double[] v) {
    ArrayNode a = node.putArray(field);
    for (double d : v) {
      a.add(d);
    }
  }

  private static void put(ObjectNode node, String field, double[][] m) {
    ArrayNode a = node.putArray(field);
    for (double[] row : m) {
      ArrayNode r = a.addArray();
      for (double d : row) {
        r.add(d);
      }
    }
  }

  private static double[] vec(JsonNode node, String field) {
    JsonNode a = node.get(field);
    if (a == null || !a.isArray()) {
      throw new InvalidInputException("head field '" + field + "' is missing");
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static double[][] mat(JsonNode node, String field) {
    JsonNode a = node.get(field);
    if (a == null || !a.isArray() || a.isEmpty()) {
      throw new InvalidInputException("head field '" + field + "' is missing");
    }
    double[][] out = new double[a.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = vec(a, i);
    }
    return out;
  }

  private static double[] vec(JsonNode array, int index) {
    JsonNode a = array.get(index);
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
