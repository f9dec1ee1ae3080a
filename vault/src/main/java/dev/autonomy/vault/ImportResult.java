package dev.autonomy.vault;

import dev.autonomy.core.signal.ImportReport;

/**
 * The outcome of one committed import.
 *
 * @param source the source name
 * @param sourceId the source's short id ({@link SourceInfo#id})
 * @param report what the importer read
 * @param added signals that were new to the vault
 * @param duplicates signals already there (same natural key), so not added again; still linked to this source
 */
public record ImportResult(String source, String sourceId, ImportReport report, long added, long duplicates) {}
