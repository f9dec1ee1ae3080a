package dev.autonomy.engine.state;

import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.engine.quality.DailyTable;
import dev.autonomy.engine.quality.DailyValue;
import dev.autonomy.engine.quality.DayStatus;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link DailyTable} as a JSON-friendly document: per kind, rows of [date, value, status,
 * outlier]. Lets every command reuse the cleaned table instead of re-reading all signals.
 *
 * @param kinds kind code -> rows
 */
record DailyTableDocument(Map<String, List<Row>> kinds) {
  /** One day of one kind. */
  public record Row(LocalDate date, double value, DayStatus status, boolean outlier) {}

  public static DailyTableDocument of(DailyTable table) {
    Map<String, List<Row>> kinds = new LinkedHashMap<>();
    for (SignalKind kind : table.kinds()) {
      kinds.put(kind.code(), table.series(kind).entrySet().stream()
          .map(e -> new Row(e.getKey(), e.getValue().value(), e.getValue().status(), e.getValue().outlier()))
          .toList());
    }
    return new DailyTableDocument(kinds);
  }

  public DailyTable toTable() {
    Map<SignalKind, Map<LocalDate, DailyValue>> byKind = new EnumMap<>(SignalKind.class);
    kinds.forEach((code, rows) -> {
      Map<LocalDate, DailyValue> days = new TreeMap<>();
      for (Row r : rows) {
        days.put(r.date(), new DailyValue(r.value(), r.status(), r.outlier()));
      }
      byKind.put(SignalKind.fromCode(code), days);
    });
    return new DailyTable(byKind);
  }
}
