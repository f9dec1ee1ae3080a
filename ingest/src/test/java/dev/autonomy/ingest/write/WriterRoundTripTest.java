package dev.autonomy.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Importers;
import dev.autonomy.ingest.Samples;
import dev.autonomy.ingest.applehealth.AppleHealthImporter;
import dev.autonomy.ingest.events.EventsImporter;
import dev.autonomy.ingest.gpx.GpxImporter;
import dev.autonomy.ingest.gpx.GpxTracks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterRoundTripTest {
  @TempDir Path dir;

  @Test
  void appleHealthExport_writtenThenImported_givesBackTheValues() throws IOException {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    ZonedDateTime t = ZonedDateTime.of(2024, 3, 30, 22, 0, 0, 0, zone);
    Path xml = dir.resolve("export.xml");
    try (AppleHealthExportWriter w = new AppleHealthExportWriter(xml, t.plusDays(2))) {
      w.quantity("HKQuantityTypeIdentifierStepCount", "count", 412, t, t.plusMinutes(10), "Ann's <iPhone> & \"Watch\"");
      w.quantity("HKQuantityTypeIdentifierDistanceWalkingRunning", "km", 0.00288, t, t.plusMinutes(10), "Watch");
      w.sleep("HKCategoryValueSleepAnalysisAsleepCore", t.plusHours(1), t.plusHours(8), "Watch");
      w.workout("Running", 31.5, 5.25, 320.75, t.plusDays(1), t.plusDays(1).plusMinutes(31), "Watch");
      w.activitySummary(LocalDate.of(2024, 3, 31), 540.5, 42, 11);
    }
    List<Path> routes = List.of(GpxWriter.writeTrack(dir.resolve("route_1.gpx"), "Run", "running", List.of(
        new GpxPoint(52.52, 13.40, 30, Instant.parse("2024-03-31T20:00:00Z")),
        new GpxPoint(52.53, 13.41, 40, Instant.parse("2024-03-31T20:10:00Z")))));
    Path zip = AppleHealthZip.write(dir.resolve("export.zip"), xml, routes);

    assertThat(Importers.detect(zip).format()).isEqualTo("apple-health");
    List<Signal> signals = Samples.read(new AppleHealthImporter(), zip, Samples.options("export.zip")).signals();
    Signal steps = signals.stream().filter(s -> s.kind() == SignalKind.STEPS).findFirst().orElseThrow();
    assertThat(steps.value()).isEqualTo(412);
    assertThat(steps.provenance().device()).isEqualTo("Ann's <iPhone> & \"Watch\"");
    assertThat(steps.start()).isEqualTo(t.toInstant());
    assertThat(steps.zone()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.SLEEP).singleElement()
        .satisfies(s -> assertThat(s.zone()).as("starts before the DST switch").isEqualTo(ZoneOffset.ofHours(1)));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.DISTANCE && s.category().equals("walking_running")).singleElement()
        .satisfies(s -> assertThat(s.value()).isCloseTo(2.88, within(1e-9)));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.WORKOUT).singleElement().satisfies(s -> {
      assertThat(s.value()).isEqualTo(31.5);
      assertThat(s.category()).isEqualTo("running");
      assertThat(s.zone()).as("after the DST switch").isEqualTo(ZoneOffset.ofHours(2));
    });
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.DISTANCE && s.category().equals("running")).singleElement()
        .satisfies(s -> assertThat(s.value()).isCloseTo(5250, within(1e-6)));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.ACTIVE_MINUTES).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(42));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.ELEVATION_GAIN).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(10.0));
  }

  @Test
  void gpxTrack_writtenThenImported_hasItsHaversineLength() throws IOException {
    List<GpxPoint> points = new ArrayList<>();
    double expected = 0;
    for (int i = 0; i < 50; i++) {
      points.add(new GpxPoint(46 + i * 0.001, 14 + i * 0.0005, 300 + i, Instant.parse("2024-05-01T06:00:00Z").plusSeconds(30L * i)));
      if (i > 0) {
        expected += GpxTracks.haversineMetres(46 + (i - 1) * 0.001, 14 + (i - 1) * 0.0005, 46 + i * 0.001, 14 + i * 0.0005);
      }
    }
    Path file = GpxWriter.writeTrack(dir.resolve("hike.gpx"), "Hike", "hiking", points);
    double length = expected;
    List<Signal> signals = Samples.read(new GpxImporter(), file, Samples.options("hike.gpx")).signals();
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.DISTANCE).singleElement()
        .satisfies(s -> assertThat(s.value()).isCloseTo(length, within(1e-6)));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.WORKOUT).singleElement().satisfies(s -> {
      assertThat(s.value()).isEqualTo(24.5);
      assertThat(s.category()).isEqualTo("hiking");
    });
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.ELEVATION_GAIN).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(48.0));
  }

  @Test
  void eventsCsv_writtenThenImported_keepsQuotedText() throws IOException {
    Path csv = dir.resolve("events.csv");
    ZonedDateTime t = ZonedDateTime.of(2024, 1, 5, 19, 30, 0, 0, ZoneId.of("Asia/Shanghai"));
    try (EventsCsvWriter w = new EventsCsvWriter(csv)) {
      w.row(t, "purchase", 88.8, "CNY", "food, drinks", "dinner with \"Li\"\nand friends");
      w.row(t.plusHours(1), "trip", 12.25, "km", "taxi", "");
    }
    List<Signal> signals = Samples.read(new EventsImporter(), csv, Samples.options("events.csv")).signals();
    assertThat(signals).hasSize(2);
    assertThat(signals.get(0).text()).isEqualTo("dinner with \"Li\"\nand friends");
    assertThat(signals.get(0).category()).isEqualTo("food, drinks");
    assertThat(signals.get(0).value()).isEqualTo(88.8);
    assertThat(signals.get(0).zone()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(signals.get(1).value()).isCloseTo(12_250, within(1e-9));
  }

  @Test
  void number_writesShortDecimals() {
    assertThat(AppleHealthExportWriter.number(412)).isEqualTo("412");
    assertThat(AppleHealthExportWriter.number(0.00288)).isEqualTo("0.00288");
    assertThat(AppleHealthExportWriter.number(-2.5)).isEqualTo("-2.5");
    assertThat(AppleHealthExportWriter.number(31.736802)).isEqualTo("31.7368");
  }
}
