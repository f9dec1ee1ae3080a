package dev.autonomy.engine.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What cleaning found and did, per kind. {@link #toText()} renders a table for people; {@link
 * #toMap()} a JSON-ready structure ({@code {"kinds": [{kind, count, days_covered, ...}]}}); the
 * record itself also serialises with Jackson under the same names.
 */
public record QualityReport(List<KindQuality> kinds) {
  public QualityReport {
    kinds = List.copyOf(kinds);
  }

  public Optional<KindQuality> kind(String code) {
    return kinds.stream().filter(k -> k.kind().equals(code)).findFirst();
  }

  /** A fixed-width table, one row per kind, then what was done per kind. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-18s %8s %6s %8s %-10s %-10s %5s %7s %5s %5s %7s %8s %7s%n",
            "kind", "count", "days", "coverage", "first", "last", "gaps", "longest", "dups",
            "imposs", "nonwear", "outliers", "imputed"));
    for (KindQuality k : kinds) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-18s %8d %6d %7.1f%% %-10s %-10s %5d %7d %5d %5d %7d %8d %7d%n",
              k.kind(), k.count(), k.daysCovered(), k.coveragePercent(),
              k.firstDate() == null ? "-" : k.firstDate(), k.lastDate() == null ? "-" : k.lastDate(),
              k.gaps(), k.longestGapDays(), k.duplicatesRemoved(), k.impossibleRemoved(),
              k.nonWearDays(), k.outliersFlagged(), k.daysImputed()));
    }
    for (KindQuality k : kinds) {
      if (!k.actions().isEmpty()) {
        out.append(k.kind()).append(": ").append(String.join("; ", k.actions())).append('\n');
      }
    }
    return out.toString();
  }

  /** Plain maps and lists, ready for any JSON writer. */
  public Map<String, Object> toMap() {
    List<Map<String, Object>> rows =
        kinds.stream()
            .map(
                k -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("kind", k.kind());
                  m.put("count", k.count());
                  m.put("days_covered", k.daysCovered());
                  m.put("coverage_percent", k.coveragePercent());
                  m.put("first_date", k.firstDate() == null ? null : k.firstDate().toString());
                  m.put("last_date", k.lastDate() == null ? null : k.lastDate().toString());
                  m.put("gaps", k.gaps());
                  m.put("longest_gap_days", k.longestGapDays());
                  m.put("duplicates_removed", k.duplicatesRemoved());
                  m.put("impossible_removed", k.impossibleRemoved());
                  m.put("non_wear_days", k.nonWearDays());
                  m.put("outliers_flagged", k.outliersFlagged());
                  m.put("days_imputed", k.daysImputed());
                  m.put("actions", k.actions());
                  return m;
                })
            .toList();
    return Map.of("kinds", rows);
  }
}
