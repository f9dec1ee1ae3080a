package dev.autonomy.vault;

import java.time.Instant;

/**
 * One imported source and what the vault holds from it.
 *
 * @param name the file name as imported
 * @param format the importer that read it
 * @param signals how many signals from it the vault holds now
 * @param firstImported when it was first imported
 * @param lastImported when it was last imported
 */
public record SourceInfo(String name, String format, long signals, Instant firstImported, Instant lastImported) {}
