package dev.autonomy.ingest.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.autonomy.core.AutonomyException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.ingest.applehealth.AppleHealthImporter;
import dev.autonomy.ingest.events.EventsImporter;
import dev.autonomy.ingest.fitbit.FitbitImporter;
import dev.autonomy.ingest.gpx.GpxImporter;
import dev.autonomy.ingest.weather.WeatherImporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzer bytes fed to every importer through {@link Importer#read}, from a file named as the
 * importer expects: each read either succeeds or throws what the importer documents ({@link
 * AutonomyException}, in practice {@code InvalidInputException}, or the {@link IOException} that
 * {@code read} declares). Any other exception (a NullPointerException, an index out of bounds, a
 * NumberFormatException that escaped, a StackOverflowError) is a finding.
 *
 * <p>A plain {@code mvn test} runs each target over its seed corpus in
 * {@code src/test/resources/dev/autonomy/ingest/fuzz/ImporterFuzzTestInputs/<method>/} (Jazzer's
 * regression mode); {@code JAZZER_FUZZ=1} fuzzes one target, and {@code ./autonomy bench fuzz}
 * (bench/fuzz.sh) fuzzes each of them for a fixed number of executions.
 */
class ImporterFuzzTest {
  private static final Path DIR = tempDir();
  private static final ImportOptions OPTIONS = new ImportOptions(Optional.empty(), ZoneId.of("Europe/Zurich"), "fuzz");

  /** The Fitabase files the Fitbit target writes; the input's first byte picks one. */
  private static final List<String> FITABASE = List.of("dailyActivity_merged.csv", "sleepDay_merged.csv",
      "hourlySteps_merged.csv", "hourlyCalories_merged.csv", "weightLogInfo_merged.csv");

  @FuzzTest
  void appleHealthXml(byte[] data) {
    read(new AppleHealthImporter(), "export.xml", data);
  }

  /**
   * An export.zip with export.xml (the bytes before the first NUL) and one workout route (the
   * bytes after it), so that both the export and the route reader see the fuzzer's bytes.
   */
  @FuzzTest
  void appleHealthZip(byte[] data) {
    int nul = indexOf(data, (byte) 0);
    byte[] xml = nul < 0 ? data : Arrays.copyOfRange(data, 0, nul);
    byte[] route = nul < 0 ? new byte[0] : Arrays.copyOfRange(data, nul + 1, data.length);
    Path zip = DIR.resolve("export.zip");
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      out.putNextEntry(new ZipEntry("apple_health_export/export.xml"));
      out.write(xml);
      out.closeEntry();
      out.putNextEntry(new ZipEntry("apple_health_export/workout-routes/route_2024-05-01_7.00am.gpx"));
      out.write(route);
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    readFile(new AppleHealthImporter(), zip);
  }

  /** A Fitabase CSV: the first byte picks the file kind, the rest is its content. */
  @FuzzTest
  void fitbitCsv(byte[] data) {
    if (data.length == 0) {
      return;
    }
    String name = FITABASE.get(Math.floorMod(data[0], FITABASE.size()));
    read(new FitbitImporter(), name, Arrays.copyOfRange(data, 1, data.length));
  }

  @FuzzTest
  void gpx(byte[] data) {
    read(new GpxImporter(), "track.gpx", data);
  }

  @FuzzTest
  void eventsCsv(byte[] data) {
    read(new EventsImporter(), "events.csv", data);
  }

  @FuzzTest
  void eventsJsonl(byte[] data) {
    read(new EventsImporter(), "events.jsonl", data);
  }

  @FuzzTest
  void weatherCsv(byte[] data) {
    read(new WeatherImporter(), "weather.csv", data);
  }

  @AfterAll
  static void deleteTempDir() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void read(Importer importer, String name, byte[] data) {
    Path file = DIR.resolve(name);
    try {
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    readFile(importer, file);
  }

  private static void readFile(Importer importer, Path file) {
    List<Signal> signals = new ArrayList<>();
    try {
      importer.read(file, OPTIONS, signals::add);
    } catch (AutonomyException | IOException documented) {
      // The importer said what is wrong with the input, as it promises to.
    }
  }

  private static int indexOf(byte[] data, byte b) {
    for (int i = 0; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("autonomy-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
