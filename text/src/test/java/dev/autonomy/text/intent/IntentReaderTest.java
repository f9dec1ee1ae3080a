package dev.autonomy.text.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.health.HealthLabel;
import dev.autonomy.text.health.HealthNoteClassifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sentences here are not in the built-in sets; the heads must generalise to them. */
class IntentReaderTest {
  static Encoders encoders;
  static IntentReader reader;

  @BeforeAll
  static void open() {
    encoders = Encoders.open();
    reader = new IntentReader(encoders);
  }

  @AfterAll
  static void close() {
    encoders.close();
  }

  @Test
  void unseenSentences_mapToTheRightDesire_inBothLanguages() {
    Map<String, DesireType> cases = new java.util.LinkedHashMap<>();
    cases.put("I'd like to go running along the river", DesireType.MOVE);
    cases.put("I'm worn out and want to stay in bed", DesireType.REST);
    cases.put("Let's visit a town we have never seen", DesireType.EXPLORE);
    cases.put("I need to pick up a new pair of jeans", DesireType.BUY);
    cases.put("I have to spend less this month", DesireType.SAVE);
    cases.put("晚饭后想出去跑几公里", DesireType.MOVE);
    cases.put("好困，想回家睡一觉", DesireType.REST);
    cases.put("周末想去一个陌生的城市逛逛", DesireType.EXPLORE);
    cases.put("想给自己买一块新手表", DesireType.BUY);
    cases.put("这个月要控制开销多存点钱", DesireType.SAVE);
    int right = 0;
    StringBuilder misses = new StringBuilder();
    for (Map.Entry<String, DesireType> c : cases.entrySet()) {
      Intent intent = reader.read(c.getKey());
      if (intent.desire() == c.getValue()) {
        right++;
      } else {
        misses.append(c.getKey()).append(" -> ").append(intent.desire()).append("; ");
      }
      assertThat(intent.confidence()).isBetween(0.0, 1.0);
    }
    assertThat(right).as("misses: %s", misses).isGreaterThanOrEqualTo(9);
  }

  @Test
  void issueExamples_readWithContext() {
    Intent zh = reader.read("想找个安静的地方看书");
    assertThat(zh.desire()).isEqualTo(DesireType.REST);
    assertThat(zh.language()).isEqualTo("zh");
    assertThat(zh.context()).containsEntry("quiet", "true").containsEntry("activity", "reading");
    Intent en = reader.read("I want to go for a run");
    assertThat(en.desire()).isEqualTo(DesireType.MOVE);
    assertThat(en.language()).isEqualTo("en");
    assertThat(en.context()).containsEntry("place", "outdoor").containsEntry("activity", "running");
    assertThat(reader.context("a quiet cafe tonight")).containsEntry("place", "indoor").containsEntry("quiet", "true").containsEntry("time", "evening");
    assertThat(reader.context("I ran")).doesNotContainKey("activity"); // whole words only
    assertThatThrownBy(() -> reader.read(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void healthNotes_unseenAreLabelled() {
    HealthNoteClassifier health = new HealthNoteClassifier(encoders);
    List<String> healthy = List.of("Jogged around the lake and ate a light salad", "今天早睡早起，还去游了泳");
    List<String> unhealthy = List.of("Stayed up all night drinking whisky", "半夜吃了两包辣条，还熬夜打游戏");
    for (String t : healthy) {
      HealthLabel l = health.classify(t);
      assertThat(l.label()).as(t).isEqualTo(HealthLabel.HEALTHY);
      assertThat(l.probability()).isBetween(0.5, 1.0);
    }
    for (String t : unhealthy) {
      assertThat(health.classify(t).unhealthyProbability()).as(t).isGreaterThan(0.5);
    }
  }
}
