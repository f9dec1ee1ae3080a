package dev.autonomy.engine.choose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.audit.AuditReport;
import dev.autonomy.engine.audit.DependenceWatch;
import dev.autonomy.engine.rank.RankingPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Decide myself": every allowed option side by side, no pick, rules kept, each use counted by the dependence watch. */
class SelfChoiceTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  private static Autonomy open(Path home) {
    return Autonomy.open(home, CLOCK, new SplittableRandom(3));
  }

  @Test
  void laysOutEveryAllowedOption_inTheFixedOrder_withoutLoggingARecommendation(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      a.addRule("never swim");
      Situation now = new Situation(ZonedDateTime.now(CLOCK), Map.of("free_minutes", "45"));
      TradeOffs laid = a.selfChoice().lay(now, Optional.empty(), "cli");

      List<Option> all = a.options().all();
      List<String> allowed = all.stream()
          .filter(o -> !(o.activity() + " " + o.id() + " " + o.name() + " " + o.tags()).toLowerCase().contains("swim"))
          .filter(o -> o.minutes() <= 45)
          .map(Option::id).sorted().toList();
      assertThat(laid.options()).extracting(TradeOffs.Row::id).containsExactlyInAnyOrderElementsOf(allowed);
      assertThat(laid.options()).extracting(TradeOffs.Row::id).noneMatch(id -> id.contains("swim"));
      assertThat(laid.rules()).singleElement().satisfies(r -> assertThat(r.removed()).isNotEmpty());
      assertThat(laid.limits()).singleElement().satisfies(l -> assertThat(l.over()).isNotEmpty());
      assertThat(laid.options()).isSortedAccordingTo(Comparator.comparing(TradeOffs.Row::desire)
          .thenComparingInt(TradeOffs.Row::minutes).thenComparing(TradeOffs.Row::name));
      assertThat(laid.considered()).isEqualTo(all.size());
      // the view carries no score and says it is unranked
      assertThat(laid.view()).containsEntry("ranked", false).doesNotContainKey("recommendations");
      assertThat(laid.options()).allSatisfy(r -> assertThat(r.desireNow()).isEqualTo(laid.desires().get(r.desire())));
      // nothing was logged as a recommendation, and the use was counted
      assertThat(a.log().report().size().recommendations()).isZero();
      assertThat(a.log().report().size().lists()).isZero();
      assertThat(a.selfChoice().uses(Instant.EPOCH)).singleElement()
          .satisfies(u -> assertThat(u.shown()).isEqualTo(allowed.size()));
    }
  }

  @Test
  void oneDesireOnly_andTheLayoutDoesNotDependOnPastFeedback(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      Situation now = new Situation(ZonedDateTime.now(CLOCK), Map.of());
      TradeOffs before = a.selfChoice().lay(now, Optional.of(DesireType.REST), "api");
      assertThat(before.options()).isNotEmpty().allSatisfy(r -> assertThat(r.desire()).isEqualTo(DesireType.REST));
      assertThat(before.options()).allSatisfy(r -> assertThat(r.notes()).isEmpty());
      TradeOffs outdoors = a.selfChoice().lay(now.with("place", "outdoor"), Optional.empty(), "api");
      assertThat(outdoors.options()).filteredOn(r -> r.place().equals("indoor"))
          .isNotEmpty().allSatisfy(r -> assertThat(r.notes()).containsExactly("indoor, and you said you are outdoor"));
      var ranking = a.recommend(now, new RankingPolicy(3, 0));
      a.feedback(ranking.recommendations().get(0).id(), dev.autonomy.core.feedback.Outcome.SKIPPED, java.util.OptionalInt.empty());
      TradeOffs after = a.selfChoice().lay(now, Optional.of(DesireType.REST), "api");
      assertThat(after.options()).extracting(TradeOffs.Row::id)
          .containsExactlyElementsOf(before.options().stream().map(TradeOffs.Row::id).toList());
    }
  }

  @Test
  void theDependenceWatchCountsEachUse_besideTheListsAskedFor(@TempDir Path home) {
    try (Autonomy a = open(home)) {
      Situation now = new Situation(ZonedDateTime.now(CLOCK), Map.of());
      a.recommend(now, new RankingPolicy(3, 0));
      for (int i = 0; i < 3; i++) {
        a.selfChoice().lay(now, Optional.empty(), "cli");
      }
      AuditReport report = a.audit(28, 0.1);
      DependenceWatch watch = report.findings().orElseThrow().dependence();
      assertThat(watch.recent().selfDecided()).isEqualTo(3);
      assertThat(watch.recent().requests()).isEqualTo(1);
      assertThat(watch.before().selfDecided()).isZero();
      assertThat(watch.weeks().get(watch.weeks().size() - 1).selfDecided()).isEqualTo(3);
      assertThat(watch.verdict()).contains("chose for yourself from unranked options 3 times, against 1 ranked lists");
    }
  }
}
