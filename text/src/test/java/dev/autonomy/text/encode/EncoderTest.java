package dev.autonomy.text.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderTest {
  static Encoders encoders;

  @BeforeAll
  static void open() {
    encoders = Encoders.open();
  }

  @AfterAll
  static void close() {
    encoders.close();
  }

  static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void english_similarSentencesAreCloserThanUnrelated() {
    Encoder en = encoders.get(Encoders.MINILM);
    List<float[]> v = en.embedAll(List.of("I want to go for a run", "Let's go jogging", "What is my bank balance"));
    assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
    assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)));
    assertThat(en.embed("I want to go for a run")).containsExactly(v.get(0));
  }

  @Test
  void englishBge_givesUnitVectors_andRelatedSentencesAreCloser() {
    Encoder bge = encoders.get(Encoders.BGE_EN);
    assertThat(bge.dimension()).isEqualTo(384);
    List<float[]> v = bge.embedAll(List.of(
        "Operating profit rose sharply compared to last year",
        "Net sales increased and the margin improved",
        "Operating profit fell sharply compared to last year",
        "The cat sat on the mat"));
    assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
    // The same topic outranks an unrelated sentence, and the encoder's vectors are unit length.
    assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(3)));
    assertThat(cosine(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(encoders.names()).contains(Encoders.MINILM, Encoders.BGE_EN, Encoders.BGE_ZH);
  }

  @Test
  void onnxEncoders_giveTheVectorsOfLangchain4jsOwnModels() {
    // Ours run each sentence on one thread; langchain4j's classes open the same files with ONNX
    // Runtime's defaults. The vectors must not change with that.
    List<String> texts = List.of("what is my bank balance", "book a table for two at 7pm", "Operating profit rose sharply");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      Map<Encoder, EmbeddingModel> pairs = Map.of(
          encoders.get(Encoders.MINILM), new AllMiniLmL6V2QuantizedEmbeddingModel(pool),
          encoders.get(Encoders.BGE_EN), new BgeSmallEnV15QuantizedEmbeddingModel(pool));
      pairs.forEach((ours, theirs) -> {
        List<float[]> v = ours.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
          assertThat(v.get(i)).as(ours.name() + ": " + texts.get(i))
              .containsExactly(theirs.embed(texts.get(i)).content().vector(), org.assertj.core.data.Offset.offset(1e-6f));
        }
      });
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void chinese_similarSentencesAreCloserThanUnrelated() {
    Encoder zh = encoders.forLanguage(Language.ZH);
    assertThat(zh.name()).isEqualTo(Encoders.BGE_ZH);
    List<float[]> v = zh.embedAll(List.of("我想去跑步", "去慢跑吧", "我的银行卡余额是多少"));
    assertThat(v.get(0)).hasSize(512);
    assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)));
  }

  @Test
  void emptyText_isAClearError_andHugeLineIsTruncated() {
    Encoder en = encoders.get(Encoders.MINILM);
    assertThatThrownBy(() -> en.embed("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> en.embedAll(List.of("ok", ""))).hasMessageContaining("text 2 is empty");
    String huge = "market news ".repeat(90_000); // about 1 MB on one line
    float[] cut = en.embed(huge);
    assertThat(cut).hasSize(384);
    assertThat(cut).containsExactly(en.embed(huge.substring(0, Encoder.MAX_CHARS)));
  }

  @Test
  void language_isDetectedByCjkShare_andMixedScriptsStillEmbed() {
    assertThat(Language.detect("想找个安静的地方看书")).isEqualTo(Language.ZH);
    assertThat(Language.detect("I want to go for a run")).isEqualTo(Language.EN);
    assertThat(Language.detect("我想买 iPhone")).isEqualTo(Language.ZH);
    assertThat(Language.detect("buy 一个 new phone today please")).isEqualTo(Language.EN);
    assertThat(encoders.choose(Encoders.AUTO, List.of("你好", "谢谢")).name()).isEqualTo(Encoders.BGE_ZH);
    assertThat(Language.detect("我想买 iPhone 15 Pro")).isEqualTo(Language.EN); // 3 of 12 letters are CJK
    assertThat(encoders.forLanguage(Language.detect("我想买一个 iPhone")).embed("我想买一个 iPhone")).hasSize(512);
    assertThatThrownBy(() -> encoders.get("gpt-9")).isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown encoder 'gpt-9'");
  }

  @Test
  void cache_returnsTheSameVectorsFromDisk(@TempDir Path dir) {
    Encoder fake = new HashingEncoder(16);
    List<String> texts = List.of("a b", "c d e");
    float[][] first = new EmbeddingCache(dir).embed(fake, texts);
    float[][] again = new EmbeddingCache(dir).embed(new HashingEncoder(16) {
      @Override
      public List<float[]> embedAll(List<String> t) {
        throw new AssertionError("should have come from disk");
      }
    }, texts);
    assertThat(again).isDeepEqualTo(first);
  }
}
