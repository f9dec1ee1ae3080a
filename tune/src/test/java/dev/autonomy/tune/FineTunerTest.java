package dev.autonomy.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.Encoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTunerTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-30T12:00:00Z"));

  @TempDir Path home;

  private static TuneSettings settings(TuneSettings.Method m) {
    return TuneSettings.defaults(m).withEpochs(4).withBatch(8).withMaxLength(32).withLearningRate(
        m == TuneSettings.Method.FULL ? 1e-3 : 1e-2).withHeadLearningRate(5e-2).withWarmup(0);
  }

  private static TuneResult run(TuneSettings s, Backbone b, List<Double> stepLoss) {
    FineTuner t =
        new FineTuner(
            b, s, CLOCK,
            new FineTuner.Listener() {
              @Override
              public void step(int epoch, int done, int total, double meanLoss) {
                if (done == total) {
                  stepLoss.add(meanLoss);
                }
              }

              @Override
              public void epoch(int epoch, double meanLoss, dev.autonomy.text.classify.Evaluation dev, Duration took) {
                System.out.println("epoch " + epoch + " loss " + meanLoss + " dev macro-F1 " + dev.macroF1());
              }
            });
    return t.train(Tiny.notes(30, 7));
  }

  @Test
  void full_lossFalls_andTheSavedModelReloadsToTheSamePredictions() {
    List<Double> losses = new ArrayList<>();
    ModelStore store = ModelStore.inHome(home);
    try (TuneResult r = run(settings(TuneSettings.Method.FULL), Tiny.backbone(1), losses)) {
      System.out.println("full fine-tuning, mean loss per epoch: " + losses);
      assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.7);
      assertThat(r.heldOut().accuracy()).isGreaterThan(0.8);
      assertThat(r.trainedWeights()).isGreaterThan(r.encoderWeights());
      TextModel saved = TunedModels.save(store, "notes", r, n -> Tiny.backbone(1));
      List<String> texts = List.of("today I had salad and water", "soda again, plus candy at night", "run");
      float[][] before = new float[texts.size()][];
      for (int i = 0; i < texts.size(); i++) {
        before[i] = r.classifier().embed(List.of(texts.get(i)))[0]; // one at a time, as classify does
      }
      TextModel loaded = store.load("notes");
      try (Encoder e = TunedModels.open(store, loaded, n -> Tiny.backbone(1))) {
        // Loaded weights must own their memory: collect the garbage the loading left, then read them.
        System.gc();
        for (int i = 0; i < texts.size(); i++) {
          assertThat(e.embed(texts.get(i))).containsExactly(before[i]);
          assertThat(loaded.classify(e, texts.get(i)).label()).isEqualTo(saved.predict(before[i]).label());
          assertThat(loaded.classify(e, texts.get(i)).probability())
              .isEqualTo(saved.predict(before[i]).probability());
        }
      }
    }
  }

  @Test
  void lora_trainsOnlyItsAdapters_savesOnlyThem_andRefusesAnotherBase() throws Exception {
    List<Double> losses = new ArrayList<>();
    ModelStore store = ModelStore.inHome(home);
    // Without dropout: this checks what trains and what is saved, and a random tiny encoder's
    // adapters learn too slowly under dropout for the loss check within four epochs.
    TuneSettings s = settings(TuneSettings.Method.LORA).withDropout(0);
    try (TuneResult r = run(s, Tiny.backbone(1), losses)) {
      System.out.println("LoRA, mean loss per epoch: " + losses);
      assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.7);
      // 2 layers x (q, v) x (A 32x8 + B 8x32) + head 32x2 + 2
      assertThat(r.trainedWeights()).isEqualTo(2 * 2 * (32 * 8 + 8 * 32) + 32 * 2 + 2);
      assertThat(r.trainedWeights()).isLessThan(r.encoderWeights() / 100);
      TextModel saved = TunedModels.save(store, "notes", r, n -> Tiny.backbone(1));
      Path weights = store.dir().resolve(saved.encoder().substring(TunedModels.PREFIX.length()));
      assertThat(Files.size(weights)).isLessThan(20_000);
      String text = "lots of beer, then fries";
      float[] before = r.classifier().embed(List.of(text))[0];
      try (Encoder e = TunedModels.open(store, store.load("notes"), n -> Tiny.backbone(1))) {
        assertThat(e.embed(text)).containsExactly(before);
      }
      assertThatThrownBy(() -> TunedModels.open(store, store.load("notes"), n -> Tiny.backbone(2)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("SHA-256")
          .hasMessageContaining("only fits its own base");
    }
  }

  @Test
  void damagedWeights_andAMissingFile_areRefusedByName() throws Exception {
    ModelStore store = ModelStore.inHome(home);
    try (TuneResult r = run(settings(TuneSettings.Method.LORA).withEpochs(1), Tiny.backbone(1), new ArrayList<>())) {
      TextModel saved = TunedModels.save(store, "notes", r, n -> Tiny.backbone(1));
      Path weights = store.dir().resolve(saved.encoder().substring(TunedModels.PREFIX.length()));
      byte[] bytes = Files.readAllBytes(weights);
      bytes[bytes.length - 5] ^= 0x55;
      Files.write(weights, bytes);
      assertThatThrownBy(() -> TunedModels.open(store, saved, n -> Tiny.backbone(1)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("damaged");
      Files.delete(weights);
      assertThatThrownBy(() -> TunedModels.open(store, saved, n -> Tiny.backbone(1)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("missing");
    }
  }

  @Test
  void anInterruptedSave_leavesThePreviousModel_andSavingAgainLeavesOneWeightsFile() throws Exception {
    ModelStore store = ModelStore.inHome(home);
    TuneSettings s = settings(TuneSettings.Method.LORA).withEpochs(1);
    try (TuneResult a = run(s, Tiny.backbone(1), new ArrayList<>());
        TuneResult b = run(s.withSeed(9), Tiny.backbone(1), new ArrayList<>())) {
      TextModel first = TunedModels.save(store, "notes", a, n -> Tiny.backbone(1));
      // A run stopped while saving leaves temporary files only: the previous model still loads whole.
      Files.writeString(store.dir().resolve("notes.json.tmp"), "{\"half\": ");
      Files.write(store.dir().resolve("notes.0123456789ab.tuned.tmp"), new byte[] {1, 2, 3});
      try (Encoder e = TunedModels.open(store, store.load("notes"), n -> Tiny.backbone(1))) {
        assertThat(e.embed("fruit and water")).containsExactly(a.classifier().embed(List.of("fruit and water"))[0]);
      }
      assertThat(store.load("notes").encoder()).isEqualTo(first.encoder());
      TextModel second = TunedModels.save(store, "notes", b, n -> Tiny.backbone(1));
      try (Stream<Path> files = Files.list(store.dir())) {
        assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).sorted())
            .containsExactlyInAnyOrder("notes.json", second.encoder().substring(TunedModels.PREFIX.length()));
      }
    }
  }

  @Test
  void tooLittleData_andLabelsOnlyInTest_areRefusedBeforeTraining() {
    FineTuner t = new FineTuner(Tiny.backbone(1), settings(TuneSettings.Method.LORA), CLOCK, null);
    Dataset tiny =
        new Dataset("few.csv", Format.CSV, Map.of(Dataset.ALL, List.of(
            new Example("good walk", "healthy"), new Example("soda", "unhealthy"),
            new Example("fresh fruit", "healthy"), new Example("candy", "unhealthy"))));
    assertThatThrownBy(() -> t.parts(tiny))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("few.csv: too little data for a dev split");
    List<Example> val = new ArrayList<>(Tiny.notes(3, 3).split(Dataset.ALL));
    val.add(new Example("a glass of wine", "neutral"));
    Dataset ownSplits =
        new Dataset("odd.json", Format.CLINC150, Map.of("train", Tiny.notes(10, 3).split(Dataset.ALL), "val", val));
    assertThatThrownBy(() -> t.parts(ownSplits))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("odd.json: label 'neutral' is in the dev split but not in training");
  }

  @Test
  void outOfScopeLabel_getsARejectionThresholdChosenOnDev_andTheSavedModelRejects() {
    // CLINC150's shape: its own train and val splits, and an "oos" class among the labels.
    Dataset data =
        new Dataset("intents.json", Format.CLINC150, Map.of("train", withOos(Tiny.notes(30, 7), 20, 1), "val",
            withOos(Tiny.notes(8, 9), 6, 2)));
    ModelStore store = ModelStore.inHome(home);
    try (TuneResult r = new FineTuner(Tiny.backbone(1), settings(TuneSettings.Method.FULL), CLOCK, null).train(data)) {
      assertThat(r.rejectLabel()).isEqualTo("oos");
      assertThat(r.rejectBelow()).isBetween(0.0, 0.95);
      assertThat(r.heldOutWithoutReject()).isNotNull();
      // Held out is val, where the threshold was chosen: it can only keep or raise the accuracy.
      assertThat(r.heldOut().accuracy()).isGreaterThanOrEqualTo(r.heldOutWithoutReject().accuracy());
      TextModel saved = TunedModels.save(store, "intents", r, n -> Tiny.backbone(1));
      assertThat(saved.rejectLabel()).isEqualTo("oos");
      assertThat(saved.rejectBelow()).isEqualTo(r.rejectBelow());
      assertThat(saved.info().scores()).containsEntry("oos_threshold", r.rejectBelow())
          .containsKeys("val_in_scope_accuracy", "val_oos_recall");
      TextModel loaded = store.load("intents");
      assertThat(loaded.rejectBelow()).isEqualTo(r.rejectBelow());
      try (Encoder e = TunedModels.open(store, loaded, n -> Tiny.backbone(1))) {
        // A threshold above every probability rejects everything; the saved one is what classify uses.
        TextModel always =
            new TextModel(loaded.encoder(), loaded.labels(), loaded.head(), "oos", 1.0, loaded.info());
        assertThat(always.classify(e, "today I had salad and water").label()).isEqualTo("oos");
        float[] v = e.embed("lots of soda, then candy");
        String expected =
            loaded.predict(v).probability() < r.rejectBelow() ? "oos" : loaded.predict(v).top().get(0).label();
        assertThat(loaded.classify(e, "lots of soda, then candy").label()).isEqualTo(expected);
      }
    }
    // Without an oos label there is no threshold.
    try (TuneResult r = new FineTuner(Tiny.backbone(1), settings(TuneSettings.Method.LORA), CLOCK, null)
        .train(Tiny.notes(20, 7))) {
      assertThat(r.rejectLabel()).isEmpty();
      assertThat(r.rejectBelow()).isZero();
      assertThat(r.heldOutWithoutReject()).isNull();
    }
  }

  /** The notes plus {@code n} sentences about something else, labelled oos. */
  private static List<Example> withOos(Dataset notes, int n, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<String> other = List.of("weather", "stocks", "flights", "alarm", "music", "taxes", "traffic", "movies");
    List<Example> out = new ArrayList<>(notes.split(Dataset.ALL));
    for (int i = 0; i < n; i++) {
      out.add(new Example("what about the " + other.get(r.nextInt(8)) + " and " + other.get(r.nextInt(8)), "oos"));
    }
    return out;
  }

  @Test
  void schedule_warmsUpThenFallsToZero() {
    assertThat(TuneSettings.schedule(1.0, 0, 10, 0.2)).isEqualTo(0.5);
    assertThat(TuneSettings.schedule(1.0, 1, 10, 0.2)).isEqualTo(1.0);
    assertThat(TuneSettings.schedule(1.0, 2, 10, 0.2)).isEqualTo(1.0);
    assertThat(TuneSettings.schedule(1.0, 6, 10, 0.2)).isEqualTo(0.5);
    assertThat(TuneSettings.schedule(1.0, 10, 10, 0.2)).isEqualTo(0.0);
  }

  @Test
  void dropout_actsOnlyInATrainingPass() {
    Backbone b = Tiny.backbone(3);
    try (Transformer t = b.weights().get();
        ai.djl.ndarray.NDManager m = t.manager().newSubManager()) {
      ai.djl.ndarray.NDList batch =
          new Tokens(b.tokenizerJson(), 32).batch(m, List.of("salad and water", "candy again, plus soda at night"));
      float[] inference = t.embed(batch.get(0), batch.get(1)).toFloatArray();
      assertThat(t.embed(batch.get(0), batch.get(1), 0f).toFloatArray()).containsExactly(inference);
      assertThat(t.embed(batch.get(0), batch.get(1)).toFloatArray()).containsExactly(inference);
      float[] training = t.embed(batch.get(0), batch.get(1), 0.3f).toFloatArray();
      assertThat(training).hasSameSizeAs(inference);
      assertThat(training).isNotEqualTo(inference);
      // Inverted dropout: about 30% zeroed, the rest scaled by 1 / 0.7 to keep the expectation.
      float[] ones = Transformer.drop(m.ones(new ai.djl.ndarray.types.Shape(10_000)), 0.3f).toFloatArray();
      int zeros = 0;
      for (float v : ones) {
        if (v == 0f) {
          zeros++;
        } else {
          assertThat(v).isCloseTo(1 / 0.7f, org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
      assertThat(zeros).isBetween(2_800, 3_200);
    }
    assertThatThrownBy(() -> TuneSettings.defaults(TuneSettings.Method.FULL).withDropout(1.0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("dropout must be in [0, 1)");
  }

  @Test
  void theSameSeed_trainsTheSameModel_withDropout() {
    TuneSettings s = settings(TuneSettings.Method.FULL).withEpochs(2).withDropout(0.2);
    String text = "soda again, plus candy at night";
    try (TuneResult a = run(s, Tiny.backbone(1), new ArrayList<>());
        TuneResult b = run(s, Tiny.backbone(1), new ArrayList<>());
        TuneResult c = run(s.withSeed(7), Tiny.backbone(1), new ArrayList<>())) {
      float[] first = a.classifier().embed(List.of(text))[0];
      assertThat(b.classifier().embed(List.of(text))[0]).containsExactly(first);
      assertThat(b.epochLoss()).isEqualTo(a.epochLoss());
      assertThat(c.classifier().embed(List.of(text))[0]).isNotEqualTo(first);
    }
  }
}
