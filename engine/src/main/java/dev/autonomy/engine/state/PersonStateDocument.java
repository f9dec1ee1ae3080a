package dev.autonomy.engine.state;

import dev.autonomy.engine.quality.QualityReport;
import dev.autonomy.vault.SignalCoverage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@link PersonState} as stored in the vault's documents (JSON through Jackson). */
record PersonStateDocument(
    String fingerprint,
    DailyTableDocument table,
    QualityReport quality,
    Map<LocalDate, Double> notesHealth,
    List<SignalCoverage> coverage) {

  static PersonStateDocument of(PersonState s) {
    return new PersonStateDocument(s.fingerprint(), DailyTableDocument.of(s.table()), s.quality(), s.notesHealth(), s.coverage());
  }

  PersonState toState() {
    return new PersonState(fingerprint, table.toTable(), quality, notesHealth, coverage);
  }
}
