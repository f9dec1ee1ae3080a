package dev.autonomy.core.signal;

import java.util.Map;

/**
 * What an importer read from one source.
 *
 * @param format the importer's format name
 * @param signalsRead signals emitted to the sink
 * @param skipped records deliberately not imported, by reason ("unsupported type HKQuantityTypeIdentifierX")
 * @param warnings human-readable notes that did not stop the import
 */
public record ImportReport(
    String format, long signalsRead, Map<String, Long> skipped, java.util.List<String> warnings) {
  public ImportReport {
    skipped = Map.copyOf(skipped);
    warnings = java.util.List.copyOf(warnings);
  }
}
