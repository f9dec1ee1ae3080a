package dev.autonomy.engine.audit;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.vault.FeedbackRow;
import dev.autonomy.vault.LoggedDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything a self-audit reads, as plain values, so the audit is a pure function of them.
 *
 * @param today the last day of the window, in the person's zone
 * @param zone the person's zone (decisions and feedback are dated in it)
 * @param days the window's length in days, ending with {@code today}
 * @param decisions every logged recommendation (the audit keeps those in its window)
 * @param feedback every piece of feedback joined with its recommendation, oldest first
 * @param table the cleaned daily table (workouts, steps, distance) for the dependence watch
 * @param catalogueSize how many options the person's catalogue holds
 * @param epsilon the exploration probability the ranking policy was configured with
 * @param predictor the person's predicted desires at a past moment
 * @param selfChoices when the person chose for themselves from options laid out unranked
 */
public record AuditInputs(
    LocalDate today,
    ZoneId zone,
    int days,
    List<LoggedDecision> decisions,
    List<FeedbackRow> feedback,
    DailyTable table,
    int catalogueSize,
    double epsilon,
    DesirePredictor predictor,
    List<Instant> selfChoices) {
  /** The longest window an audit accepts, in days (ten years). */
  public static final int MAX_DAYS = 3650;

  public AuditInputs {
    Requires.nonNull(today, "today");
    Requires.nonNull(zone, "zone");
    if (days < 1 || days > MAX_DAYS) {
      throw new InvalidInputException("days must be in 1.." + MAX_DAYS + ", was " + days);
    }
    decisions = List.copyOf(decisions);
    feedback = List.copyOf(feedback);
    Requires.nonNull(table, "table");
    Requires.nonNegative(catalogueSize, "catalogueSize");
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new InvalidInputException("epsilon must be in [0, 1], was " + epsilon);
    }
    Requires.nonNull(predictor, "predictor");
    selfChoices = List.copyOf(selfChoices);
  }

  /** Inputs without any use of "decide myself". */
  public AuditInputs(LocalDate today, ZoneId zone, int days, List<LoggedDecision> decisions, List<FeedbackRow> feedback,
      DailyTable table, int catalogueSize, double epsilon, DesirePredictor predictor) {
    this(today, zone, days, decisions, feedback, table, catalogueSize, epsilon, predictor, List.of());
  }

  /** The window's first day. */
  public LocalDate from() {
    return today.minusDays(days - 1L);
  }
}
