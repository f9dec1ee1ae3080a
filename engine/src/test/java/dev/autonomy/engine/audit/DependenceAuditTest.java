package dev.autonomy.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The dependence alert on constructed histories. Steps: 28 days of 5,000 before the window; in each
 * two-week half of the window 10 days of 9,000 (active: above the median of 5,000) then 4 of 3,000.
 */
class DependenceAuditTest {
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  static final Option WALK = new Option("walk", "Walk", DesireType.MOVE, Place.OUTDOOR, 30, 4, 0, "walk", Set.of());
  static final Option SHOP = new Option("shop", "Shop", DesireType.BUY, Place.ANY, 30, 0, 10, "shop", Set.of());

  final List<LoggedDecision> decisions = new ArrayList<>();
  final List<FeedbackRow> feedback = new ArrayList<>();

  static DailyTable steps() {
    TreeMap<LocalDate, DailyValue> days = new TreeMap<>();
    for (int i = 55; i >= 0; i--) {
      LocalDate d = TODAY.minusDays(i);
      int inHalf = (int) ((27 - i) % 14 + 14) % 14; // 0..13 within each two-week half
      double v = i >= 28 ? 5000 : inHalf < 10 ? 9000 : 3000;
      days.put(d, new DailyValue(v, DayStatus.OBSERVED, false));
    }
    return new DailyTable(Map.of(SignalKind.STEPS, days));
  }

  /** One item shown at 09:00 {@code daysAgo} days ago and answered at noon the same day. */
  void shownAndAnswered(int daysAgo, Option o, Outcome outcome) {
    String id = "rec-" + decisions.size();
    var at = TODAY.minusDays(daysAgo).atTime(9, 0).atZone(ZONE).toInstant();
    decisions.add(new LoggedDecision(at, Map.of(), SelfAuditTest.rec(id, o, false, 1, List.of())));
    feedback.add(new FeedbackRow(id, o.id(), o.desire().code(), outcome, OptionalInt.empty(), at.plusSeconds(3 * 3600)));
  }

  DependenceWatch watch() {
    var in = new AuditInputs(TODAY, ZONE, 28, decisions, feedback, steps(), 10, 0.1, DesirePredictor.none());
    return SelfAudit.of(in).findings().orElseThrow().dependence();
  }

  /** Before: little asked, only non-physical items done; every active day self-initiated. */
  void quietFirstHalf() {
    shownAndAnswered(27, SHOP, Outcome.DONE);
    shownAndAnswered(26, SHOP, Outcome.SKIPPED);
    shownAndAnswered(15, SHOP, Outcome.SKIPPED);
  }

  @Test
  void alertFires_whenAcceptanceIsHighAndSelfInitiatedDaysFall() {
    quietFirstHalf();
    for (int ago = 13; ago >= 6; ago--) { // 8 active days, a recommended walk done on each
      shownAndAnswered(ago, WALK, Outcome.DONE);
    }
    shownAndAnswered(1, WALK, Outcome.DONE); // an inactive day
    shownAndAnswered(0, WALK, Outcome.SKIPPED);
    DependenceWatch w = watch();

    assertThat(w.before().activeDays()).isEqualTo(10);
    assertThat(w.before().selfInitiatedDays()).isEqualTo(10);
    assertThat(w.recent().activeDays()).isEqualTo(10);
    assertThat(w.recent().selfInitiatedDays()).isEqualTo(2);
    assertThat(w.recent().acceptance().getAsDouble()).isEqualTo(0.9);
    assertThat(w.recent().dataDays()).isEqualTo(14);
    assertThat(w.alert()).isTrue();
    assertThat(w.verdict()).startsWith("ALERT: you may be coming to depend on these recommendations")
        .contains("acceptance 90% over the last 2 weeks").contains("self-initiated active days 2 (10 the 2 before)");
    assertThat(w.alertRule()).contains("above 80%").contains("more than a third");

    assertThat(w.weeks()).hasSize(4);
    var last = w.weeks().get(3); // today-6 .. today: active today-6..today-4, the walk done only at today-6
    assertThat(last.from()).isEqualTo(TODAY.minusDays(6));
    assertThat(last.requests()).isEqualTo(3);
    assertThat(last.done()).isEqualTo(2);
    assertThat(last.activeDays()).isEqualTo(3);
    assertThat(last.selfInitiatedDays()).isEqualTo(2);
  }

  @Test
  void noAlert_whenSelfInitiatedDaysFallButAcceptanceIsModerate() {
    quietFirstHalf();
    for (int ago = 13; ago >= 9; ago--) {
      shownAndAnswered(ago, WALK, Outcome.DONE);
    }
    for (int ago = 4; ago >= 0; ago--) {
      shownAndAnswered(ago, WALK, Outcome.SKIPPED);
    }
    DependenceWatch w = watch();
    assertThat(w.recent().selfInitiatedDays()).isEqualTo(5);
    assertThat(w.recent().acceptance().getAsDouble()).isEqualTo(0.5);
    assertThat(w.alert()).isFalse();
    assertThat(w.verdict()).startsWith("no sign of dependence: acceptance 50% over the last 2 weeks (33% the 2 before)");
  }

  @Test
  void noAlert_whenAcceptanceIsHighButThePersonStillActsOnTheirOwn() {
    quietFirstHalf();
    for (int ago = 13; ago >= 4; ago--) { // accepted, but nothing physical: activity stays their own
      shownAndAnswered(ago, SHOP, Outcome.DONE);
    }
    shownAndAnswered(0, SHOP, Outcome.SKIPPED);
    DependenceWatch w = watch();
    assertThat(w.recent().acceptance().getAsDouble()).isGreaterThan(0.8);
    assertThat(w.recent().selfInitiatedDays()).isEqualTo(10);
    assertThat(w.alert()).isFalse();
    assertThat(w.verdict()).startsWith("no sign of dependence");
  }

  @Test
  void noJudgement_withoutEnoughActivityData() {
    quietFirstHalf();
    var in = new AuditInputs(TODAY, ZONE, 28, decisions, feedback, DailyTable.empty(), 10, 0.1, DesirePredictor.none());
    DependenceWatch w = SelfAudit.of(in).findings().orElseThrow().dependence();
    assertThat(w.alert()).isFalse();
    assertThat(w.verdict()).startsWith("cannot judge dependence: activity data on 0 of the last 14 days");
  }
}
