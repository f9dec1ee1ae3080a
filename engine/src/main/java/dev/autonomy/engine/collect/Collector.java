package dev.autonomy.engine.collect;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.SignalBounds;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Importers;
import dev.autonomy.vault.ImportResult;
import dev.autonomy.vault.SignalCoverage;
import dev.autonomy.vault.SourceInfo;
import dev.autonomy.vault.SourceOrigin;
import dev.autonomy.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/** Brings the person's files into the vault, one file in one transaction. */
public final class Collector {
  /** How often import progress is reported, in signals. */
  public static final long PROGRESS_EVERY = 250_000;

  private static final Set<SignalKind> WEATHER_KINDS =
      Set.of(SignalKind.WEATHER, SignalKind.TEMPERATURE, SignalKind.PRECIPITATION);

  /** How many of the records set aside an import's warnings name one by one. */
  static final int SET_ASIDE_NAMED = 5;

  private final Vault vault;
  private final Clock clock;
  private final ZoneId zone;

  public Collector(Vault vault, Clock clock) {
    this.vault = vault;
    this.clock = clock;
    this.zone = clock.getZone();
  }

  /**
   * Imports a file (or a folder for formats that read folders) in one transaction, calling
   * {@code progress} with the number of signals read so far every {@link #PROGRESS_EVERY}.
   * {@code format} may be null to detect it; {@code person} picks one person in multi-person files.
   *
   * <p>A record outside {@link SignalBounds} (dated 9999, negative steps...) refuses the whole
   * import with the file, the record's number and the field, and nothing is written; with
   * {@code setAside} such records are left out instead, counted in the report and the first
   * {@link #SET_ASIDE_NAMED} named in its warnings, and the rest is imported.
   */
  public ImportResult importPath(Path path, String format, String person, LongConsumer progress, boolean setAside) {
    if (!Files.exists(path)) {
      throw new InvalidInputException(path + ": no such file or folder");
    }
    Importer importer;
    try {
      importer = format == null ? Importers.detect(path) : Importers.forFormat(format);
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read: " + e.getMessage(), e);
    }
    // A damaged vault is said so before anything is read into it (issue 14, fault 8).
    vault.requireSound();
    String sourceName = path.getFileName().toString();
    ImportOptions options = new ImportOptions(Optional.ofNullable(person), zone, sourceName);
    Instant now = clock.instant();
    // A source is its content and where it came from, not its name: Apple names every export export.zip.
    SourceOrigin origin = new SourceOrigin(sourceName, origin(path), ContentHash.of(path));
    ImportResult result = vault.signals().importSource(origin, importer.format(), sink -> {
      long[] seen = {0};
      List<String> setAsideNamed = new ArrayList<>();
      long[] setAsideCount = {0};
      ImportReport read = importer.read(path, options, signal -> {
        long record = ++seen[0];
        Optional<String> problem = SignalBounds.problem(signal, now);
        if (problem.isPresent()) {
          String where = path + ": record " + record + " (" + signal.kind().code() + "): " + problem.get();
          if (!setAside) {
            throw new InvalidInputException(where + "; nothing was imported. Fix or remove it, or import with"
                + " --set-aside to leave such records out and keep the rest");
          }
          if (setAsideNamed.size() < SET_ASIDE_NAMED) {
            setAsideNamed.add("set aside: " + where);
          }
          setAsideCount[0]++;
        } else {
          sink.accept(signal);
        }
        if (record % PROGRESS_EVERY == 0) {
          progress.accept(record);
        }
      });
      if (setAsideCount[0] == 0) {
        return read;
      }
      Map<String, Long> skipped = new LinkedHashMap<>(read.skipped());
      skipped.merge("set aside: outside the bounds of a record", setAsideCount[0], Long::sum);
      List<String> warnings = new ArrayList<>(read.warnings());
      warnings.addAll(setAsideNamed);
      return new ImportReport(read.format(), read.signalsRead(), skipped, warnings);
    });
    return result.report().format().equals("weather") ? withWeatherSpan(result) : result;
  }

  /**
   * A weather file's days outside the span of the person's own data are kept (a later import may
   * reach them) but teach nothing until then: the import's warnings say how many and which span.
   */
  private ImportResult withWeatherSpan(ImportResult result) {
    Instant[] own = {null, null};
    Instant[] weather = {null, null};
    for (SignalCoverage c : vault.signals().coverage()) {
      boolean isWeather = WEATHER_KINDS.contains(SignalKind.fromCode(c.kind()));
      if (isWeather && !c.source().equals(result.source())) {
        continue;
      }
      Instant[] span = isWeather ? weather : own;
      span[0] = span[0] == null || c.first().isBefore(span[0]) ? c.first() : span[0];
      // An interval that ends at midnight belongs to the day before it.
      Instant last = c.last().isAfter(c.first()) ? c.last().minusMillis(1) : c.last();
      span[1] = span[1] == null || last.isAfter(span[1]) ? last : span[1];
    }
    if (weather[0] == null) {
      return result;
    }
    LocalDate from = weather[0].atZone(zone).toLocalDate();
    LocalDate to = weather[1].atZone(zone).toLocalDate();
    String note;
    if (own[0] == null) {
      note = "weather from " + from + " to " + to + " kept; no data of your own yet, so it teaches nothing until your"
          + " activity, sleep or spending data covers those days";
    } else {
      LocalDate first = own[0].atZone(zone).toLocalDate();
      LocalDate last = own[1].atZone(zone).toLocalDate();
      long outside = Math.max(0, ChronoUnit.DAYS.between(from, first.isAfter(to) ? to.plusDays(1) : first))
          + Math.max(0, ChronoUnit.DAYS.between(last.isBefore(from) ? from.minusDays(1) : last, to));
      if (outside == 0) {
        return result;
      }
      note = outside + " day(s) of weather between " + from + " and " + to + " fall outside your own data (" + first
          + " to " + last + "): kept, but only days with your own data teach what weather does to you";
    }
    List<String> warnings = new ArrayList<>(result.report().warnings());
    warnings.add(note);
    ImportReport report = new ImportReport(result.report().format(), result.report().signalsRead(),
        result.report().skipped(), warnings);
    return new ImportResult(result.source(), result.sourceId(), report, result.added(), result.duplicates());
  }

  /** The absolute path a source is known by: the real one (links resolved) where it can be had. */
  public static String origin(Path path) {
    try {
      return path.toRealPath().toString();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize().toString();
    }
  }

  /** The files imported so far. */
  public List<SourceInfo> sources() {
    return vault.signals().sources();
  }

  public long signalCount() {
    return vault.signals().count();
  }
}
