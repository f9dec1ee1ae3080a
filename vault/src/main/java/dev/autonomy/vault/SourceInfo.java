package dev.autonomy.vault;

import java.time.Instant;

/**
 * One imported source and what the vault holds from it. A source is a file's content from one
 * origin: two files of one name from two folders are two sources, and the same bytes imported from
 * two paths are two sources that share their signals.
 *
 * @param id the short id shown to the person, stable for the life of the vault
 * @param name the file name as imported
 * @param format the importer that read it
 * @param origin the absolute path it was imported from (its name alone when imported before
 *     sources had an origin)
 * @param contentHash the SHA-256 of its bytes, hex; empty when imported before sources had one
 * @param signals how many signals the vault holds from it (a signal two sources brought counts in both)
 * @param firstImported when it was first imported
 * @param lastImported when it was last imported
 */
public record SourceInfo(String id, String name, String format, String origin, String contentHash, long signals,
    Instant firstImported, Instant lastImported) {

  /** How a person tells this source from others: id, path, format and signals. */
  public String describe() {
    return id + " " + origin + " (" + format + ", " + signals + " signals, imported " + firstImported + ")";
  }
}
