package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.text.data.Example;
import dev.autonomy.text.encode.HashingEncoder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramsTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z"));

  @TempDir Path home;

  @Test
  void tokens_keepNumbersAndSplitIdeographs() {
    assertThat(Ngrams.tokens("Operating profit FELL to EUR 6.2 mn from 16,8 mn."))
        .containsExactly("operating", "profit", "fell", "to", "eur", "6.2", "mn", "from", "16,8", "mn");
    assertThat(Ngrams.tokens("去故宫 by taxi")).containsExactly("去", "故", "宫", "by", "taxi");
    assertThat(Ngrams.tokens("  ... ")).isEmpty();
  }

  @Test
  void features_areBinaryUnitLengthAndStable() {
    String text = "Net sales rose 12 % while the operating loss decreased";
    SparseVector a = Ngrams.DEFAULT.features(text);
    SparseVector b = new Ngrams(1 << 15, 2, 0).features(text);
    assertThat(a.indices()).containsExactly(b.indices());
    assertThat(a.values()).containsExactly(b.values());
    // 9 unigrams + <num> + 8 bigrams, barring hash collisions
    assertThat(a.size()).isBetween(16, 18);
    double norm = 0;
    for (float v : a.values()) {
      norm += v * v;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(Ngrams.DEFAULT.features("profit rose").indices())
        .isNotEqualTo(Ngrams.DEFAULT.features("profit fell").indices());
    assertThat(Ngrams.DEFAULT.features("").size()).isZero();
  }

  @Property(tries = 200)
  void features_areSortedDistinctAndInRange(@ForAll String text) {
    Ngrams n = new Ngrams(256, 3, 5);
    int[] idx = n.features(text).indices();
    for (int i = 0; i < idx.length; i++) {
      assertThat(idx[i]).isBetween(0, 255);
      if (i > 0) {
        assertThat(idx[i]).isGreaterThan(idx[i - 1]);
      }
    }
    assertThat(n.features(text).indices()).containsExactly(idx);
  }

  @Test
  void badSpecs_areRefused() {
    assertThatThrownBy(() -> new Ngrams(1000, 2, 0)).hasMessageContaining("power of two");
    assertThatThrownBy(() -> new Ngrams(1024, 4, 0)).hasMessageContaining("maxN");
    assertThatThrownBy(() -> HeadSettings.logreg().withFeatures("chars")).hasMessageContaining("unknown features 'chars'");
  }

  @Test
  void ngrams_learnWhatAWeakEmbeddingMisses() {
    HashingEncoder weak = new HashingEncoder(2);
    TrainResult plain = new TextTrainer(HeadSettings.logreg(), 3, CLOCK).train(ModelStoreTest.words(300, 1), weak);
    TrainResult wide =
        new TextTrainer(HeadSettings.logreg().withFeatures(HeadSettings.EMBEDDING_NGRAMS), 3, CLOCK)
            .train(ModelStoreTest.words(300, 1), weak);
    assertThat(wide.model().head()).isInstanceOf(WideHead.class);
    assertThat(wide.heldOut().accuracy()).isGreaterThan(0.9).isGreaterThan(plain.heldOut().accuracy());
    assertThat(HeadTrainer.LEXICAL_RATES).contains(wide.model().info().settings().lexicalRate());
  }

  @Test
  void wideModels_saveAndReloadWithIdenticalPredictions() {
    HashingEncoder enc = new HashingEncoder(8);
    for (HeadSettings s : List.of(HeadSettings.logreg(), HeadSettings.mlp().withMaxEpochs(10))) {
      HeadSettings wide = s.withFeatures(HeadSettings.EMBEDDING_NGRAMS);
      TextModel model = new TextTrainer(wide, 5, CLOCK).train(ModelStoreTest.words(300, 2), enc).model();
      ModelStore store = ModelStore.inHome(home);
      store.save("wide-" + s.kind(), model);
      TextModel loaded = store.load("wide-" + s.kind());
      assertThat(loaded.head()).isInstanceOf(WideHead.class);
      assertThat(loaded.head().kind()).isEqualTo(s.kind());
      assertThat(loaded.info().settings().features()).isEqualTo(HeadSettings.EMBEDDING_NGRAMS);
      assertThat(loaded.info().settings().lexicalRate()).isEqualTo(model.info().settings().lexicalRate());
      assertThat(loaded.info().settings().lexicalL2()).isEqualTo(model.info().settings().lexicalL2());
      assertThat(HeadTrainer.LEXICAL_L2S).contains(model.info().settings().lexicalL2());
      for (String t : List.of("rain and storm", "warm sun today", "ice cold frost", "nothing known here 42")) {
        assertThat(loaded.head().probabilities(enc.embed(t), t))
            .containsExactly(model.head().probabilities(enc.embed(t), t));
        assertThat(loaded.classify(enc, t)).isEqualTo(model.classify(enc, t));
      }
      assertThatThrownBy(() -> loaded.predict(enc.embed("rain"))).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("n-grams");
    }
  }

  @Test
  void filesWithoutLexicalL2_loadWithTheDenseL2() throws java.io.IOException {
    HashingEncoder enc = new HashingEncoder(8);
    HeadSettings wide = HeadSettings.logreg().withFeatures(HeadSettings.EMBEDDING_NGRAMS).withLexicalL2(1e-4);
    TextModel model = new TextTrainer(wide, 5, CLOCK).train(ModelStoreTest.words(150, 2), enc).model();
    ModelStore store = ModelStore.inHome(home);
    java.nio.file.Path file = store.save("old", model);
    String json = java.nio.file.Files.readString(file);
    assertThat(json).contains("\"lexical_l2\"");
    java.nio.file.Files.writeString(file, json.replaceAll(",\\s*\"lexical_l2\"\\s*:\\s*[0-9.eE+-]+", ""));
    TextModel loaded = store.load("old");
    assertThat(loaded.info().settings().lexicalL2()).isEqualTo(loaded.info().settings().l2());
    assertThat(loaded.classify(enc, "rain and storm")).isEqualTo(model.classify(enc, "rain and storm"));
  }

  @Test
  void refit_learnsTrainAndDevForTheSelectedEpochs_deterministically() {
    List<Example> all = ModelStoreTest.words(240, 4).split(dev.autonomy.text.data.Dataset.ALL);
    HashingEncoder enc = new HashingEncoder(8);
    List<String> texts = all.stream().map(Example::text).toList();
    List<String> labels = List.of("rainy", "sunny", "snowy");
    int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    float[][] x = texts.stream().map(enc::embed).toArray(float[][]::new);
    int n = 200;
    float[][] trainX = java.util.Arrays.copyOf(x, n);
    float[][] devX = java.util.Arrays.copyOfRange(x, n, x.length);
    int[] trainY = java.util.Arrays.copyOf(y, n);
    int[] devY = java.util.Arrays.copyOfRange(y, n, y.length);
    HeadTrainer trainer = new HeadTrainer(HeadSettings.logreg().withFeatures(HeadSettings.EMBEDDING_NGRAMS).withMaxEpochs(8), 3);
    HeadFit selected = trainer.fitSelected(trainX, texts.subList(0, n), trainY, 3, devX, texts.subList(n, x.length), devY);
    HeadFit a = trainer.refit(selected, trainX, texts.subList(0, n), trainY, 3, devX, texts.subList(n, x.length), devY);
    HeadFit b = trainer.refit(selected, trainX, texts.subList(0, n), trainY, 3, devX, texts.subList(n, x.length), devY);
    assertThat(a.settings()).isEqualTo(selected.settings());
    assertThat(a.epochs()).isEqualTo(selected.bestEpoch());
    assertThat(a.bestEpoch()).isEqualTo(selected.bestEpoch());
    assertThat(a.devMacroF1()).isEmpty();
    assertThat(((WideHead) a.head()).weights()).isDeepEqualTo(((WideHead) b.head()).weights());
    assertThat(((WideHead) a.head()).weights()).isNotEqualTo(((WideHead) selected.head()).weights());
    int right = 0;
    for (int i = 0; i < x.length; i++) {
      right += HeadTrainer.argmax(a.head().probabilities(x[i], texts.get(i))) == y[i] ? 1 : 0;
    }
    assertThat((double) right / x.length).isGreaterThan(0.9);
    assertThat(trainer.refit(selected, trainX, texts.subList(0, n), trainY, 3, new float[0][], List.of(), new int[0]))
        .isSameAs(selected);
  }

  @Test
  void fitWithoutTexts_isRefusedForNgramSettings() {
    float[][] x = {{1f, 0f}, {0f, 1f}};
    assertThatThrownBy(() -> new HeadTrainer(HeadSettings.logreg().withFeatures(HeadSettings.EMBEDDING_NGRAMS), 1)
        .fit(x, new int[] {0, 1}, 2, new float[0][], new int[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need the texts");
  }
}
