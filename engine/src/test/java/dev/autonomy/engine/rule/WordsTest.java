package dev.autonomy.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {
  @ParameterizedTest
  @CsvSource({"swim,swimming", "swim,swims", "run,running", "cycle,cycling", "hike,hiking", "read,reading", "ride,rides", "walk,walks"})
  void stem_matchesInflections(String base, String inflected) {
    assertThat(Words.stem(inflected)).isEqualTo(Words.stem(base));
  }

  @ParameterizedTest
  @CsvSource({"swim,sweep", "run,rain", "gym,game"})
  void stem_keepsDifferentWordsApart(String a, String b) {
    assertThat(Words.stem(a)).isNotEqualTo(Words.stem(b));
  }
}
