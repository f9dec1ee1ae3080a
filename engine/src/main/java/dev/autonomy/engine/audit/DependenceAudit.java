package dev.autonomy.engine.audit;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.audit.DependenceWatch.Period;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Computes the {@link DependenceWatch}. Activity comes from the cleaned daily table, observed days
 * only (an imputed day is a guess, not something the person did).
 */
final class DependenceAudit {
  /** An item at least this effortful (0..10) counts as physical even when it serves another desire. */
  static final double PHYSICAL_EFFORT = 3;

  static final String ACTIVE_DAY_RULE = "a day is active when it has a workout, or steps or distance above your own median"
      + " (median over all your observed days); only observed days count";
  static final String SELF_INITIATED_RULE = "an active day is self-initiated when no recommended physical item"
      + " (desire move, or effort " + (int) PHYSICAL_EFFORT + "/10 or more) was reported done that day";
  static final String ALERT_RULE = String.format(Locale.ROOT,
      "alert when, over the last 2 weeks against the 2 before, acceptance (done / answered) is above %.0f%%"
          + " AND self-initiated active days fell by more than a third; judged only when each 2 weeks has"
          + " activity data on at least %d days", DependenceWatch.ACCEPTANCE_LIMIT * 100, DependenceWatch.MIN_DATA_DAYS);

  private final AuditInputs in;
  private final Map<String, LoggedDecision> byId = new HashMap<>();
  private final Map<String, FeedbackRow> latest = new LinkedHashMap<>();
  private final double medianSteps;
  private final double medianDistance;

  private DependenceAudit(AuditInputs in) {
    this.in = in;
    in.decisions().forEach(d -> byId.put(d.recommendation().id(), d));
    in.feedback().forEach(f -> latest.put(f.recommendationId(), f));
    this.medianSteps = median(in.table(), SignalKind.STEPS, in.today());
    this.medianDistance = median(in.table(), SignalKind.DISTANCE, in.today());
  }

  static DependenceWatch of(AuditInputs in) {
    DependenceAudit audit = new DependenceAudit(in);
    List<Period> weeks = new ArrayList<>();
    for (LocalDate end = in.today(); !end.isBefore(in.from()); end = end.minusDays(7)) {
      LocalDate start = end.minusDays(6).isBefore(in.from()) ? in.from() : end.minusDays(6);
      weeks.add(0, audit.period(start, end));
    }
    Period recent = audit.period(in.today().minusDays(13), in.today());
    Period before = audit.period(in.today().minusDays(27), in.today().minusDays(14));
    boolean enoughData = recent.dataDays() >= DependenceWatch.MIN_DATA_DAYS && before.dataDays() >= DependenceWatch.MIN_DATA_DAYS;
    boolean accepting = recent.acceptance().isPresent() && recent.acceptance().getAsDouble() > DependenceWatch.ACCEPTANCE_LIMIT;
    boolean fell = before.selfInitiatedDays() > 0
        && recent.selfInitiatedDays() < before.selfInitiatedDays() * DependenceWatch.KEPT_FRACTION;
    boolean alert = enoughData && accepting && fell;
    return new DependenceWatch(ACTIVE_DAY_RULE, SELF_INITIATED_RULE, ALERT_RULE, weeks, before, recent, alert,
        verdict(alert, enoughData, before, recent));
  }

  private static String verdict(boolean alert, boolean enoughData, Period before, Period recent) {
    String numbers = String.format(Locale.ROOT,
        "acceptance %s over the last 2 weeks (%s the 2 before); self-initiated active days %d (%d the 2 before);"
            + " chose for yourself from unranked options %d times, against %d ranked lists asked for (%d and %d the 2 before)",
        percent(recent.acceptance()), percent(before.acceptance()), recent.selfInitiatedDays(), before.selfInitiatedDays(),
        recent.selfDecided(), recent.requests(), before.selfDecided(), before.requests());
    if (alert) {
      return "ALERT: you may be coming to depend on these recommendations: " + numbers
          + ". You accept almost everything and are active on your own initiative less often;"
          + " try planning a day or two yourself, without asking.";
    }
    if (!enoughData) {
      return String.format(Locale.ROOT,
          "cannot judge dependence: activity data on %d of the last 14 days and %d of the 14 before (needs %d each); %s.",
          recent.dataDays(), before.dataDays(), DependenceWatch.MIN_DATA_DAYS, numbers);
    }
    return "no sign of dependence: " + numbers + ".";
  }

  static String percent(OptionalDouble rate) {
    return rate.isPresent() ? String.format(Locale.ROOT, "%.0f%%", rate.getAsDouble() * 100) : "n/a (no feedback)";
  }

  private Period period(LocalDate from, LocalDate to) {
    Set<java.time.Instant> requests = new HashSet<>();
    int shown = 0;
    for (LoggedDecision d : in.decisions()) {
      LocalDate day = d.created().atZone(in.zone()).toLocalDate();
      if (!day.isBefore(from) && !day.isAfter(to)) {
        requests.add(d.created());
        shown++;
      }
    }
    int selfDecided = 0;
    for (java.time.Instant at : in.selfChoices()) {
      LocalDate day = at.atZone(in.zone()).toLocalDate();
      if (!day.isBefore(from) && !day.isAfter(to)) {
        selfDecided++;
      }
    }
    int answered = 0;
    int done = 0;
    Set<LocalDate> physicalDone = new HashSet<>();
    for (FeedbackRow f : latest.values()) {
      LocalDate day = f.at().atZone(in.zone()).toLocalDate();
      if (day.isBefore(from) || day.isAfter(to)) {
        continue;
      }
      answered++;
      if (f.outcome() == Outcome.DONE) {
        done++;
        if (physical(f)) {
          physicalDone.add(day);
        }
      }
    }
    int dataDays = 0;
    int active = 0;
    int self = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      boolean hasData = false;
      boolean isActive = false;
      for (SignalKind kind : List.of(SignalKind.WORKOUT, SignalKind.STEPS, SignalKind.DISTANCE)) {
        DailyValue v = in.table().get(kind, day);
        if (v.status() != DayStatus.OBSERVED) {
          continue;
        }
        hasData = true;
        double threshold = kind == SignalKind.WORKOUT ? 0 : kind == SignalKind.STEPS ? medianSteps : medianDistance;
        isActive |= v.value() > threshold;
      }
      dataDays += hasData ? 1 : 0;
      if (isActive) {
        active++;
        self += physicalDone.contains(day) ? 0 : 1;
      }
    }
    return new Period(from, to, requests.size(), shown, selfDecided, answered, done,
        answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / answered),
        dataDays, active, self, active == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) self / active));
  }

  private boolean physical(FeedbackRow f) {
    if (DesireType.MOVE.code().equals(f.desire())) {
      return true;
    }
    LoggedDecision d = byId.get(f.recommendationId());
    Option option = d == null ? null : d.recommendation().option();
    return option != null && option.effort() >= PHYSICAL_EFFORT;
  }

  /** Median of the observed values of a kind up to {@code today}; infinite (nothing is above it) with none. */
  static double median(DailyTable table, SignalKind kind, LocalDate today) {
    double[] values = table.series(kind).headMap(today, true).values().stream()
        .filter(v -> v.status() == DayStatus.OBSERVED).mapToDouble(DailyValue::value).sorted().toArray();
    if (values.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }
}
