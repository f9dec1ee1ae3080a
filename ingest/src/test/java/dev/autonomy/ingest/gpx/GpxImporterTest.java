package dev.autonomy.ingest.gpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GpxImporterTest {
  private final GpxImporter importer = new GpxImporter();

  @TempDir Path dir;

  /** Length of all points with a tag, by DOM and the spherical law of cosines: an independent check. */
  private static double independentLength(Path file, String tag) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList points = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName(tag);
    double total = 0;
    for (int i = 1; i < points.getLength(); i++) {
      Element a = (Element) points.item(i - 1);
      Element b = (Element) points.item(i);
      double p1 = Math.toRadians(Double.parseDouble(a.getAttribute("lat")));
      double p2 = Math.toRadians(Double.parseDouble(b.getAttribute("lat")));
      double dl = Math.toRadians(Double.parseDouble(b.getAttribute("lon")) - Double.parseDouble(a.getAttribute("lon")));
      double cos = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
      total += 6_371_000 * Math.acos(Math.min(1, cos));
    }
    return total;
  }

  @Test
  void import_route_distanceMatchesAnIndependentComputation() throws Exception {
    Path route = Samples.data("gpx", "gpxpy-test-files", "route.gpx");
    var result = Samples.read(importer, route, Samples.options("route.gpx"));
    Signal distance = result.signals().stream().filter(s -> s.kind() == SignalKind.DISTANCE).findFirst().orElseThrow();
    double expected = independentLength(route, "rtept");
    assertThat(expected).isGreaterThan(1000);
    assertThat(distance.value()).isCloseTo(expected, within(expected * 0.002));
    assertThat(distance.provenance().modality()).isEqualTo(Modality.DERIVED);
    assertThat(result.signals()).noneMatch(s -> s.kind() == SignalKind.WORKOUT);
    assertThat(result.report().warnings()).anyMatch(w -> w.contains("no time"));
  }

  @Test
  void import_carDrive_hasDistanceDurationAndGain() throws Exception {
    Path file = Samples.data("gpx", "gpxpy-test-files", "around-visnjan-with-car.gpx");
    var result = Samples.read(importer, file, Samples.options("drive"));
    double expected = independentLength(file, "trkpt");
    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.DISTANCE).singleElement()
        .satisfies(d -> assertThat(d.value()).isCloseTo(expected, within(expected * 0.002)));
    Signal workout = result.signals().stream().filter(s -> s.kind() == SignalKind.WORKOUT).findFirst().orElseThrow();
    assertThat(workout.start()).isEqualTo(Instant.parse("2020-12-18T06:15:50Z"));
    assertThat(workout.value()).isGreaterThan(1);
    assertThat(workout.category()).isEqualTo("2020-12-18 07:24:29");
    assertThat(workout.text()).as("a GPS track is recorded outdoors").isEqualTo("outdoor");
    assertThat(result.signals()).anyMatch(s -> s.kind() == SignalKind.ELEVATION_GAIN && s.value() > 0);
    assertThat(result.signals()).filteredOn(s -> s.kind() != SignalKind.WORKOUT).allSatisfy(s -> assertThat(s.text()).isEmpty());
  }

  @Test
  void import_everySample_succeedsOrFailsClearly() throws IOException {
    Path folder = Samples.data("gpx", "gpxpy-test-files");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".gpx")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      var result = Samples.read(importer, file, Samples.options(file.getFileName().toString()));
      assertThat(result.signals()).as(file.toString()).anyMatch(s -> s.kind() == SignalKind.DISTANCE && s.value() > 0);
    }
    Path appleRoute;
    try (Stream<Path> routes = Files.list(Samples.data("apple-health", "dogsheep-healthkit-to-sqlite", "zip_contents", "apple_health_export", "workout-routes"))) {
      appleRoute = routes.findFirst().orElseThrow();
    }
    assertThat(Samples.read(importer, appleRoute, Samples.options("r")).signals()).anyMatch(s -> s.kind() == SignalKind.DISTANCE);
  }

  @Test
  void import_mojstrovka_sameTimesGiveNoWorkoutButGain() throws IOException {
    Path file = Samples.data("gpx", "gpxpy-test-files", "Mojstrovka.gpx");
    var result = Samples.read(importer, file, Samples.options("m"));
    Signal gain = result.signals().stream().filter(s -> s.kind() == SignalKind.ELEVATION_GAIN).findFirst().orElseThrow();
    assertThat(gain.value()).isBetween(100.0, 2000.0);
    assertThat(gain.start().toString()).startsWith("1901-");
  }

  private Path write(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name), body);
  }

  @Test
  void elevationGain_ignoresNoiseBelowTheHysteresis() throws IOException {
    StringBuilder gpx = new StringBuilder("<gpx version=\"1.1\"><trk><trkseg>");
    double[] ele = {100, 101, 100, 101.5, 100, 102, 100, 110, 109, 111, 120};
    for (int i = 0; i < ele.length; i++) {
      gpx.append("<trkpt lat=\"46.0\" lon=\"").append(13 + i * 0.001).append("\"><ele>").append(ele[i]).append("</ele></trkpt>");
    }
    gpx.append("</trkseg></trk></gpx>");
    var result = Samples.read(importer, write("noise.gpx", gpx.toString()), Samples.options("n"));
    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.ELEVATION_GAIN).singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(20.0));
  }

  @Test
  void import_rejectsFileWithoutPoints() throws IOException {
    Path empty = write("empty-track.gpx", "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><name>x</name><trkseg/></trk></gpx>");
    assertThatThrownBy(() -> Samples.read(importer, empty, Samples.options("e")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty-track.gpx").hasMessageContaining("no track or route points");
  }

  @Test
  void import_rejectsBadCoordinatesAndTruncation() throws IOException {
    Path bad = write("bad.gpx", "<gpx>\n<trk><trkseg>\n<trkpt lat=\"95\" lon=\"1\"/></trkseg></trk></gpx>");
    assertThatThrownBy(() -> Samples.read(importer, bad, Samples.options("b")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.gpx:3").hasMessageContaining("lat");
    Path cut = write("cut.gpx", "<gpx>\n<trk><trkseg>\n<trkpt lat=\"45\" lon=\"1\"/><trkpt lat=\"45\" lo");
    assertThatThrownBy(() -> Samples.read(importer, cut, Samples.options("c")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cut.gpx:3");
    Path empty = write("zero.gpx", "");
    assertThatThrownBy(() -> Samples.read(importer, empty, Samples.options("z")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("zero.gpx");
  }
}
