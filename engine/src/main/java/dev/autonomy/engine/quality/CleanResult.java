package dev.autonomy.engine.quality;

import dev.autonomy.core.Requires;
import dev.autonomy.core.signal.Signal;
import java.util.List;

/**
 * The output of {@link Cleaner#clean}: the signals kept (duplicates and impossible values
 * removed), the daily table built from them, and the report of what was found and done.
 */
public record CleanResult(List<Signal> kept, DailyTable table, QualityReport report) {
  public CleanResult {
    kept = List.copyOf(kept);
    Requires.nonNull(table, "table");
    Requires.nonNull(report, "report");
  }
}
