package dev.autonomy.bench.ingest;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.ingest.applehealth.AppleHealthImporter;
import dev.autonomy.ingest.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Apple Health import throughput against a bare StAX pass over the same export.xml, in the same
 * run: the bare pass reads every attribute of every Record and does nothing else, so the ratio is
 * what parsing dates, converting units and building signals costs on top of XML parsing. Time is
 * read from the {@code clock} given (nanoseconds), so the benchmark itself reads no global clock.
 *
 * <p>Run: {@code AUTONOMY_JAVA_OPTS=-Xmx256m ./autonomy bench import --size-mb 1000}
 */
public final class ImportBenchmark {
  /** The JDK's StAX on the raw bytes, DTD support off (real exports carry an internal DTD). */
  private static final XMLInputFactory BARE = bareFactory();

  private static XMLInputFactory bareFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    return factory;
  }

  private final LongSupplier nanoClock;

  public ImportBenchmark(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * One measured pass.
   *
   * @param name what ran
   * @param bytes size of the file read
   * @param nanos how long it took
   * @param items Records seen (StAX) or signals produced (importer)
   */
  public record Pass(String name, long bytes, long nanos, long items) {
    public double seconds() {
      return nanos / 1e9;
    }

    public double megabytesPerSecond() {
      return bytes / 1e6 / seconds();
    }
  }

  /** Both passes, and the heap the JVM was allowed. */
  /** @param vault the full import into a fresh vault (one pass), or null when not measured */
  public record Result(Path file, Pass stax, Pass importer, Pass vault, long maxHeapBytes, int rounds) {
    public double ratio() {
      return importer.megabytesPerSecond() / stax.megabytesPerSecond();
    }

    /** The markdown table the bench command prints. */
    public String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Apple Health import, %s (%.0f MB), max heap %d MB, best of %d round(s)%n%n",
          file.getFileName(), stax.bytes() / 1e6, maxHeapBytes >> 20, rounds));
      out.append("| pass | MB | seconds | MB/s | items |\n|---|---:|---:|---:|---:|\n");
      for (Pass pass : vault == null ? new Pass[] {stax, importer} : new Pass[] {stax, importer, vault}) {
        out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.1f | %d |%n",
            pass.name(), pass.bytes() / 1e6, pass.seconds(), pass.megabytesPerSecond(), pass.items()));
      }
      out.append(String.format(Locale.ROOT, "%nimporter / bare StAX = %.0f%% (target >= 50%%)%n", ratio() * 100));
      return out.toString();
    }
  }

  /**
   * Runs the bare StAX pass and then the importer over {@code file}, {@code rounds} times each,
   * alternating, and keeps the fastest of each (the JIT warms up in the first round, and a shared
   * machine slows single passes down).
   */
  public Result run(Path file, int rounds) throws IOException {
    if (rounds <= 0) {
      throw new InvalidInputException("rounds must be > 0, was " + rounds);
    }
    Pass stax = null;
    Pass importer = null;
    for (int i = 0; i < rounds; i++) {
      stax = faster(stax, bareStax(file));
      importer = faster(importer, importer(file));
    }
    return new Result(file, stax, importer, null, Runtime.getRuntime().maxMemory(), rounds);
  }

  /** As {@link #run(Path, int)}, plus one full import into a fresh vault in {@code home}. */
  public Result runWithVault(Path file, int rounds, Path home) throws IOException {
    Result r = run(file, rounds);
    return new Result(file, r.stax(), r.importer(), vault(file, home), r.maxHeapBytes(), rounds);
  }

  /**
   * The whole import as a person runs it: importer into the vault's transactional sink (batched
   * INSERT OR IGNORE on the natural key, one SQLite transaction, committed at the end).
   */
  public Pass vault(Path file, Path home) throws IOException {
    long size = Files.size(file);
    long start = nanoClock.getAsLong();
    long added;
    try (dev.autonomy.vault.Vault vault = dev.autonomy.vault.Vault.open(home, java.time.Clock.systemUTC())) {
      added = vault.signals().importSource(file.getFileName().toString(), "apple-health",
          sink -> new AppleHealthImporter().read(file,
              new ImportOptions(Optional.empty(), ZoneOffset.UTC, file.getFileName().toString()), sink)).added();
    }
    long nanos = nanoClock.getAsLong() - start;
    return new Pass("full import into the vault (SQLite, one transaction)", size, nanos, added);
  }

  private static Pass faster(Pass best, Pass next) {
    return best == null || next.nanos() < best.nanos() ? next : best;
  }

  /**
   * The baseline: the JDK's StAX straight on the file's bytes, reading every attribute name and
   * value of every Record and nothing else.
   */
  public Pass bareStax(Path file) throws IOException {
    long size = Files.size(file);
    long start = nanoClock.getAsLong();
    long records = 0;
    long checksum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = BARE.createXMLStreamReader(in);
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Record")) {
          records++;
          for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
            checksum += reader.getAttributeLocalName(i).length() + reader.getAttributeValue(i).length();
          }
        }
      }
      reader.close();
    } catch (XMLStreamException e) {
      throw SafeXml.invalid(file.getFileName().toString(), e);
    }
    long nanos = nanoClock.getAsLong() - start;
    if (checksum == 42) {
      records++; // keeps the attribute reads from being optimised away
    }
    return new Pass("bare StAX (every Record attribute)", size, nanos, records);
  }

  /** The real importer into a sink that only counts. */
  public Pass importer(Path file) throws IOException {
    long size = Files.size(file);
    long[] counted = new long[1];
    double[] sum = new double[1];
    long start = nanoClock.getAsLong();
    ImportReport report = new AppleHealthImporter().read(file,
        new ImportOptions(Optional.empty(), ZoneOffset.UTC, file.getFileName().toString()),
        signal -> {
          counted[0]++;
          sum[0] += signal.value();
        });
    long nanos = nanoClock.getAsLong() - start;
    if (counted[0] != report.signalsRead()) {
      throw new IllegalStateException("sink saw " + counted[0] + " signals, report says " + report.signalsRead());
    }
    return new Pass("apple-health importer (counting sink)", size, nanos, counted[0]);
  }

}
