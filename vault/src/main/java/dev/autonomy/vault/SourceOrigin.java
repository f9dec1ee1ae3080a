package dev.autonomy.vault;

import java.util.Objects;

/**
 * Where the signals of an import come from: together, {@code origin} and {@code contentHash} are
 * the source's identity; {@code name} is what the person calls it.
 *
 * @param name the file name ("export.zip")
 * @param origin the absolute path it is read from
 * @param contentHash the SHA-256 of its bytes, hex (empty when unknown)
 */
public record SourceOrigin(String name, String origin, String contentHash) {
  public SourceOrigin {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(contentHash, "contentHash");
    if (name.isBlank() || origin.isBlank()) {
      throw new IllegalArgumentException("source origin: name and origin must not be blank, were '" + name + "' and '"
          + origin + "'");
    }
  }

  /** A source known only by its name (tests, and callers that read no file). */
  public static SourceOrigin named(String name) {
    return new SourceOrigin(name, name, "");
  }
}
