package dev.autonomy.vault;

import dev.autonomy.core.signal.ImportReport;

/**
 * The outcome of one committed import.
 *
 * @param source the source name
 * @param report what the importer read
 * @param added signals that were new to the vault
 * @param duplicates signals already there (same natural key), so not added again
 */
public record ImportResult(String source, ImportReport report, long added, long duplicates) {}
