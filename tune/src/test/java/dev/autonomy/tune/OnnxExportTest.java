package dev.autonomy.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.Prediction;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.encode.Encoder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real base (all-MiniLM-L6-v2, FP32) fine-tuned for a few steps, LoRA and full, saved with its
 * ONNX export: ONNX Runtime on the export must compute what PyTorch computes on the weights.
 */
class OnnxExportTest {
  private static final List<String> SENTENCES =
      List.of(
          "today I had salad and water",
          "soda again, plus candy at night",
          "run",
          "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period in 2007.",
          "今天我吃了很多蔬菜，还跑了五公里。",
          "lots of beer, then fries, then more beer and chips and a cigarette or two before a very late night");

  /** The base model's own FP32 ONNX encoder, as langchain4j runs it. */
  private static final AllMiniLmL6V2EmbeddingModel BASE = new AllMiniLmL6V2EmbeddingModel();

  // Fine-tuned once for the class: a run of the real base takes seconds.
  @TempDir static Path home;
  private static ModelStore store;
  private static TuneResult lora;
  private static TuneResult full;
  private static TuneResult cls;
  private static TextModel loraModel;
  private static TextModel fullModel;
  private static TextModel clsModel;

  @BeforeAll
  static void fineTuneBothForAFewSteps() {
    store = ModelStore.inHome(home);
    lora = run(TuneSettings.Method.LORA, 1e-2);
    loraModel = TunedModels.save(store, "lora", lora);
    full = run(TuneSettings.Method.FULL, 1e-4);
    fullModel = TunedModels.save(store, "full", full);
    cls = run(TuneSettings.Method.FULL, 1e-4, Pooling.CLS);
    clsModel = TunedModels.save(store, "cls", cls);
  }

  private static TuneResult run(TuneSettings.Method method, double lr) {
    return run(method, lr, Pooling.MEAN);
  }

  private static TuneResult run(TuneSettings.Method method, double lr, Pooling pooling) {
    TuneSettings s =
        TuneSettings.defaults(method).withEpochs(1).withBatch(8).withMaxLength(32).withLearningRate(lr)
            .withHeadLearningRate(5e-2).withWarmup(0).withPooling(pooling);
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-30T12:00:00Z"));
    return FineTuner.from(BaseModel.MINILM, s, clock, null).train(Tiny.notes(12, 7));
  }

  @AfterAll
  static void close() {
    if (lora != null) {
      lora.close();
    }
    if (full != null) {
      full.close();
    }
    if (cls != null) {
      cls.close();
    }
  }

  @Test
  void lora_onnxRuntimeEmbedsLikePyTorch_andPredictsTheSame() {
    servedBothWays_agree("lora", lora);
  }

  @Test
  void full_onnxRuntimeEmbedsLikePyTorch_andPredictsTheSame() {
    servedBothWays_agree("full", full);
  }

  @Test
  void clsPooling_isSavedWithTheModel_andServedAlikeBothWays() {
    servedBothWays_agree("cls", cls);
    TextModel saved = store.load("cls");
    assertThat(TunedModels.provenance(store, saved)).containsEntry("pooling", "cls");
    assertThat(TunedModels.provenance(store, fullModel)).containsEntry("pooling", "mean");
    // The first token's vector, not the mean: the same weights pooled the other way differ.
    try (Transformer t = BaseModel.MINILM.load();
        Tokens tokens = BaseModel.MINILM.tokens(32)) {
      ai.djl.ndarray.NDList batch = tokens.batch(t.manager(), List.of(SENTENCES.get(3)));
      float[] mean = t.embed(batch.get(0), batch.get(1)).toFloatArray();
      t.usePooling(Pooling.CLS);
      float[] first = t.embed(batch.get(0), batch.get(1)).toFloatArray();
      assertThat(maxDifference(mean, first)).isGreaterThan(1e-2);
    }
  }

  private void servedBothWays_agree(String name, TuneResult run) {
    TextModel saved = store.load(name);
    float[][] inMemory = run.classifier().embed(SENTENCES);
    try (Encoder onnx = TunedModels.open(store, saved, TunedRuntime.ONNX_RUNTIME);
        Encoder torch = TunedModels.open(store, saved, TunedRuntime.PYTORCH)) {
      assertThat(onnx).isInstanceOf(OnnxTunedEncoder.class);
      assertThat(torch).isInstanceOf(TunedEncoder.class);
      List<float[]> batched = onnx.embedAll(SENTENCES); // padded to the longest, as PyTorch's batch
      double movedFromBase = 0;
      for (int i = 0; i < SENTENCES.size(); i++) {
        String s = SENTENCES.get(i);
        float[] o = onnx.embed(s);
        float[] t = torch.embed(s);
        assertClose(o, t, s + " (one sentence)");
        assertClose(batched.get(i), inMemory[i], s + " (batch)");
        movedFromBase = Math.max(movedFromBase, maxDifference(o, BASE.embed(s).content().vector()));
        Prediction po = saved.classify(onnx, s);
        Prediction pt = saved.classify(torch, s);
        assertThat(po.label()).as(s).isEqualTo(pt.label());
        assertThat(po.probability()).as(s).isCloseTo(pt.probability(), Offset.offset(1e-4));
        // Reloaded, the model predicts what the run in memory did.
        assertThat(po.label()).as(s).isEqualTo(saved.predict(inMemory[i]).label());
      }
      // The export carries the fine-tuned weights, not the base's: a no-op export would fail here.
      assertThat(movedFromBase).as("largest difference from the base model's embedding").isGreaterThan(1e-3);
    }
  }

  @Test
  void aDamagedRenamedOrMissingExport_isRefusedByName_andPyTorchStillServes() throws Exception {
    ModelStore copy = ModelStore.inHome(home.resolve("copy"));
    Files.createDirectories(copy.dir());
    try (Stream<Path> files = Files.list(store.dir())) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.dir().resolve(f.getFileName()));
      }
    }
    Path loraOnnx = copy.file(TunedModels.onnxName(loraModel.encoder().substring(TunedModels.PREFIX.length())));
    Path fullOnnx = copy.file(TunedModels.onnxName(fullModel.encoder().substring(TunedModels.PREFIX.length())));
    TextModel m = copy.load("lora");
    // Another model's export under this model's name.
    Files.copy(fullOnnx, loraOnnx, StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> TunedModels.open(copy, m, TunedRuntime.ONNX_RUNTIME))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(loraOnnx.getFileName().toString())
        .hasMessageContaining("damaged or belongs to another model");
    // One byte changed inside a weight.
    byte[] bytes = Files.readAllBytes(fullOnnx);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(loraOnnx, bytes);
    assertThatThrownBy(() -> TunedModels.open(copy, m, TunedRuntime.ONNX_RUNTIME))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("damaged");
    try (Encoder torch = TunedModels.open(copy, m, TunedRuntime.PYTORCH)) {
      assertThat(torch.embed("run")).containsExactly(lora.classifier().embed(List.of("run"))[0]);
    }
    Files.delete(loraOnnx);
    assertThatThrownBy(() -> TunedModels.open(copy, m, TunedRuntime.ONNX_RUNTIME))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(loraOnnx.getFileName().toString())
        .hasMessageContaining("missing");
  }

  @Test
  void aModelSavedBeforeExports_opensThroughPyTorch() throws Exception {
    // The weights file as it was written before exports: the same, without the export's checksum,
    // and before pooling was a choice (those files pooled the mean).
    ModelStore old = withEditedHeader("old", "lora", loraModel, header -> {
      assertThat(header.remove("onnx_sha256")).isNotNull();
      assertThat(header.remove("pooling")).isNotNull();
    });
    try (Encoder e = TunedModels.open(old, old.load("lora"), TunedRuntime.ONNX_RUNTIME)) {
      assertThat(e).isInstanceOf(TunedEncoder.class);
      assertThat(e.embed("run")).containsExactly(lora.classifier().embed(List.of("run"))[0]);
    }
  }

  @Test
  void aHandEditedPooling_isRefusedNamingTheFile() throws Exception {
    // The weights' checksum covers the body only, so the header's pooling is checked on its own.
    ModelStore edited = withEditedHeader("edited", "full", fullModel, header -> header.put("pooling", "median"));
    String weights = fullModel.encoder().substring(TunedModels.PREFIX.length());
    for (TunedRuntime runtime : TunedRuntime.values()) {
      assertThatThrownBy(() -> TunedModels.open(edited, edited.load("full"), runtime))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(weights)
          .hasMessageContaining("unknown pooling 'median'");
    }
  }

  /** A store in {@code folder} holding model {@code name} with its weights file's header edited. */
  private static ModelStore withEditedHeader(String folder, String name, TextModel model,
      java.util.function.Consumer<ObjectNode> edit) throws Exception {
    ModelStore copy = ModelStore.inHome(home.resolve(folder));
    Files.createDirectories(copy.dir());
    String weights = model.encoder().substring(TunedModels.PREFIX.length());
    Files.copy(store.path(name), copy.path(name));
    byte[] content = Files.readAllBytes(store.file(weights));
    int length = ByteBuffer.wrap(content).getInt();
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = (ObjectNode) json.readTree(Arrays.copyOfRange(content, 4, 4 + length));
    edit.accept(header);
    byte[] h = json.writeValueAsBytes(header);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new DataOutputStream(bytes).writeInt(h.length);
    bytes.write(h);
    bytes.write(content, 4 + length, content.length - 4 - length);
    copy.writeFile(weights, bytes.toByteArray());
    return copy;
  }

  @Test
  void savingEachModel_leavesItsJsonWeightsAndExportOnly() throws Exception {
    try (Stream<Path> files = Files.list(store.dir())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")))
          .containsExactlyInAnyOrder(
              "lora.json", "full.json", "cls.json",
              clsModel.encoder().substring(TunedModels.PREFIX.length()),
              TunedModels.onnxName(clsModel.encoder().substring(TunedModels.PREFIX.length())),
              loraModel.encoder().substring(TunedModels.PREFIX.length()),
              TunedModels.onnxName(loraModel.encoder().substring(TunedModels.PREFIX.length())),
              fullModel.encoder().substring(TunedModels.PREFIX.length()),
              TunedModels.onnxName(fullModel.encoder().substring(TunedModels.PREFIX.length())));
    }
    Map<String, Object> header = TunedModels.provenance(store, loraModel);
    assertThat(header.get("onnx_sha256")).isEqualTo(BaseModel.sha256(Files.readAllBytes(store.file(
        TunedModels.onnxName(loraModel.encoder().substring(TunedModels.PREFIX.length()))))));
  }

  private static void assertClose(float[] actual, float[] expected, String what) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int j = 0; j < expected.length; j++) {
      assertThat(actual[j]).as("%s [%d]", what, j).isCloseTo(expected[j], Offset.offset(1e-4f));
    }
  }

  private static double maxDifference(float[] a, float[] b) {
    double d = 0;
    for (int j = 0; j < a.length; j++) {
      d = Math.max(d, Math.abs(a[j] - b[j]));
    }
    return d;
  }
}
