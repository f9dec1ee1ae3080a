package dev.autonomy.text.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.Language;
import dev.autonomy.text.health.HealthNoteGenerator.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthNoteGeneratorTest {
  private static final List<Language> BOTH = List.of(Language.EN, Language.ZH);

  private static List<HealthNote> notes(Part part, int n, long seed) {
    return new HealthNoteGenerator(BOTH, part).generate(n, new SplittableRandom(seed));
  }

  @Test
  void generate_isTheSameForTheSameSeedAndDiffersForAnother() {
    assertThat(notes(Part.TRAIN, 200, 7)).isEqualTo(notes(Part.TRAIN, 200, 7));
    assertThat(notes(Part.TRAIN, 200, 7)).isNotEqualTo(notes(Part.TRAIN, 200, 8));
  }

  @Test
  void generate_isBalancedPerLabelAndLanguageAndDistinct() {
    for (Part part : Part.values()) {
      List<HealthNote> notes = notes(part, 1200, 42);
      Map<String, Long> cells = notes.stream()
          .collect(Collectors.groupingBy(n -> n.language() + "/" + n.label(), Collectors.counting()));
      assertThat(cells).as(part.code()).containsOnly(
          Map.entry("EN/healthy", 300L), Map.entry("EN/unhealthy", 300L),
          Map.entry("ZH/healthy", 300L), Map.entry("ZH/unhealthy", 300L));
      assertThat(notes.stream().map(HealthNote::text).distinct().count()).isEqualTo(1200);
      assertThat(notes.stream().filter(n -> n.language() == Language.ZH))
          .allMatch(n -> Language.detect(n.text()) == Language.ZH);
      assertThat(notes.stream().filter(n -> n.language() == Language.EN))
          .allMatch(n -> Language.detect(n.text()) == Language.EN);
    }
  }

  /** The habit phrasings a note contains: the act, and whether the phrasing says it was not done. */
  private record Match(NoteAct act, boolean undone) {}

  private static List<Match> matches(HealthNote note) {
    String text = note.text().toLowerCase(Locale.ROOT);
    List<Match> found = new ArrayList<>();
    for (NoteAct act : NoteLexicon.ACTS) {
      for (String p : act.done()) {
        if (text.contains(p.toLowerCase(Locale.ROOT))) {
          found.add(new Match(act, false));
        }
      }
      for (String p : act.undone()) {
        if (text.contains(p.toLowerCase(Locale.ROOT))) {
          found.add(new Match(act, true));
        }
      }
    }
    return found;
  }

  @Test
  void labels_followTheStatedRule_negationFlipsAndTheStrongerHabitWins() {
    int negatedHealthy = 0;
    int mixed = 0;
    for (HealthNote note : notes(Part.TRAIN, 1200, 3)) {
      List<Match> found = matches(note);
      assertThat(found).as(note.text()).hasSizeBetween(1, 2);
      int score = 0;
      for (Match m : found) {
        score += (m.act().healthy() != m.undone() ? 1 : -1) * m.act().weight();
      }
      assertThat(note.label()).as(note.text()).isEqualTo(score > 0 ? "healthy" : "unhealthy");
      if (found.size() == 1 && found.get(0).undone() && !found.get(0).act().healthy()) {
        negatedHealthy++; // "didn't smoke": healthy though it names an unhealthy habit
      }
      if (found.size() == 2 && found.get(0).act().healthy() != found.get(0).undone()
          ^ found.get(1).act().healthy() != found.get(1).undone()) {
        mixed++;
      }
    }
    assertThat(negatedHealthy).isGreaterThan(30);
    assertThat(mixed).isGreaterThan(100);
  }

  @Test
  void testPart_usesHeldOutVocabularyThatTrainingNeverSees() {
    List<String> heldOutPhrasings = NoteLexicon.ACTS.stream().filter(NoteAct::heldOut)
        .flatMap(a -> a.phrasings().stream()).map(p -> p.toLowerCase(Locale.ROOT)).toList();
    List<String> heldOutFrameWords = NoteLexicon.FRAMES.stream().filter(NoteLexicon.Frame::heldOut)
        .flatMap(f -> List.of(f.pattern().split("%s")).stream()).map(s -> s.strip().toLowerCase(Locale.ROOT))
        .filter(s -> s.length() >= 3).toList();
    assertThat(heldOutPhrasings).hasSizeGreaterThan(20);
    assertThat(heldOutFrameWords).isNotEmpty();

    for (HealthNote note : notes(Part.TRAIN, 2000, 11)) {
      String text = note.text().toLowerCase(Locale.ROOT);
      assertThat(heldOutPhrasings).as(note.text()).noneMatch(text::contains);
      assertThat(heldOutFrameWords).as(note.text()).noneMatch(text::contains);
    }
    List<HealthNote> test = notes(Part.TEST, 1200, 11);
    for (HealthNote note : test) {
      String text = note.text().toLowerCase(Locale.ROOT);
      assertThat(heldOutPhrasings).as(note.text()).anyMatch(text::contains);
    }
    assertThat(test).anyMatch(n -> heldOutFrameWords.stream().anyMatch(n.text().toLowerCase(Locale.ROOT)::contains));
    var trainTexts = new HashSet<>(notes(Part.TRAIN, 2000, 11).stream().map(HealthNote::text).toList());
    assertThat(test).noneMatch(n -> trainTexts.contains(n.text()));
  }

  @Test
  void csv_readsBackWithTheProjectsReader(@TempDir Path dir) throws IOException {
    List<HealthNote> notes = notes(Part.TRAIN, 400, 5);
    assertThat(notes).anyMatch(n -> n.text().contains(",")); // quoting is exercised
    Path file = dir.resolve("notes.csv");
    Files.writeString(file, HealthNote.csv(notes), StandardCharsets.UTF_8);
    Dataset read = Format.CSV.read(file);
    assertThat(read.split(Dataset.ALL)).isEqualTo(notes.stream().map(HealthNote::example).toList());
  }

  @Test
  void generate_refusesCountsItCannotBalanceOrMake() {
    HealthNoteGenerator g = new HealthNoteGenerator(BOTH, Part.TRAIN);
    assertThatThrownBy(() -> g.generate(1201, new SplittableRandom(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("multiple of 4").hasMessageContaining("1201");
    assertThatThrownBy(() -> new HealthNoteGenerator(List.of(Language.ZH), Part.TEST).generate(20_000, new SplittableRandom(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("could be written");
    assertThatThrownBy(() -> new HealthNoteGenerator(List.of(), Part.TRAIN))
        .isInstanceOf(InvalidInputException.class);
    assertThat(new HealthNoteGenerator(List.of(Language.ZH), Part.TEST).generate(10, new SplittableRandom(2)))
        .allMatch(n -> n.language() == Language.ZH);
  }
}
