package dev.autonomy.engine.audit;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.desire.DesireModel;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.option.Options;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.state.PersonState;
import dev.autonomy.engine.state.PersonStates;
import dev.autonomy.vault.DecisionLog;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import dev.autonomy.vault.SelfChoices;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The engine auditing itself over a person's own decision log, so the mission's promises (offer
 * alternatives, no hidden bias, no dependence) are checked against what actually happened rather
 * than asserted. Reads only; logs and changes nothing.
 *
 * <p>Use {@link #run(int, double)} on a person's vault, or {@link #of(AuditInputs)} on explicit
 * inputs (tests, other shells).
 */
public final class SelfAudit {
  private final Clock clock;
  private final DecisionLog log;
  private final PersonStates states;
  private final Desires desires;
  private final Options options;
  private final SelfChoices selfChoices;

  public SelfAudit(Clock clock, DecisionLog log, PersonStates states, Desires desires, Options options,
      SelfChoices selfChoices) {
    this.selfChoices = selfChoices;
    this.clock = clock;
    this.log = log;
    this.states = states;
    this.desires = desires;
    this.options = options;
  }

  /**
   * Audits the last {@code days} days (ending today by the clock), comparing exploration with
   * {@code epsilon}. The daily table and the desire model are only touched when the window holds a
   * recommendation.
   */
  public AuditReport run(int days, double epsilon) {
    ZoneId zone = clock.getZone();
    LocalDate today = LocalDate.now(clock);
    List<LoggedDecision> decisions = log.all();
    List<FeedbackRow> feedback = log.feedbackRows();
    AuditInputs probe = new AuditInputs(today, zone, days, decisions, feedback, DailyTable.empty(), 0, epsilon,
        DesirePredictor.none());
    if (inWindow(probe).isEmpty()) {
      return of(probe);
    }
    PersonState state = states.state();
    // Without any data the model only knows its neutral prior: that is no measure of what the person wants.
    DesirePredictor predictor = states.hasSignals() ? predictor(probe) : DesirePredictor.none();
    List<Instant> selfChoices = this.selfChoices.since(today.minusDays(days + 28L).atStartOfDay(zone).toInstant()).stream()
        .map(SelfChoices.Use::at).toList();
    return of(new AuditInputs(today, zone, days, decisions, feedback, state.table(), options.catalogue().size(), epsilon,
        predictor, selfChoices));
  }

  /** The audit of explicit inputs; a pure function of them. */
  public static AuditReport of(AuditInputs in) {
    List<Shown> shown = inWindow(in);
    int all = in.decisions().size();
    if (shown.isEmpty()) {
      String summary = String.format(Locale.ROOT,
          "No recommendations were shown in the last %d days (%s to %s); the log holds %d in all. Nothing to audit yet:"
              + " ask for recommendations (autonomy recommend), say how they went (autonomy feedback), then audit again.",
          in.days(), in.from(), in.today(), all);
      return new AuditReport(in.from(), in.today(), in.days(), all, summary, Optional.empty());
    }
    String summary = String.format(Locale.ROOT, "Audit of %d recommendations shown from %s to %s (%d days; %d in the whole log).",
        shown.size(), in.from(), in.today(), in.days(), all);
    return new AuditReport(in.from(), in.today(), in.days(), all, summary, Optional.of(
        new AuditReport.Findings(ExposureAudit.of(shown, in), OutcomeAudit.of(shown), DependenceAudit.of(in))));
  }

  /** Items shown in the window, oldest first, each with its latest feedback. */
  static List<Shown> inWindow(AuditInputs in) {
    Map<String, FeedbackRow> latest = new HashMap<>();
    in.feedback().forEach(f -> latest.put(f.recommendationId(), f));
    List<Shown> out = new ArrayList<>();
    for (LoggedDecision d : in.decisions()) {
      LocalDate day = d.created().atZone(in.zone()).toLocalDate();
      if (!day.isBefore(in.from()) && !day.isAfter(in.today())) {
        out.add(new Shown(d, day, Optional.ofNullable(latest.get(d.recommendation().id()))));
      }
    }
    return out;
  }

  /**
   * Today's desire model at each past moment, from the table and the intraday signals of that day
   * up to the moment (no later data leaks in); the signals are read once for the whole window.
   */
  private DesirePredictor predictor(AuditInputs in) {
    ContextFeatures features = states.featuresSince(in.from().atStartOfDay(in.zone()).toInstant());
    DesireModel model = desires.model();
    return (at, stated) -> {
      Map<DesireType, Double> out = new EnumMap<>(DesireType.class);
      for (Desire d : model.predictAll(features.at(new Situation(at.atZone(in.zone()), stated)))) {
        out.put(d.type(), d.intensity());
      }
      return out;
    };
  }
}
