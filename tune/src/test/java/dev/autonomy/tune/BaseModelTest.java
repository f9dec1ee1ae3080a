package dev.autonomy.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class BaseModelTest {
  @Test
  void forEncoder_autoIsTheDefault_andAQuantisedNameMeansItsFp32Base() {
    assertThat(BaseModel.forEncoder("auto")).isEqualTo(BaseModel.MINILM);
    assertThat(BaseModel.forEncoder("all-minilm-l6-v2-q")).isEqualTo(BaseModel.MINILM);
    assertThat(BaseModel.forEncoder("bge-small-en-v15-q")).isEqualTo(BaseModel.BGE_SMALL_EN);
    assertThat(BaseModel.forEncoder("bge-small-zh-v15")).isEqualTo(BaseModel.BGE_SMALL_ZH);
  }

  @Test
  void forEncoder_namesTheBasesThereAre_whenOneIsUnknown() {
    assertThatThrownBy(() -> BaseModel.forEncoder("e5-small-v2"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown base model 'e5-small-v2'; expected one of [all-minilm-l6-v2, bge-small-en-v15, bge-small-zh-v15]");
  }

  @Test
  void everyBaseShipsItsWeightsAndTokenizer_andTheirShapesDiffer() {
    for (BaseModel b : BaseModel.all()) {
      assertThat(BaseModel.class.getClassLoader().getResource(b.onnxResource())).as(b.name()).isNotNull();
      assertThat(BaseModel.class.getClassLoader().getResource(b.tokenizerResource())).as(b.name()).isNotNull();
    }
    assertThat(BaseModel.BGE_SMALL_EN.config().layers()).isEqualTo(2 * BaseModel.MINILM.config().layers());
    assertThat(BaseModel.BGE_SMALL_ZH.config().vocab()).isNotEqualTo(BaseModel.MINILM.config().vocab());
  }
}
