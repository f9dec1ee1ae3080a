package dev.autonomy.engine.audit;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The self-audit of a person's decision log over a window: what was shown and whether it matched
 * what they wanted, how it went, and whether they are coming to lean on the engine. Every figure is
 * computed from the log; when the window holds no recommendation there are no findings, only the
 * summary saying so, so that no zero reads as a result.
 *
 * @param from the window's first day
 * @param to the window's last day
 * @param days the window's length
 * @param loggedInAll recommendations in the whole log, in or out of the window
 * @param summary one plain sentence on what the audit covers (or why there is nothing to audit)
 * @param findings the figures, absent when the window is empty
 */
public record AuditReport(
    LocalDate from, LocalDate to, int days, int loggedInAll, String summary, Optional<Findings> findings) {

  /**
   * What the audit found.
   *
   * @param exposure what was shown, against what was wanted
   * @param outcomes what the person did with it
   * @param dependence per week, asking versus acting on one's own
   */
  public record Findings(Exposure exposure, Outcomes outcomes, DependenceWatch dependence) {}

  public boolean isEmpty() {
    return findings.isEmpty();
  }
}
