package dev.autonomy.engine.state;

import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.QualityReport;
import dev.autonomy.vault.SignalCoverage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the engine derived from the person's signals at one fingerprint of the vault: the cleaned
 * daily table, the quality report, per-day note health scores and the data coverage behind
 * explanations. Rebuilt when signals change; stored as a vault document in between.
 *
 * @param fingerprint the vault's signal fingerprint it was built from
 * @param table cleaned daily values
 * @param quality what cleaning found and did
 * @param notesHealth per local date, the mean health probability of the notes written that day
 * @param coverage records per kind, source and device
 */
public record PersonState(
    String fingerprint,
    DailyTable table,
    QualityReport quality,
    Map<LocalDate, Double> notesHealth,
    List<SignalCoverage> coverage) {
  public PersonState {
    notesHealth = Map.copyOf(notesHealth);
    coverage = List.copyOf(coverage);
  }

  /** The same state with the notes' per-day health scores (read separately: it takes the transformer). */
  public PersonState withNotesHealth(Map<LocalDate, Double> scores) {
    return new PersonState(fingerprint, table, quality, scores, coverage);
  }
}
