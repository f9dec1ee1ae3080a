package dev.autonomy.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.WorkoutPlace;
import dev.autonomy.ingest.Importers;
import dev.autonomy.ingest.Samples;
import dev.autonomy.ingest.applehealth.AppleHealthImporter;
import dev.autonomy.ingest.events.EventsImporter;
import dev.autonomy.ingest.gpx.GpxImporter;
import dev.autonomy.ingest.gpx.GpxTracks;
import dev.autonomy.ingest.weather.WeatherImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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
      assertThat(s.text()).as("no place written, none read").isEmpty();
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
      assertThat(WorkoutPlace.of(s)).isEqualTo(WorkoutPlace.OUTDOOR);
    });
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.ELEVATION_GAIN).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(48.0));
  }

  @Test
  void appleHealthWorkout_writtenWithItsPlace_isValidAndImportsThePlace() throws Exception {
    ZonedDateTime t = ZonedDateTime.of(2024, 6, 3, 7, 0, 0, 0, ZoneId.of("Europe/Zurich"));
    Path xml = dir.resolve("export.xml");
    try (AppleHealthExportWriter w = new AppleHealthExportWriter(xml, t.plusDays(4))) {
      w.workout("Running", 30, 5, 300, t, t.plusMinutes(30), "Watch", WorkoutPlace.INDOOR);
      w.workout("Cycling", 60, 20, 500, t.plusDays(1), t.plusDays(1).plusMinutes(60), "Watch", WorkoutPlace.OUTDOOR);
      w.workout("Yoga", 45, 0, 100, t.plusDays(2), t.plusDays(2).plusMinutes(45), "Watch", WorkoutPlace.UNKNOWN);
      w.quantity("HKQuantityTypeIdentifierStepCount", "count", 412, t, t.plusMinutes(10), "Watch");
    }
    assertThat(Files.readString(xml)).containsOnlyOnce("HKIndoorWorkout\" value=\"1\"").containsOnlyOnce("HKIndoorWorkout\" value=\"0\"");
    assertValidAgainstItsDtd(xml);

    List<Signal> signals = Samples.read(new AppleHealthImporter(), xml, Samples.options("export.xml")).signals();
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.WORKOUT).extracting(WorkoutPlace::of)
        .containsExactly(WorkoutPlace.INDOOR, WorkoutPlace.OUTDOOR, WorkoutPlace.UNKNOWN);
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.STEPS).singleElement()
        .satisfies(s -> assertThat(s.value()).as("records after a workout with metadata still read").isEqualTo(412));
    assertThatThrownBy(() -> new AppleHealthExportWriter(dir.resolve("x.xml"), t).workout("Running", 1, 0, 0, t, t, "W", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("place");
  }

  /** Parses with a validating parser against the document's own internal DTD; any error fails. */
  private static void assertValidAgainstItsDtd(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setValidating(true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    List<String> errors = new ArrayList<>();
    builder.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        // undeclared elements named only in a content model (WorkoutEvent...) are warnings, not errors
      }

      @Override
      public void error(SAXParseException e) {
        errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }
    });
    builder.parse(xml.toFile());
    assertThat(errors).isEmpty();
  }

  @Test
  void weatherCsv_writtenThenImported_givesDailySignalsInTheFilesZone() throws IOException {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Path csv = dir.resolve("open-meteo-52.52N13.41E.csv");
    LocalDate first = LocalDate.of(2024, 3, 30);
    try (WeatherCsvWriter w = new WeatherCsvWriter(csv, 52.52, 13.41, 38, berlin)) {
      w.row(first, 61, 7.25, 4.5);
      w.row(first.plusDays(1), 0, 12.5, 0);
      w.row(first.plusDays(2), 3, -1.5, 0.2);
    }
    assertThat(Files.readAllLines(csv)).startsWith(
        "latitude,longitude,elevation,utc_offset_seconds,timezone,timezone_abbreviation",
        "52.52,13.41,38,3600,Europe/Berlin,CET", "", WeatherCsvWriter.HEADER);
    assertThat(Importers.detect(csv).format()).isEqualTo(WeatherImporter.FORMAT);

    Samples.Result result = Samples.read(new WeatherImporter(), csv, Samples.options(csv.getFileName().toString()));
    assertThat(result.report().warnings()).isEmpty();
    List<Signal> signals = result.signals();
    assertThat(signals).hasSize(9).allSatisfy(s -> {
      assertThat(s.provenance().device()).isEqualTo("open-meteo");
      assertThat(s.provenance().format()).isEqualTo(WeatherImporter.FORMAT);
    });
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.WEATHER).extracting(Signal::category)
        .as("WMO 61 rain, 0 clear sky, 3 overcast").containsExactly("rain", "sun", "cloud");
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.WEATHER).extracting(Signal::value).containsExactly(
        (double) SignalKind.WEATHER_CONDITIONS.indexOf("rain"), (double) SignalKind.WEATHER_CONDITIONS.indexOf("sun"),
        (double) SignalKind.WEATHER_CONDITIONS.indexOf("cloud"));
    List<Signal> temperatures = signals.stream().filter(s -> s.kind() == SignalKind.TEMPERATURE).toList();
    assertThat(temperatures).extracting(Signal::value).containsExactly(7.25, 12.5, -1.5);
    assertThat(temperatures).allSatisfy(s -> assertThat(s.category()).isEqualTo("daily"));
    Signal daylightSaving = temperatures.get(1);
    assertThat(daylightSaving.start()).as("Berlin's midnight").isEqualTo(first.plusDays(1).atStartOfDay(berlin).toInstant());
    assertThat(daylightSaving.end()).as("a 23-hour day").isEqualTo(Instant.parse("2024-03-31T22:00:00Z"));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.PRECIPITATION).extracting(Signal::value)
        .containsExactly(4.5, 0.0, 0.2);
  }

  @Test
  void weatherCsv_fixedOffsetAndBadRows() throws IOException {
    Path csv = dir.resolve("utc.csv");
    try (WeatherCsvWriter w = new WeatherCsvWriter(csv, -33.9, 18.4, 0, ZoneOffset.ofHours(2))) {
      w.row(LocalDate.of(2024, 1, 1), 95, 25, 12);
      assertThatThrownBy(() -> w.row(LocalDate.of(2024, 1, 1), 0, 20, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the previous row's 2024-01-01");
      assertThatThrownBy(() -> w.row(LocalDate.of(2024, 1, 2), 100, 20, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wmoCode").hasMessageContaining("100");
      assertThatThrownBy(() -> w.row(LocalDate.of(2024, 1, 2), 0, 20, -1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("precipitationMm").hasMessageContaining("-1");
    }
    List<Signal> signals = Samples.read(new WeatherImporter(), csv, Samples.options("utc.csv")).signals();
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.WEATHER).singleElement()
        .satisfies(s -> assertThat(s.category()).isEqualTo("storm"));
    assertThat(signals).allSatisfy(s -> assertThat(s.start()).isEqualTo(Instant.parse("2023-12-31T22:00:00Z")));

    Path empty = dir.resolve("empty.csv");
    new WeatherCsvWriter(empty, 0, 0, 0, ZoneId.of("Europe/Berlin")).close();
    assertThat(Samples.read(new WeatherImporter(), empty, Samples.options("empty.csv")).signals()).isEmpty();
    assertThatThrownBy(() -> new WeatherCsvWriter(dir.resolve("x.csv"), 91, 0, 0, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitude").hasMessageContaining("91");
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
