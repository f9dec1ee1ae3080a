package dev.autonomy.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.ask.Answer;
import dev.autonomy.text.classify.HeadSettings;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.TextTrainer;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.Encoders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The person's own text models in the engine: the notes' health score and ask read with them once chosen. */
class PersonModelsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-21T08:00:00Z"), ZoneOffset.UTC);
  private static final String ENCODER = "all-minilm-l6-v2-q";

  @TempDir Path home;
  @TempDir Path data;
  private final List<String> noteOfDay = new ArrayList<>();

  private static Dataset dataset(String name, Map<String, List<String>> byLabel) {
    List<Example> out = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
        for (String text : e.getValue()) {
          out.add(new Example(text + (round == 0 ? "" : " " + List.of("today", "again", "tonight").get(round - 1)),
              e.getKey()));
        }
      }
    }
    return new Dataset(name, Format.CSV, Map.of(Dataset.ALL, out));
  }

  private static void train(ModelStore store, String name, Dataset d) {
    try (Encoders encoders = Encoders.open()) {
      store.save(name, new TextTrainer(HeadSettings.logreg(), 7, InstantSource.fixed(CLOCK.instant()))
          .train(d, encoders.get(ENCODER)).model());
    }
  }

  private Path notes() throws IOException {
    Path csv = data.resolve("events.csv");
    StringBuilder text = new StringBuilder("time,kind,amount,unit,category,text\n");
    String[] notes = {"ate a big salad and went for a long run", "three beers and fries at midnight",
        "slept eight hours, walked to work", "skipped lunch, candy and soda all afternoon"};
    SplittableRandom r = new SplittableRandom(1);
    for (int d = 1; d <= 20; d++) {
      noteOfDay.add(notes[r.nextInt(notes.length)]);
      text.append(String.format("2026-01-%02dT19:00:00Z,note,0,none,,%s%n", d, noteOfDay.get(d - 1)));
    }
    Files.writeString(csv, text);
    return csv;
  }

  @Test
  void healthScoreAndAsk_readWithThePersonsModels_onceChosen_andTheBuiltInAgainAfter() throws IOException {
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      a.importPath(notes(), null, null);
      ModelStore store = a.files().textModels();
      train(store, "my-health", dataset("health.csv", Map.of(
          "healthy", List.of("salad and a run", "fruit and water", "slept well and walked", "yoga then vegetables",
              "cycled to work", "early night, no screens"),
          "unhealthy", List.of("beer and fries", "candy and soda", "pizza at midnight", "smoked a pack",
              "skipped sleep for games", "fast food twice"))));
      train(store, "my-intents", dataset("intents.csv", Map.of(
          "move", List.of("I want to go for a run", "let's do some exercise", "time to hit the gym", "a bike ride"),
          "rest", List.of("I need a nap", "I want to lie down", "let me relax on the sofa", "time to sleep"),
          "oos", List.of("what is the capital of france", "convert ten dollars to euros", "who won the game",
              "what's the weather like"))));
      Situation today = new Situation(ZonedDateTime.now(CLOCK), Map.of());
      double builtIn = a.features(today).value("notes_health").orElseThrow();

      PersonModels models = a.textModels();
      assertThatThrownBy(() -> models.use(TextTask.HEALTH, "my-intents"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("exactly the labels healthy and unhealthy");
      assertThatThrownBy(() -> models.use(TextTask.INTENT, "my-health"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("desire codes");
      assertThatThrownBy(() -> models.use(TextTask.HEALTH, "nope")).isInstanceOf(InvalidInputException.class);
      assertThat(models.chosen()).isEmpty();

      models.use(TextTask.HEALTH, "my-health");
      double mine = a.features(today).value("notes_health").orElseThrow();
      // yesterday's note read by the person's model, not the built-in one
      String yesterday = noteOfDay.get(19);
      double expected = models.read(TextTask.HEALTH, yesterday).orElseThrow().prediction().top().stream()
          .filter(t -> t.label().equals("healthy")).findFirst().orElseThrow().probability();
      assertThat(mine).isCloseTo(expected, within(1e-9));
      assertThat(mine).isNotEqualTo(builtIn);

      models.use(TextTask.INTENT, "my-intents");
      Answer run = a.ask("I want to go for a run", new Situation(ZonedDateTime.now(CLOCK), Map.of()), 3);
      assertThat(run.reader()).isEqualTo("my-intents");
      assertThat(run.intent().desire()).isEqualTo(DesireType.MOVE);
      assertThat(run.view()).extractingByKey("understood").asString().contains("model=my-intents");
      Answer other = a.ask("convert ten dollars to euros", new Situation(ZonedDateTime.now(CLOCK), Map.of()), 3);
      assertThat(other.reader()).isEqualTo(Answer.BUILT_IN); // its "oos" is not a desire: the built-in reads it

      assertThat(models.useBuiltIn(TextTask.HEALTH)).isTrue();
      assertThat(a.features(today).value("notes_health").orElseThrow()).isEqualTo(builtIn);
      assertThat(models.chosen()).containsOnlyKeys(TextTask.INTENT);
    }
  }
}
