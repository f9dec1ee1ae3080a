package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.ask.Answer;
import dev.autonomy.engine.learn.Why;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.rank.Recommender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking in one's own words, through the facade, on the demo's synthetic person. */
class AutonomyAskTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  @TempDir static Path dir;
  static Autonomy autonomy;

  @BeforeAll
  static void open() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    DemoFiles.Written written = DemoFiles.write(dir.resolve("files"),
        SyntheticPerson.generate(LocalDate.now(CLOCK), 45, random.split()), PARIS, random.split());
    autonomy = Autonomy.open(dir.resolve("home"), CLOCK, new SplittableRandom(3));
    for (Path f : written.all()) {
      autonomy.importPath(f, null, null);
    }
  }

  @AfterAll
  static void close() {
    autonomy.close();
  }

  private static Situation now(Map<String, String> stated) {
    return new Situation(ZonedDateTime.now(CLOCK), stated);
  }

  @Test
  void ask_english_recommendsForTheDesireRead() {
    Answer answer = autonomy.ask("  I want to go for a run ", now(Map.of()), 3);
    assertThat(answer.text()).isEqualTo("I want to go for a run");
    assertThat(answer.intent().desire()).isEqualTo(DesireType.MOVE);
    assertThat(answer.intent().language()).isEqualTo("en");
    assertServesAndIsLogged(answer, DesireType.MOVE, 3);
  }

  @Test
  void ask_chinese_readsDesireAndContext() {
    Answer answer = autonomy.ask("想找个安静的地方看书", now(Map.of()), 3);
    assertThat(answer.intent().desire()).isEqualTo(DesireType.REST);
    assertThat(answer.intent().language()).isEqualTo("zh");
    assertThat(answer.situation().stated()).containsEntry("quiet", "true");
    assertServesAndIsLogged(answer, DesireType.REST, 3);
  }

  @Test
  void ask_whatThePersonStatesWinsOverWhatWasRead() {
    Answer answer = autonomy.ask("想找个安静的地方看书", now(Map.of("quiet", "false", "free_minutes", "30")), 2);
    assertThat(answer.situation().stated()).containsEntry("quiet", "false").containsEntry("free_minutes", "30");
    assertThat(answer.situation().at()).isEqualTo(ZonedDateTime.now(CLOCK));
  }

  @Test
  void view_hasTheShapeAskJsonPrints() {
    Answer answer = autonomy.ask("I want to go for a run", now(Map.of("place", "outdoor")), 2);
    Map<String, Object> view = answer.view();
    assertThat(view).containsOnlyKeys("text", "understood", "context", "recommendations");
    assertThat(List.copyOf(view.keySet())).containsExactly("text", "understood", "context", "recommendations");
    @SuppressWarnings("unchecked")
    Map<String, Object> understood = (Map<String, Object>) view.get("understood");
    assertThat(List.copyOf(understood.keySet())).containsExactly("desire", "confidence", "context", "language", "model");
    assertThat(understood.get("desire")).isEqualTo("move");
    assertThat(understood.get("model")).isEqualTo(Answer.BUILT_IN);
    assertThat(view.get("context")).isEqualTo(answer.situation().stated());
    assertThat(view.get("recommendations")).isEqualTo(answer.ranking().recommendations());
  }

  @Test
  void ask_rejectsEmptyTextAndNoLimit() {
    assertThatThrownBy(() -> autonomy.ask("   ", now(Map.of()), 3))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("say what you want");
    assertThatThrownBy(() -> autonomy.ask(null, now(Map.of()), 3))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> autonomy.ask("I want to go for a run", now(Map.of()), 0))
        .isInstanceOf(InvalidInputException.class).hasMessage("limit must be in 1..1000, was 0");
  }

  private static void assertServesAndIsLogged(Answer answer, DesireType desire, int limit) {
    List<Recommendation> recs = answer.ranking().recommendations();
    assertThat(recs).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
    assertThat(recs).allSatisfy(r -> assertThat(r.desire()).isEqualTo(desire));
    assertThat(recs).allSatisfy(r -> assertThat(r.option().desire()).isEqualTo(desire));
    Why why = autonomy.why(recs.get(0).id());
    assertThat(why.decision().situation()).containsEntry(Recommender.ASKED_DESIRE, desire.code());
  }
}
