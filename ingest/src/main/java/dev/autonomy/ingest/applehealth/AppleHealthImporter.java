package dev.autonomy.ingest.applehealth;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.ingest.zip.SafeZip;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.SignalSink;
import dev.autonomy.ingest.gpx.GpxFile;
import dev.autonomy.ingest.gpx.GpxTrack;
import dev.autonomy.ingest.gpx.GpxTracks;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Apple Health: the export.zip as the iPhone writes it, or its bare export.xml (optionally
 * gzipped, export.xml.gz), streamed with StAX.
 *
 * <p>What becomes what (every value in its kind's canonical unit, every signal in the UTC offset
 * its record was written with; modality SENSED, or SELF_REPORTED when the record's metadata says
 * HKWasUserEntered=1; device = sourceName, plus the HKDevice name when it differs):
 *
 * <ul>
 *   <li>Records: StepCount → STEPS; DistanceWalkingRunning/Cycling/Swimming → DISTANCE (category
 *       walking_running/cycling/swimming); ActiveEnergyBurned, BasalEnergyBurned → ACTIVE_ENERGY,
 *       BASAL_ENERGY; HeartRate, RestingHeartRate; BodyMass → BODY_MASS; AppleExerciseTime →
 *       ACTIVE_MINUTES; FlightsClimbed; SleepAnalysis → SLEEP in minutes, category
 *       asleep/inBed/core/deep/rem/awake. Other record types are counted in {@code skipped}.
 *   <li>Workout → WORKOUT (minutes, category = the activity in snake case: "running",
 *       "traditional_strength_training"; text = where it took place, see {@link
 *       dev.autonomy.core.signal.WorkoutPlace}: "indoor" when its MetadataEntry HKIndoorWorkout is
 *       1 or true, "outdoor" when it is 0 or false, else "outdoor" when the workout has a
 *       WorkoutRoute child (a GPS route was recorded), else ""), plus DISTANCE and ACTIVE_ENERGY
 *       from totalDistance and totalEnergyBurned (or the WorkoutStatistics children) with the same
 *       category and text "". These duplicate the underlying records, which carry another
 *       category; sum one or the other.
 *   <li>ActivitySummary → ACTIVE_ENERGY and ACTIVE_MINUTES for the day, category
 *       {@code daily_summary}, device "Apple Health activity summary", in the export's offset.
 *   <li>workout-routes/*.gpx in the zip → ELEVATION_GAIN (DERIVED, category {@code workout_route});
 *       distance and duration are already on the workout. An unreadable route is a warning.
 *   <li>Records inside a Correlation are exported again at top level and are read once.
 * </ul>
 */
public final class AppleHealthImporter implements Importer {
  public static final String FORMAT = "apple-health";
  static final String ROUTE_CATEGORY = "workout_route";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean canRead(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".zip")) {
      try (ZipFile zip = new ZipFile(path.toFile())) {
        return exportEntry(zip) != null;
      } catch (ZipException | EOFException e) {
        return false;
      }
    }
    byte[] head = new byte[8192];
    int n;
    try (InputStream in = open(path, name)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (ZipException | EOFException notGzip) {
      return false;
    }
    return new String(head, 0, n, StandardCharsets.UTF_8).contains("<HealthData");
  }

  @Override
  public ImportReport read(Path path, ImportOptions options, SignalSink sink) throws IOException {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (file.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return readZip(path, file, options, sink);
    }
    ExportReader reader = new ExportReader(file, options, sink);
    try (InputStream in = open(path, file.toLowerCase(Locale.ROOT))) {
      reader.read(in);
    } catch (ZipException | EOFException e) {
      throw InvalidInputException.at(file, 0, null, "damaged gzip data (" + e.getMessage() + ")");
    }
    return new ImportReport(FORMAT, reader.signals(), reader.skipped(), List.of());
  }

  private ImportReport readZip(Path path, String file, ImportOptions options, SignalSink sink) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (ZipException | EOFException e) {
      throw InvalidInputException.at(file, 0, null, "not a readable zip archive (" + e.getMessage() + "); expected Apple Health's export.zip");
    }
    try (zip) {
      ZipEntry export = exportEntry(zip);
      if (export == null) {
        throw InvalidInputException.at(file, 0, null, "no apple_health_export/export.xml in the zip; expected Apple Health's export.zip");
      }
      ExportReader reader = new ExportReader(file + "!/" + export.getName(), options, sink);
      try {
        SafeZip.read(zip, export, file, in -> {
          reader.read(in);
          return null;
        });
      } catch (ZipException | EOFException e) {
        throw InvalidInputException.at(file, 0, export.getName(), "damaged zip entry (" + e.getMessage() + ")");
      }
      Map<String, Long> skipped = new HashMap<>(reader.skipped());
      List<String> warnings = new ArrayList<>();
      long signals = reader.signals() + readRoutes(zip, file, options, sink, warnings);
      if (!warnings.isEmpty()) {
        skipped.put("unreadable workout route", (long) warnings.size());
      }
      return new ImportReport(FORMAT, signals, skipped, warnings);
    }
  }

  private static long readRoutes(ZipFile zip, String file, ImportOptions options, SignalSink sink, List<String> warnings)
      throws IOException {
    Provenance provenance = new Provenance(options.sourceName(), FORMAT, "", Modality.DERIVED);
    long count = 0;
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      String name = entry.getName();
      if (entry.isDirectory() || !name.contains("workout-routes/") || !name.toLowerCase(Locale.ROOT).endsWith(".gpx")) {
        continue;
      }
      String where = file + "!/" + name;
      GpxFile gpx;
      try {
        gpx = SafeZip.read(zip, entry, file, in -> GpxTracks.read(in, where));
      } catch (InvalidInputException | ZipException | EOFException e) {
        warnings.add(e.getMessage());
        continue;
      }
      Instant fallback = gpx.metadataTime().orElse(entry.getLastModifiedTime() == null
          ? Instant.EPOCH : entry.getLastModifiedTime().toInstant());
      for (GpxTrack track : gpx.tracks()) {
        Instant start = track.firstTime().orElse(fallback);
        Instant end = track.lastTime().filter(t -> !t.isBefore(start)).orElse(start);
        sink.accept(new Signal(SignalKind.ELEVATION_GAIN, start, end, options.defaultZone(), track.elevationGainMetres(),
            SignalKind.ELEVATION_GAIN.canonicalUnit(), ROUTE_CATEGORY, track.name(), provenance));
        count++;
      }
    }
    return count;
  }

  /** The file's bytes, gunzipped on the fly for export.xml.gz. */
  private static InputStream open(Path path, String lowerCaseName) throws IOException {
    InputStream in = Files.newInputStream(path);
    if (!lowerCaseName.endsWith(".gz")) {
      return in;
    }
    try {
      return new GZIPInputStream(in, 1 << 16);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static ZipEntry exportEntry(ZipFile zip) {
    ZipEntry standard = zip.getEntry("apple_health_export/export.xml");
    if (standard != null) {
      return standard;
    }
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      String name = entry.getName();
      if (!entry.isDirectory() && (name.equals("export.xml") || name.endsWith("/export.xml"))) {
        return entry;
      }
    }
    return null;
  }
}
