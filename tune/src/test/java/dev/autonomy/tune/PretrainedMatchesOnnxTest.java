package dev.autonomy.tune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedMatchesOnnxTest {
  private static final List<String> SENTENCES =
      List.of(
          "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.",
          "I slept badly and skipped breakfast again.",
          "what is the weather like in boston tomorrow",
          "The company said it would cut 200 jobs.",
          "A long walk by the river cleared my head.",
          "Set an alarm for 6:30 am please",
          "Sales in Finland decreased by 10.5 % in January.",
          "Too much coffee, no water, and three hours of sleep.",
          "Hi",
          "今天我吃了很多蔬菜，还跑了五公里。");

  @Test
  void loadedWeights_embedLikeOnnxRuntimeOnTheSameFile() {
    assertEmbedLike(BaseModel.MINILM, new AllMiniLmL6V2EmbeddingModel());
  }

  /**
   * The 12-layer base: the same mapping of unnamed projections holds for its exporter's file. The
   * reference is ONNX Runtime on the same FP32 file, pooled both ways: the mean (the default) and
   * the first token (BGE's own way, {@code --pooling cls}).
   */
  @Test
  void bgeSmallEn_loadedWeights_embedLikeOnnxRuntimeOnTheSameFile(@TempDir Path dir) throws IOException {
    assertEmbedLikePooled(BaseModel.BGE_SMALL_EN, dir, Pooling.MEAN);
    assertEmbedLikePooled(BaseModel.BGE_SMALL_EN, dir, Pooling.CLS);
  }

  /** The Chinese base: another vocabulary, width and depth (4 layers of 512, 8 heads). */
  @Test
  void bgeSmallZh_loadedWeights_embedLikeOnnxRuntimeOnTheSameFile(@TempDir Path dir) throws IOException {
    assertEmbedLikePooled(BaseModel.BGE_SMALL_ZH, dir, Pooling.MEAN);
    assertEmbedLikePooled(BaseModel.BGE_SMALL_ZH, dir, Pooling.CLS);
  }

  private static void assertEmbedLikePooled(BaseModel base, Path dir, Pooling pooling) throws IOException {
    Path model = dir.resolve("model.onnx");
    Path tokenizer = dir.resolve("tokenizer.json");
    Files.write(model, base.onnxBytes());
    Files.write(tokenizer, base.tokenizerBytes());
    PoolingMode mode = pooling == Pooling.CLS ? PoolingMode.CLS : PoolingMode.MEAN;
    assertEmbedLike(base, new OnnxEmbeddingModel(model, tokenizer, mode), pooling);
  }

  private static void assertEmbedLike(BaseModel base, EmbeddingModel onnx) {
    assertEmbedLike(base, onnx, Pooling.MEAN);
  }

  private static void assertEmbedLike(BaseModel base, EmbeddingModel onnx, Pooling pooling) {
    try (Transformer t = base.load();
        Tokens tokens = base.tokens(512)) {
      t.usePooling(pooling);
      for (String s : SENTENCES) {
        float[] expected = onnx.embed(s).content().vector();
        NDList batch = tokens.batch(t.manager(), List.of(s));
        NDArray got = t.embed(batch.get(0), batch.get(1));
        float[] actual = got.toFloatArray();
        batch.close();
        got.close();
        assertThat(actual).hasSize(expected.length);
        for (int j = 0; j < expected.length; j++) {
          assertThat(actual[j]).as("%s %s [%d]", pooling, s, j).isCloseTo(expected[j], org.assertj.core.data.Offset.offset(1e-4f));
        }
      }
    }
  }
}
