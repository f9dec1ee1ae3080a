package dev.autonomy.text.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentWatchTest {
  /** A fake classifier: "loss" in a headline means negative. */
  static List<String> fake(List<String> texts) {
    return texts.stream().map(t -> t.contains("loss") ? "negative" : "neutral").toList();
  }

  static List<Headline> days(int[] negatives, int perDay) {
    List<Headline> out = new ArrayList<>();
    LocalDate start = LocalDate.of(2026, 3, 1);
    for (int d = 0; d < negatives.length; d++) {
      for (int i = 0; i < perDay; i++) {
        out.add(new Headline(start.plusDays(d), i < negatives[d] ? "profit warning: loss " + i : "results in line " + i));
      }
    }
    return out;
  }

  @Test
  void spike_raisesAnAlert_steadyDaysDoNot() {
    List<DayShare> rows = new SentimentWatch(WatchRule.standard()).watch(days(new int[] {2, 1, 2, 2, 1, 2, 2, 7}, 10), SentimentWatchTest::fake);
    assertThat(rows).hasSize(8);
    assertThat(rows.subList(0, 7)).noneMatch(DayShare::alert);
    DayShare last = rows.get(7);
    assertThat(last.share()).isEqualTo(0.7);
    assertThat(last.baselineMean()).isCloseTo(12.0 / 70, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(last.alert()).isTrue();
    assertThat(rows.get(0).baselineMean()).isNaN();
  }

  @Test
  void smallDays_neverAlert() {
    List<DayShare> rows = new SentimentWatch(WatchRule.standard()).watch(days(new int[] {0, 0, 0, 0, 4}, 4), SentimentWatchTest::fake);
    assertThat(rows.get(4).share()).isEqualTo(1.0);
    assertThat(rows.get(4).alert()).isFalse(); // 4 headlines < 5
  }

  @Test
  void reader_takesTabAndJsonLines_andNamesBadLines(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("h.txt");
    Files.writeString(f, "2026-03-01\tShares fall\n{\"date\":\"2026-03-02\",\"text\":\"Profit up\"}\n\n");
    assertThat(HeadlineReader.read(f)).containsExactly(
        new Headline(LocalDate.of(2026, 3, 1), "Shares fall"), new Headline(LocalDate.of(2026, 3, 2), "Profit up"));
    Files.writeString(f, "2026-03-01\tok\n03/02/2026\tbad date\n");
    assertThatThrownBy(() -> HeadlineReader.read(f)).isInstanceOf(InvalidInputException.class).hasMessageContaining("h.txt:2: field 'date'");
    Files.writeString(f, "");
    assertThatThrownBy(() -> HeadlineReader.read(f)).hasMessageContaining("no headlines");
  }
}
