package dev.autonomy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Feedback;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.audit.Exposure.Served;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.rank.Recommender;
import dev.autonomy.vault.DecisionLog;
import dev.autonomy.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit over a real vault, with recommendations and feedback logged by hand so every figure is known. */
class SelfAuditTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  static final Option RUN = option("run", DesireType.MOVE, Place.OUTDOOR, 6);
  static final Option GYM = option("gym", DesireType.MOVE, Place.INDOOR, 6);
  static final Option NAP = option("nap", DesireType.REST, Place.INDOOR, 0);
  static final Option SHOP = option("shop", DesireType.BUY, Place.ANY, 1);
  static final Option WEEK = option("plan-week-1", DesireType.MOVE, Place.ANY, 5);
  /** Second connections opened by a test, closed after it. */
  static final List<Vault> OPEN = new ArrayList<>();

  @AfterEach
  void closeSecondConnections() {
    OPEN.forEach(Vault::close);
    OPEN.clear();
  }

  static final RuleApplication NO_SWIM = new RuleApplication("r1", "never swim", List.of("swim"));

  /** A clock the test moves, so each logged list gets its own instant. */
  static final class MovingClock extends Clock {
    Instant now = NOW;

    @Override public ZoneId getZone() { return PARIS; }
    @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
    @Override public Instant instant() { return now; }
  }

  static Option option(String id, DesireType desire, Place place, double effort) {
    return new Option(id, id, desire, place, 30, effort, 0, id, Set.of());
  }

  static Recommendation rec(String id, Option o, boolean exploration, double propensity, List<RuleApplication> rules) {
    return new Recommendation(id, o, o.desire(), 0.5, 0.5,
        new Explanation("test item", List.of(), rules, exploration, propensity, List.of(), "test"));
  }

  @Test
  void emptyLog_saysSoPlainly_andReportsNoFindings(@TempDir Path home) {
    MovingClock clock = new MovingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(1))) {
      AuditReport report = a.audit(28, 0.1);
      assertThat(report.isEmpty()).isTrue();
      assertThat(report.findings()).isEmpty();
      assertThat(report.summary()).startsWith("No recommendations were shown in the last 28 days (2026-11-03 to 2026-11-30)")
          .contains("the log holds 0 in all");

      // Old decisions outside the window are not findings either.
      clock.now = NOW.minus(Duration.ofDays(40));
      log(home, clock).record(Map.of(), List.of(rec("rec-old1", RUN, false, 1, List.of()), rec("rec-old2", GYM, false, 1, List.of())));
      clock.now = NOW;
      AuditReport old = a.audit(28, 0.1);
      assertThat(old.isEmpty()).isTrue();
      assertThat(old.summary()).contains("the log holds 2 in all");
      assertThat(a.audit(45, 0.1).isEmpty()).isFalse();
    }
  }

  /** Three ranked lists (one with an exploration pick), one plan, and feedback on some items. */
  static void logHistory(Autonomy a, MovingClock clock) {
    DecisionLog log = log(home(a), clock);
    clock.now = NOW.minus(Duration.ofDays(3));
    log.record(Map.of("place", "any"), List.of(rec("rec-a1", RUN, false, 1, List.of(NO_SWIM)),
        rec("rec-a2", GYM, false, 1, List.of(NO_SWIM)), rec("rec-a3", NAP, false, 0.95, List.of(NO_SWIM))));
    clock.now = NOW.minus(Duration.ofDays(2));
    log.record(Map.of(), List.of(rec("rec-b1", RUN, false, 1, List.of(NO_SWIM)),
        rec("rec-b2", GYM, false, 1, List.of(NO_SWIM)), rec("rec-b3", SHOP, true, 0.05, List.of(NO_SWIM))));
    clock.now = NOW.minus(Duration.ofDays(1));
    log.record(Map.of(), List.of(rec("rec-c1", RUN, false, 1, List.of()),
        rec("rec-c2", NAP, false, 1, List.of()), rec("rec-c3", GYM, false, 1, List.of())));
    log.record(Map.of(), List.of(rec("plan-0123456789", WEEK, false, 1, List.of())));
    clock.now = NOW;
    log.feedback(new Feedback("rec-a1", Outcome.DONE, OptionalInt.of(5), NOW));
    log.feedback(new Feedback("rec-a2", Outcome.SKIPPED, OptionalInt.of(2), NOW));
    log.feedback(new Feedback("rec-a3", Outcome.DONE, OptionalInt.empty(), NOW));
    log.feedback(new Feedback("rec-b3", Outcome.SKIPPED, OptionalInt.empty(), NOW));
    log.feedback(new Feedback("rec-b1", Outcome.DONE, OptionalInt.of(4), NOW));
    log.feedback(new Feedback("plan-0123456789", Outcome.DONE, OptionalInt.empty(), NOW));
  }

  /** The decision log of the vault at {@code home}, through a second connection as another process would write it. */
  static DecisionLog log(Path home, Clock clock) {
    Vault vault = Vault.open(home, clock);
    OPEN.add(vault);
    return vault.decisions();
  }

  static Path home(Autonomy a) {
    return a.home();
  }

  static AuditInputs inputs(Autonomy a, DesirePredictor predictor) {
    DecisionLog log = log(a.home(), Clock.systemUTC());
    return new AuditInputs(TODAY, PARIS, 28, log.all(), log.feedbackRows(),
        DailyTable.empty(), 10, 0.1, predictor);
  }

  @Test
  void exposure_sharesConcentrationExplorationAndRules_areExact(@TempDir Path home) {
    MovingClock clock = new MovingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(1))) {
      logHistory(a, clock);
      // Wanted shares: move 0.1, rest 0.3, explore/buy/save 0.2 each.
      DesirePredictor wants = (at, stated) -> Map.of(DesireType.MOVE, 0.2, DesireType.REST, 0.6,
          DesireType.EXPLORE, 0.4, DesireType.BUY, 0.4, DesireType.SAVE, 0.4);
      Exposure e = SelfAudit.of(inputs(a, wants)).findings().orElseThrow().exposure();

      assertThat(e.requests()).isEqualTo(3);
      assertThat(e.rankedShown()).isEqualTo(9);
      assertThat(e.plans()).isEqualTo(1);
      assertThat(e.planItems()).isEqualTo(1);
      var move = e.desires().get(DesireType.MOVE.ordinal());
      assertThat(move.shown()).isEqualTo(6);
      assertThat(move.shownShare()).isCloseTo(6 / 9.0, within(1e-12));
      assertThat(move.wantedShare().getAsDouble()).isCloseTo(0.1, within(1e-12));
      assertThat(move.served()).isEqualTo(Served.OVER);
      assertThat(e.desires()).extracting(Exposure.DesireExposure::served)
          .containsExactly(Served.OVER, Served.IN_LINE, Served.UNDER, Served.IN_LINE, Served.UNDER);
      assertThat(e.neverShown()).containsExactly(DesireType.EXPLORE, DesireType.SAVE);

      var c = e.concentration();
      assertThat(c.distinctOptions()).isEqualTo(4);
      assertThat(c.catalogueSize()).isEqualTo(10);
      assertThat(c.top()).extracting(Exposure.OptionShare::optionId).containsExactly("gym", "run", "nap");
      assertThat(c.topShare()).isCloseTo(8 / 9.0, within(1e-12));
      assertThat(c.herfindahl()).isCloseTo((9 + 9 + 4 + 1) / 81.0, within(1e-12));
      assertThat(e.places()).extracting(Exposure.PlaceShare::shown).containsExactly(5, 3, 1);

      var x = e.exploration();
      assertThat(x.picks()).isEqualTo(1);
      assertThat(x.shareOfShown()).isCloseTo(1 / 9.0, within(1e-12));
      assertThat(x.explorableLists()).isEqualTo(2);
      assertThat(x.listsWithPick()).isEqualTo(1);
      assertThat(x.listRate().getAsDouble()).isEqualTo(0.5);
      assertThat(x.epsilon()).isEqualTo(0.1);

      assertThat(e.ruleRemovals()).containsExactly(new Exposure.RuleRemoval("swim", "r1", "never swim", 2));
    }
  }

  @Test
  void aListAskedForOneDesire_wantsThatDesire_notWhatTheModelPredicts(@TempDir Path home) {
    MovingClock clock = new MovingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(1))) {
      clock.now = NOW.minus(Duration.ofDays(1));
      // The model wants rest only; the person asked for move options once, and got them.
      log(home, clock).record(Map.of(Recommender.ASKED_DESIRE, "move"),
          List.of(rec("rec-m1", RUN, false, 1, List.of()), rec("rec-m2", GYM, false, 1, List.of())));
      clock.now = NOW;
      DesirePredictor restOnly = (at, stated) -> Map.of(DesireType.REST, 1.0);
      Exposure e = SelfAudit.of(inputs(a, restOnly)).findings().orElseThrow().exposure();
      var move = e.desires().get(DesireType.MOVE.ordinal());
      assertThat(move.wantedShare().getAsDouble()).isEqualTo(1.0);
      assertThat(move.served()).isEqualTo(Served.IN_LINE);
      assertThat(e.desires().get(DesireType.REST.ordinal()).served()).isEqualTo(Served.IN_LINE);
    }
  }

  @Test
  void outcomes_feedbackRatesAndSnips_areExact(@TempDir Path home) {
    MovingClock clock = new MovingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(1))) {
      logHistory(a, clock);
      Outcomes o = SelfAudit.of(inputs(a, DesirePredictor.none())).findings().orElseThrow().outcomes();
      assertThat(o.shown()).isEqualTo(10);
      assertThat(o.withFeedback()).isEqualTo(6);
      assertThat(o.feedbackRate()).isCloseTo(0.6, within(1e-12));
      assertThat(o.done()).isEqualTo(4);
      assertThat(o.skipped()).isEqualTo(2);
      assertThat(o.ratings()).isEqualTo(3);
      assertThat(o.meanRating().getAsDouble()).isCloseTo((5 + 2 + 4) / 3.0, within(1e-12));

      assertThat(o.exploration().exploration()).isEqualTo(Outcomes.Rate.of(1, 0));
      assertThat(o.exploration().ranked()).isEqualTo(Outcomes.Rate.of(4, 3));
      assertThat(o.exploration().comparable()).isFalse();

      // Ranked answered: a1 done p1, a2 skipped p1, a3 done p.95, b3 skipped p.05, b1 done p1.
      var v = o.policyValue();
      assertThat(v.answered()).isEqualTo(5);
      assertThat(v.plain().getAsDouble()).isCloseTo(0.6, within(1e-12));
      double snips = (1 + 1 / 0.95 + 1) / (1 + 1 + 1 / 0.95 + 20 + 1);
      assertThat(v.weighted().getAsDouble()).isCloseTo(snips, within(1e-12));
      assertThat(v.weighted().getAsDouble()).isCloseTo(0.12692, within(1e-5));
      assertThat(v.meaning()).contains("1/propensity");
    }
  }

  @Test
  void run_onARealVault_predictsWantedSharesFromTheModel(@TempDir Path home) throws Exception {
    MovingClock clock = new MovingClock();
    try (Autonomy a = Autonomy.open(home, clock, new SplittableRandom(1))) {
      logHistory(a, clock);
      AuditReport report = a.audit(28, 0.1);
      assertThat(report.summary()).startsWith("Audit of 10 recommendations shown from 2026-11-03 to 2026-11-30");
      Exposure e = report.findings().orElseThrow().exposure();
      assertThat(e.concentration().catalogueSize()).isEqualTo(a.options().size());
      // No data at all: the model knows only its neutral prior, which is no measure of what the person wants.
      assertThat(e.desires()).allSatisfy(d -> {
        assertThat(d.wantedShare()).isEmpty();
        assertThat(d.served()).isEqualTo(Served.UNKNOWN);
      });

      // With data, every list's wanted shares come from the model and sum to 1.
      Path purchases = home.resolve("purchases.csv");
      Files.writeString(purchases, "time,kind,amount,unit,category,text\n2026-11-20T10:00:00+01:00,purchase,12.5,EUR,food,lunch\n");
      a.importPath(purchases, "events", null);
      Exposure withData = a.audit(28, 0.1).findings().orElseThrow().exposure();
      double wanted = withData.desires().stream().mapToDouble(d -> d.wantedShare().orElseThrow()).sum();
      assertThat(wanted).isCloseTo(1.0, within(1e-9));
    }
  }
}
