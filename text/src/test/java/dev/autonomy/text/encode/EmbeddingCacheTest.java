package dev.autonomy.text.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {
  /** Remembers every text it was asked to encode. */
  static class Recording extends HashingEncoder {
    final List<String> asked = new ArrayList<>();

    Recording() {
      super(16);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      asked.addAll(texts);
      return super.embedAll(texts);
    }
  }

  @Test
  void aListOverlappingAnEarlierOne_encodesOnlyItsNewSentences_withTheSameVectors() {
    Recording enc = new Recording();
    EmbeddingCache cache = new EmbeddingCache();
    float[][] sample = cache.embed(enc, List.of("rain today", "warm sun"));
    List<Integer> progress = new ArrayList<>();
    float[][] whole = cache.embed(enc, List.of("cold ice", "warm sun", "rain today", "dry wind"), progress::add);
    assertThat(enc.asked).containsExactly("rain today", "warm sun", "cold ice", "dry wind");
    assertThat(whole[1]).isSameAs(sample[1]);
    assertThat(whole[2]).isSameAs(sample[0]);
    assertThat(whole[0]).containsExactly(enc.embed("cold ice"));
    assertThat(whole[3]).containsExactly(enc.embed("dry wind"));
    assertThat(progress).containsExactly(4);
  }

  @Test
  void sentencesAreKeptPerEncoder() {
    Recording one = new Recording();
    Recording other = new Recording() {
      @Override
      public String name() {
        return "other";
      }
    };
    EmbeddingCache cache = new EmbeddingCache();
    cache.embed(one, List.of("rain today"));
    cache.embed(other, List.of("rain today", "warm sun"));
    assertThat(other.asked).containsExactly("rain today", "warm sun");
  }
}
