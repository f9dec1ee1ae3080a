package dev.autonomy.core.signal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one kind of personal data file and streams its signals into a sink. Implementations never
 * load a whole file in memory, and throw {@link dev.autonomy.core.InvalidInputException} naming the
 * file, line and field for input they cannot read. The caller owns the transaction: a failure
 * part-way must leave the vault as it was.
 */
public interface Importer {
  /** The {@code --format} name ("apple-health", "fitbit", "gpx", "events"). */
  String format();

  /** Whether this importer recognises the path by name or by its first bytes. */
  boolean canRead(Path path) throws IOException;

  /** Reads the path and returns what was read; signals go to {@code sink} as they are parsed. */
  ImportReport read(Path path, ImportOptions options, SignalSink sink) throws IOException;
}
