package dev.autonomy.engine.collect;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.ingest.Importers;
import dev.autonomy.vault.ImportResult;
import dev.autonomy.vault.SourceInfo;
import dev.autonomy.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/** Brings the person's files into the vault, one file in one transaction. */
public final class Collector {
  /** How often import progress is reported, in signals. */
  public static final long PROGRESS_EVERY = 250_000;

  private final Vault vault;
  private final ZoneId zone;

  public Collector(Vault vault, ZoneId zone) {
    this.vault = vault;
    this.zone = zone;
  }

  /**
   * Imports a file (or a folder for formats that read folders) in one transaction, calling
   * {@code progress} with the number of signals read so far every {@link #PROGRESS_EVERY}.
   * {@code format} may be null to detect it; {@code person} picks one person in multi-person files.
   */
  public ImportResult importPath(Path path, String format, String person, LongConsumer progress) {
    if (!Files.exists(path)) {
      throw new InvalidInputException(path + ": no such file or folder");
    }
    Importer importer;
    try {
      importer = format == null ? Importers.detect(path) : Importers.forFormat(format);
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read: " + e.getMessage(), e);
    }
    String sourceName = path.getFileName().toString();
    ImportOptions options = new ImportOptions(Optional.ofNullable(person), zone, sourceName);
    return vault.signals().importSource(sourceName, importer.format(), sink -> {
      long[] seen = {0};
      return importer.read(path, options, signal -> {
        sink.accept(signal);
        if (++seen[0] % PROGRESS_EVERY == 0) {
          progress.accept(seen[0]);
        }
      });
    });
  }

  /** The files imported so far. */
  public List<SourceInfo> sources() {
    return vault.signals().sources();
  }

  public long signalCount() {
    return vault.signals().count();
  }
}
