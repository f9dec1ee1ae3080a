package dev.autonomy.ingest.applehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppleHealthImporterTest {
  private static final DateTimeFormatter APPLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
  private final AppleHealthImporter importer = new AppleHealthImporter();

  @TempDir Path dir;

  private static List<String[]> golden(Path csv) throws IOException {
    try (Stream<String> lines = Files.lines(csv)) {
      return lines.skip(1).map(l -> l.replace("\"", "").split(",", -1)).toList();
    }
  }

  private static List<Signal> of(List<Signal> signals, SignalKind kind, String category) {
    return signals.stream().filter(s -> s.kind() == kind && s.category().equals(category)).toList();
  }

  @Test
  void import_tddaSample_matchesGoldenStepsAndDistances() throws IOException {
    Path folder = Samples.data("apple-health", "tdda-applehealthdata");
    var result = Samples.read(importer, folder.resolve("export6s3sample.xml"), Samples.options("export6s3sample.xml"));

    List<String[]> steps = golden(folder.resolve("StepCount.csv"));
    List<Signal> stepSignals = of(result.signals(), SignalKind.STEPS, "");
    assertThat(stepSignals).hasSize(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      String[] row = steps.get(i);
      Signal s = stepSignals.get(i);
      OffsetDateTime start = OffsetDateTime.parse(row[6], APPLE);
      assertThat(s.start()).isEqualTo(start.toInstant());
      assertThat(s.end()).isEqualTo(OffsetDateTime.parse(row[7], APPLE).toInstant());
      assertThat(s.zone()).isEqualTo(start.getOffset());
      assertThat(s.value()).isEqualTo(Double.parseDouble(row[8]));
      assertThat(s.provenance().device()).isEqualTo(row[0]);
      assertThat(s.provenance().format()).isEqualTo("apple-health");
      assertThat(s.provenance().source()).isEqualTo("export6s3sample.xml");
    }

    List<String[]> distances = golden(folder.resolve("DistanceWalkingRunning.csv"));
    List<Signal> distanceSignals = of(result.signals(), SignalKind.DISTANCE, "walking_running");
    assertThat(distanceSignals).hasSize(distances.size());
    for (int i = 0; i < distances.size(); i++) {
      assertThat(distances.get(i)[4]).isEqualTo("km");
      assertThat(distanceSignals.get(i).value()).isCloseTo(Double.parseDouble(distances.get(i)[8]) * 1000, within(1e-9));
      assertThat(distanceSignals.get(i).unit()).isEqualTo("m");
    }
  }

  @Test
  void import_tddaSample_matchesGoldenWorkoutAndSummaries() throws IOException {
    Path folder = Samples.data("apple-health", "tdda-applehealthdata");
    var result = Samples.read(importer, folder.resolve("export6s3sample.xml"), Samples.options("x"));

    String[] workout = golden(folder.resolve("Workout.csv")).get(0);
    List<Signal> workouts = result.signals().stream().filter(s -> s.kind() == SignalKind.WORKOUT).toList();
    assertThat(workouts).singleElement().satisfies(w -> {
      assertThat(w.value()).isCloseTo(Double.parseDouble(workout[7]), within(1e-9));
      assertThat(w.category()).isEqualTo("other");
      assertThat(w.start()).isEqualTo(OffsetDateTime.parse(workout[4], APPLE).toInstant());
      assertThat(w.provenance().device()).isEqualTo(workout[0]);
    });
    assertThat(of(result.signals(), SignalKind.ACTIVE_ENERGY, "other")).singleElement()
        .satisfies(e -> assertThat(e.value()).isCloseTo(Double.parseDouble(workout[11]), within(1e-9)));
    assertThat(of(result.signals(), SignalKind.DISTANCE, "other")).as("a zero totalDistance adds no distance").isEmpty();

    List<String[]> summaries = golden(folder.resolve("ActivitySummary.csv"));
    List<Signal> energy = of(result.signals(), SignalKind.ACTIVE_ENERGY, ExportReader.SUMMARY);
    List<Signal> exercise = of(result.signals(), SignalKind.ACTIVE_MINUTES, ExportReader.SUMMARY);
    assertThat(energy).hasSize(summaries.size());
    for (int i = 0; i < summaries.size(); i++) {
      assertThat(energy.get(i).value()).isEqualTo(Double.parseDouble(summaries.get(i)[1]));
      assertThat(exercise.get(i).value()).isEqualTo(Double.parseDouble(summaries.get(i)[4]));
      assertThat(energy.get(i).zone()).as("the export date's offset").isEqualTo(ZoneOffset.ofHours(1));
      assertThat(energy.get(i).start().atZone(energy.get(i).zone()).toLocalDate().toString()).isEqualTo(summaries.get(i)[0]);
    }
    assertThat(result.report().signalsRead()).isEqualTo(result.signals().size());
  }

  @Test
  void import_dogsheepExport_keepsZoneDeviceAndConvertsMiles() throws IOException {
    Path xml = Samples.data("apple-health", "dogsheep-healthkit-to-sqlite", "export.xml");
    var result = Samples.read(importer, xml, Samples.options("export.xml"));

    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.HEART_RATE).singleElement().satisfies(hr -> {
      assertThat(hr.value()).isEqualTo(72);
      assertThat(hr.zone()).isEqualTo(ZoneOffset.ofHours(-7));
      assertThat(hr.start()).isEqualTo(Instant.parse("2018-09-10T09:28:55Z"));
      assertThat(hr.provenance().device()).as("the export's own no-break space").isEqualTo("Apple\u00A0Watch");
      assertThat(hr.provenance().modality()).isEqualTo(Modality.SENSED);
    });
    assertThat(of(result.signals(), SignalKind.DISTANCE, "running")).singleElement()
        .satisfies(d -> assertThat(d.value()).isCloseTo(0.4971749504535062 * 1609.344, within(1e-6)));
    assertThat(result.report().skipped()).containsEntry("unsupported type HKQuantityTypeIdentifierBodyMassIndex", 1L);
  }

  @Test
  void import_zipWithRoute_readsExportAndRouteGpx() throws IOException {
    Path folder = Samples.data("apple-health", "dogsheep-healthkit-to-sqlite", "zip_contents");
    Path zip = dir.resolve("export.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    assertThat(importer.canRead(zip)).isTrue();
    var result = Samples.read(importer, zip, Samples.options("export.zip"));

    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.WORKOUT).hasSize(1);
    assertThat(result.signals()).filteredOn(s -> s.category().equals(AppleHealthImporter.ROUTE_CATEGORY)).singleElement()
        .satisfies(route -> {
          assertThat(route.kind()).isEqualTo(SignalKind.ELEVATION_GAIN);
          assertThat(route.start()).isEqualTo(Instant.parse("2019-06-11T22:00:42Z"));
          assertThat(route.provenance().modality()).isEqualTo(Modality.DERIVED);
          assertThat(route.text()).isEqualTo("Route 2019-06-11 3:00pm");
        });
  }

  @Test
  void import_gzippedExport_givesTheSameSignalsAsThePlainOne() throws IOException {
    Path xml = Samples.data("apple-health", "tdda-applehealthdata", "export6s3sample.xml");
    Path gz = dir.resolve("export.xml.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(xml, out);
    }
    assertThat(importer.canRead(gz)).isTrue();
    List<Signal> plain = Samples.read(importer, xml, Samples.options("s")).signals();
    assertThat(Samples.read(importer, gz, Samples.options("s")).signals()).isNotEmpty().isEqualTo(plain);
    Path notGz = Files.writeString(dir.resolve("fake.xml.gz"), "<HealthData/>");
    assertThat(importer.canRead(notGz)).isFalse();
    assertThatThrownBy(() -> Samples.read(importer, notGz, Samples.options("f")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("fake.xml.gz");
  }

  @Test
  void import_hkimportExport_hasTheCountsItsSourceStates() throws IOException {
    Path gz = Samples.data("apple-health", "hkimport", "export.xml.gz");
    var result = Samples.read(importer, gz, Samples.options("export.xml.gz"));
    assertThat(of(result.signals(), SignalKind.STEPS, "")).hasSize(3980);
    assertThat(of(result.signals(), SignalKind.DISTANCE, "walking_running")).hasSize(3556);
    assertThat(of(result.signals(), SignalKind.HEART_RATE, "")).hasSize(2177);
    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.WORKOUT).hasSize(61);
  }

  @Test
  void import_sameFileTwice_givesIdenticalNaturalKeys() throws IOException {
    Path xml = Samples.data("apple-health", "tdda-applehealthdata", "export6s3sample.xml");
    Set<String> first = Samples.read(importer, xml, Samples.options("a")).signals().stream().map(Signal::naturalKey).collect(Collectors.toSet());
    Set<String> second = Samples.read(importer, xml, Samples.options("a")).signals().stream().map(Signal::naturalKey).collect(Collectors.toSet());
    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  private Path write(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name), body, StandardCharsets.UTF_8);
  }

  @Test
  void import_convertsUnitsAndMarksUserEntered() throws IOException {
    Path xml = write("export.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE HealthData [
        <!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>
        ]>
        <HealthData locale="en_US">
         <ExportDate value="2023-01-02 08:00:00 +0900"/>
         <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Health" unit="lb" startDate="2023-01-01 08:00:00 +0900" endDate="2023-01-01 08:00:00 +0900" value="150">
          <MetadataEntry key="HKWasUserEntered" value="1"/>
         </Record>
         <Record type="HKQuantityTypeIdentifierActiveEnergyBurned" sourceName="Watch" unit="kJ" startDate="2023-01-01 08:00:00 +0900" endDate="2023-01-01 08:01:00 +0900" value="41.84"/>
         <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Scale" unit="g" startDate="2023-01-01 08:00:00 +0900" endDate="2023-01-01 08:00:00 +0900" value="70500"/>
         <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2023-01-01 23:00:00 +0900" endDate="2023-01-02 00:30:00 +0900" value="HKCategoryValueSleepAnalysisAsleepDeep"/>
         <Record type="HKQuantityTypeIdentifierDistanceCycling" sourceName="Watch" unit="mi" startDate="2023-01-01 08:00:00 -0500" endDate="2023-01-01 08:10:00 -0500" value="2"/>
         <Workout workoutActivityType="HKWorkoutActivityTypeTraditionalStrengthTraining" duration="1800" durationUnit="s" sourceName="Watch" startDate="2023-01-01 09:00:00 +0900" endDate="2023-01-01 09:30:00 +0900">
          <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="2023-01-01 09:00:00 +0900" endDate="2023-01-01 09:30:00 +0900" sum="418.4" unit="kJ"/>
         </Workout>
        </HealthData>
        """);
    List<Signal> signals = Samples.read(importer, xml, Samples.options("export.xml")).signals();
    List<Signal> mass = signals.stream().filter(s -> s.kind() == SignalKind.BODY_MASS).toList();
    assertThat(mass.get(0).value()).isCloseTo(68.0388555, within(1e-6));
    assertThat(mass.get(0).provenance().modality()).isEqualTo(Modality.SELF_REPORTED);
    assertThat(mass.get(1).value()).isCloseTo(70.5, within(1e-9));
    assertThat(mass.get(1).provenance().modality()).isEqualTo(Modality.SENSED);
    assertThat(of(signals, SignalKind.ACTIVE_ENERGY, "")).singleElement().satisfies(e -> assertThat(e.value()).isCloseTo(10.0, within(1e-9)));
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.SLEEP).singleElement().satisfies(s -> {
      assertThat(s.category()).isEqualTo("deep");
      assertThat(s.value()).isEqualTo(90.0);
    });
    assertThat(of(signals, SignalKind.DISTANCE, "cycling")).singleElement().satisfies(d -> {
      assertThat(d.value()).isCloseTo(3218.688, within(1e-9));
      assertThat(d.zone()).isEqualTo(ZoneOffset.ofHours(-5));
    });
    assertThat(signals).filteredOn(s -> s.kind() == SignalKind.WORKOUT).singleElement().satisfies(w -> {
      assertThat(w.value()).isEqualTo(30.0);
      assertThat(w.category()).isEqualTo("traditional_strength_training");
    });
    assertThat(of(signals, SignalKind.ACTIVE_ENERGY, "traditional_strength_training")).singleElement()
        .satisfies(e -> assertThat(e.value()).isCloseTo(100.0, within(1e-9)));
  }

  @Test
  void import_recordsWhereEachWorkoutTookPlace() throws IOException {
    Path xml = write("export.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <HealthData locale="en_US">
         <ExportDate value="2023-01-09 08:00:00 +0100"/>
         <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" durationUnit="min" totalEnergyBurned="300" totalEnergyBurnedUnit="kcal" sourceName="Watch" startDate="2023-01-01 09:00:00 +0100" endDate="2023-01-01 09:30:00 +0100">
          <MetadataEntry key="HKIndoorWorkout" value="1"/>
         </Workout>
         <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="31" durationUnit="min" totalDistance="5" totalDistanceUnit="km" sourceName="Watch" startDate="2023-01-02 09:00:00 +0100" endDate="2023-01-02 09:31:00 +0100">
          <MetadataEntry key="HKWasUserEntered" value="1"/>
          <MetadataEntry key="HKIndoorWorkout" value="0"/>
         </Workout>
         <Workout workoutActivityType="HKWorkoutActivityTypeCycling" duration="32" durationUnit="min" sourceName="Watch" startDate="2023-01-03 09:00:00 +0100" endDate="2023-01-03 09:32:00 +0100">
          <WorkoutRoute sourceName="Watch" startDate="2023-01-03 09:00:00 +0100" endDate="2023-01-03 09:32:00 +0100">
           <MetadataEntry key="HKIndoorWorkout" value="1"/>
           <FileReference path="/workout-routes/route_2023-01-03_9.32am.gpx"/>
          </WorkoutRoute>
         </Workout>
         <Workout workoutActivityType="HKWorkoutActivityTypeYoga" duration="33" durationUnit="min" sourceName="Watch" startDate="2023-01-04 09:00:00 +0100" endDate="2023-01-04 09:33:00 +0100"/>
         <Workout workoutActivityType="HKWorkoutActivityTypeRowing" duration="34" durationUnit="min" sourceName="Watch" startDate="2023-01-05 09:00:00 +0100" endDate="2023-01-05 09:34:00 +0100">
          <MetadataEntry key="HKIndoorWorkout" value=" TRUE "/>
          <WorkoutRoute sourceName="Watch" startDate="2023-01-05 09:00:00 +0100" endDate="2023-01-05 09:34:00 +0100"/>
         </Workout>
         <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="35" durationUnit="min" sourceName="Watch" startDate="2023-01-06 09:00:00 +0100" endDate="2023-01-06 09:35:00 +0100">
          <MetadataEntry key="HKIndoorWorkout" value="False"/>
         </Workout>
         <Workout workoutActivityType="HKWorkoutActivityTypeHiking" duration="36" durationUnit="min" sourceName="Watch" startDate="2023-01-07 09:00:00 +0100" endDate="2023-01-07 09:36:00 +0100">
          <MetadataEntry key="HKIndoorWorkout" value="maybe"/>
         </Workout>
         <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Watch" unit="count" startDate="2023-01-08 08:00:00 +0100" endDate="2023-01-08 08:01:00 +0100" value="12">
          <MetadataEntry key="HKIndoorWorkout" value="1"/>
         </Record>
        </HealthData>
        """);
    List<Signal> signals = Samples.read(importer, xml, Samples.options("export.xml")).signals();
    List<Signal> workouts = signals.stream().filter(s -> s.kind() == SignalKind.WORKOUT).toList();
    assertThat(workouts).extracting(Signal::category)
        .containsExactly("running", "running", "cycling", "yoga", "rowing", "walking", "hiking");
    assertThat(workouts).extracting(Signal::text).as("metadata 1, 0, a route, nothing, TRUE over a route, False, unreadable")
        .containsExactly("indoor", "outdoor", "outdoor", "", "indoor", "outdoor", "");
    assertThat(workouts.get(1).provenance().modality()).as("HKWasUserEntered still read").isEqualTo(Modality.SELF_REPORTED);
    assertThat(workouts.get(0).provenance().modality()).isEqualTo(Modality.SENSED);
    assertThat(signals).filteredOn(s -> s.kind() != SignalKind.WORKOUT).extracting(Signal::kind)
        .containsExactlyInAnyOrder(SignalKind.ACTIVE_ENERGY, SignalKind.DISTANCE, SignalKind.STEPS);
    assertThat(signals).filteredOn(s -> s.kind() != SignalKind.WORKOUT).as("energy, distance and records carry no place")
        .allSatisfy(s -> assertThat(s.text()).isEmpty());
  }

  @Test
  void import_rejectsTruncatedExport() throws IOException {
    Path full = Samples.data("apple-health", "tdda-applehealthdata", "export6s3sample.xml");
    byte[] bytes = Files.readAllBytes(full);
    Path truncated = dir.resolve("truncated.xml");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));
    assertThatThrownBy(() -> Samples.read(importer, truncated, Samples.options("t")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("truncated.xml:")
        .hasMessageContaining("XML");
  }

  @Test
  void import_rejectsEmptyJunkAndWrongRoot() throws IOException {
    Path empty = write("empty.xml", "");
    assertThatThrownBy(() -> Samples.read(importer, empty, Samples.options("e")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty.xml");
    Path junk = dir.resolve("junk.xml");
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    Files.write(junk, bytes);
    assertThatThrownBy(() -> Samples.read(importer, junk, Samples.options("j")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("junk.xml");
    Path wrong = write("wrong.xml", "<gpx><trk/></gpx>");
    assertThatThrownBy(() -> Samples.read(importer, wrong, Samples.options("w")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("wrong.xml:1").hasMessageContaining("HealthData");
    Path notZip = write("export.zip", "not a zip at all");
    assertThatThrownBy(() -> Samples.read(importer, notZip, Samples.options("z")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("export.zip").hasMessageContaining("zip");
  }

  @Test
  void import_rejectsBadDateWithLineAndField() throws IOException {
    Path xml = write("bad.xml", """
        <HealthData locale="en_US">
         <Record type="HKQuantityTypeIdentifierStepCount" sourceName="P" unit="count" startDate="2023-02-30 08:00:00 +0100" endDate="2023-01-01 08:00:00 +0100" value="5"/>
        </HealthData>
        """);
    assertThatThrownBy(() -> Samples.read(importer, xml, Samples.options("b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.xml:2").hasMessageContaining("startDate").hasMessageContaining("2023-02-30");
  }

  @Test
  void deviceName_addsTheHkDeviceNameWhenItDiffers() {
    assertThat(ExportReader.deviceName("Simon’s iPhone", "<<HKDevice: 0x1>, name:iPhone, manufacturer:Apple>")).isEqualTo("Simon’s iPhone (iPhone)");
    assertThat(ExportReader.deviceName("Apple Watch", "<<HKDevice: 0x1>, name:Apple Watch, model:Watch>")).isEqualTo("Apple Watch");
    assertThat(ExportReader.deviceName("Health", "")).isEqualTo("Health");
  }

  @Test
  void appleDate_parsesTheFixedLayoutLikeTheFormatter() {
    AppleDate date = new AppleDate();
    for (String text : List.of("2019-05-30 09:18:47 +0200", "2016-11-14 07:25:41 -0700", "2000-02-29 23:59:59 +0545", "1999-12-31 00:00:00 -0000")) {
      date.parse(text, "f", 1, "startDate");
      OffsetDateTime expected = OffsetDateTime.parse(text, APPLE);
      assertThat(date.epochSecond).isEqualTo(expected.toEpochSecond());
      assertThat(date.offsetSeconds).isEqualTo(expected.getOffset().getTotalSeconds());
    }
    for (String bad : List.of("2019-05-30T09:18:47 +0200", "2019-13-30 09:18:47 +0200", "2019-05-30 09:18:47", "2019-05-30 25:18:47 +0200")) {
      assertThatThrownBy(() -> date.parse(bad, "f", 3, "endDate")).isInstanceOf(InvalidInputException.class).hasMessageContaining("f:3");
    }
  }

}
