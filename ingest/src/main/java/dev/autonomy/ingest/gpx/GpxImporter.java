package dev.autonomy.ingest.gpx;

import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.SignalSink;
import dev.autonomy.core.signal.WorkoutPlace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GPX 1.0/1.1 tracks and routes. Per track or route it derives (modality DERIVED, category = the
 * track's type, else its name): DISTANCE (haversine, m), ELEVATION_GAIN (m, see {@link GpxTracks})
 * when the points carry elevation, and WORKOUT (minutes between the first and last timed point)
 * when that is positive, with text "outdoor" ({@link WorkoutPlace#OUTDOOR}: a GPS track is
 * recorded outdoors; the other kinds have text ""). A track without times is placed at the file's
 * metadata time, else at the file's modification time (with a warning).
 */
public final class GpxImporter implements Importer {
  public static final String FORMAT = "gpx";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean canRead(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpx")) {
      return true;
    }
    byte[] head = new byte[1024];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    }
    return new String(head, 0, n, StandardCharsets.UTF_8).contains("<gpx");
  }

  @Override
  public ImportReport read(Path path, ImportOptions options, SignalSink sink) throws IOException {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    GpxFile gpx;
    try (InputStream in = Files.newInputStream(path)) {
      gpx = GpxTracks.read(in, file);
    }
    List<String> warnings = new ArrayList<>();
    Instant fallback = gpx.metadataTime().orElse(null);
    if (fallback == null && gpx.tracks().stream().anyMatch(t -> t.firstTime().isEmpty())) {
      fallback = Files.getLastModifiedTime(path).toInstant();
      warnings.add(file + ": points carry no time; tracks are placed at the file's modification time " + fallback);
    }
    Provenance provenance = new Provenance(options.sourceName(), FORMAT, "", Modality.DERIVED);
    long count = 0;
    for (GpxTrack track : gpx.tracks()) {
      count += emit(track, fallback, options, provenance, sink, true);
    }
    return new ImportReport(FORMAT, count, Map.of(), warnings);
  }

  /**
   * Sends the signals of one track; {@code withDistanceAndDuration} false sends only its elevation
   * gain (for a workout route whose workout already carries distance and duration).
   */
  public static long emit(
      GpxTrack track, Instant fallbackTime, ImportOptions options, Provenance provenance, SignalSink sink,
      boolean withDistanceAndDuration) {
    Instant start = track.firstTime().orElse(fallbackTime);
    Instant end = track.lastTime().orElse(start);
    if (end.isBefore(start)) {
      end = start;
    }
    String category = track.category();
    long count = 0;
    if (withDistanceAndDuration) {
      sink.accept(signal(SignalKind.DISTANCE, start, end, track.distanceMetres(), category, "", options, provenance));
      count++;
      double minutes = Duration.between(start, end).toMillis() / 60_000.0;
      if (track.firstTime().isPresent() && minutes > 0) {
        sink.accept(signal(SignalKind.WORKOUT, start, end, minutes, category, WorkoutPlace.OUTDOOR.code(), options, provenance));
        count++;
      }
    }
    if (track.elevationGainMetres() > 0 || !withDistanceAndDuration) {
      sink.accept(signal(SignalKind.ELEVATION_GAIN, start, end, track.elevationGainMetres(), category, "", options, provenance));
      count++;
    }
    return count;
  }

  private static Signal signal(SignalKind kind, Instant start, Instant end, double value, String category, String text,
      ImportOptions options, Provenance provenance) {
    return new Signal(kind, start, end, options.defaultZone(), value, kind.canonicalUnit(), category, text, provenance);
  }
}
