package dev.autonomy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.ingest.applehealth.AppleHealthImporter;
import dev.autonomy.ingest.events.EventsImporter;
import dev.autonomy.ingest.fitbit.FitbitImporter;
import dev.autonomy.ingest.gpx.GpxImporter;
import dev.autonomy.ingest.weather.WeatherImporter;
import dev.autonomy.ingest.write.AppleHealthExportWriter;
import dev.autonomy.ingest.write.AppleHealthZip;
import dev.autonomy.ingest.write.EventsCsvWriter;
import dev.autonomy.ingest.write.GpxPoint;
import dev.autonomy.ingest.write.GpxWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated samples (truncated, bytes flipped, lines dropped) fed to every importer: each import
 * either succeeds or fails with {@link InvalidInputException}, never with another exception.
 */
class MutatedInputTest {
  /** A sample file: its name (importers look at it), its bytes, and who reads it. */
  record Sample(String name, byte[] bytes, Importer importer) {}

  private static final List<Sample> SAMPLES = samples();

  private static List<Sample> samples() {
    try {
      Path dir = Files.createTempDirectory("autonomy-samples");
      List<Sample> samples = new ArrayList<>();
      ZonedDateTime t = ZonedDateTime.of(2024, 5, 1, 7, 0, 0, 0, ZoneId.of("Europe/Paris"));
      Path xml = dir.resolve("export.xml");
      try (AppleHealthExportWriter w = new AppleHealthExportWriter(xml, t)) {
        for (int i = 0; i < 20; i++) {
          w.quantity("HKQuantityTypeIdentifierStepCount", "count", 100 + i, t.plusMinutes(10L * i), t.plusMinutes(10L * i + 5), "Phone");
          w.quantity("HKQuantityTypeIdentifierHeartRate", "count/min", 60 + i, t.plusMinutes(10L * i), t.plusMinutes(10L * i), "Watch");
        }
        w.sleep("HKCategoryValueSleepAnalysisAsleepREM", t.minusHours(3), t.minusHours(2), "Watch");
        w.workout("Cycling", 40, 15, 400, t, t.plusMinutes(40), "Watch");
        w.activitySummary(LocalDate.of(2024, 5, 1), 500, 40, 10);
      }
      samples.add(new Sample("export.xml", Files.readAllBytes(xml), new AppleHealthImporter()));
      Path gpx = GpxWriter.writeTrack(dir.resolve("route_1.gpx"), "Ride", "cycling", List.of(
          new GpxPoint(48.85, 2.35, 35, Instant.parse("2024-05-01T05:00:00Z")),
          new GpxPoint(48.86, 2.36, 45, Instant.parse("2024-05-01T05:05:00Z")),
          new GpxPoint(48.87, 2.37, 38, Instant.parse("2024-05-01T05:10:00Z"))));
      samples.add(new Sample("ride.gpx", Files.readAllBytes(gpx), new GpxImporter()));
      samples.add(new Sample("export.zip", Files.readAllBytes(AppleHealthZip.write(dir.resolve("export.zip"), xml, List.of(gpx))),
          new AppleHealthImporter()));
      Path csv = dir.resolve("events.csv");
      try (EventsCsvWriter w = new EventsCsvWriter(csv)) {
        w.row(t, "purchase", 12.5, "EUR", "food, snacks", "a \"quoted\" croissant");
        w.row(t.plusHours(2), "trip", 5, "km", "bike", "");
        w.row(t.plusHours(3), "note", 0, "", "", "multi\nline");
        w.row(t.plusHours(4), "transaction", -30, "EUR", "", "refund");
      }
      samples.add(new Sample("events.csv", Files.readAllBytes(csv), new EventsImporter(4096)));
      samples.add(new Sample("events.jsonl", String.join("\n",
          "{\"time\": \"2024-05-01T07:00:00+02:00\", \"kind\": \"purchase\", \"amount\": 3.2, \"unit\": \"EUR\", \"text\": \"coffee\"}",
          "{\"time\": \"2024-05-01T09:00\", \"kind\": \"trip\", \"amount\": 2, \"unit\": \"mi\"}",
          "{\"time\": \"2024-05-01T10:00:00Z\", \"kind\": \"note\", \"text\": \"tired\"}", "").getBytes(StandardCharsets.UTF_8),
          new EventsImporter(4096)));
      samples.add(new Sample("sleepDay_merged.csv", ("Id,SleepDay,TotalSleepRecords,TotalMinutesAsleep,TotalTimeInBed\r\n"
          + "1503960366,4/12/2016 12:00:00 AM,1,327,346\r\n1503960366,4/13/2016 12:00:00 AM,2,384,407\r\n"
          + "1503960366,4/15/2016 12:00:00 AM,1,412,442\r\n").getBytes(StandardCharsets.US_ASCII), new FitbitImporter()));
      samples.add(new Sample("open-meteo.csv", String.join("\n",
          "latitude,longitude,elevation,utc_offset_seconds,timezone,timezone_abbreviation",
          "52.52,13.42,38.0,7200,Europe/Berlin,CEST", "",
          "current_weather_time,temperature (°C),weathercode (wmo code)", "2024-05-01T09:00,14.0,2", "",
          "time,temperature_2m (°F),precipitation (inch),weather_code (wmo code)",
          "2024-05-01T00:00,50.2,0.00,0", "2024-05-01T01:00,49.1,0.02,61", "2024-05-01T02:00,,0.01,", "",
          "time,temperature_2m_mean (°F),precipitation_sum (inch),weather_code (wmo code)", "2024-05-01,55.0,0.40,63", "")
          .getBytes(StandardCharsets.UTF_8), new WeatherImporter(4096)));
      samples.add(new Sample("meteostat.csv", String.join("\n",
          "date,hour,temp,dwpt,rhum,prcp,snow,wdir,wspd,wpgt,pres,tsun,coco",
          "2024-05-01,0,10.2,8.0,90,0.0,,200,9.0,,1015.2,,3", "2024-05-01,1,9.8,7.9,91,0.4,,210,8.0,,1015.0,,7.0",
          "2024-05-01,2,9.5,,,,,,,,,,", "").getBytes(StandardCharsets.UTF_8), new WeatherImporter(4096)));
      Optional<Path> shared = SharedData.root();
      if (shared.isPresent()) {
        Path data = shared.get();
        addIfPresent(samples, data.resolve("apple-health/tdda-applehealthdata/export6s3sample.xml"), new AppleHealthImporter());
        addIfPresent(samples, data.resolve("apple-health/dogsheep-healthkit-to-sqlite/export.xml"), new AppleHealthImporter());
        addIfPresent(samples, data.resolve("gpx/gpxpy-test-files/route.gpx"), new GpxImporter());
        addIfPresent(samples, data.resolve("fitbit-fitabase-2016/weightLogInfo_merged.csv"), new FitbitImporter());
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      return List.copyOf(samples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addIfPresent(List<Sample> samples, Path file, Importer importer) throws IOException {
    if (Files.isRegularFile(file)) {
      samples.add(new Sample(file.getFileName().toString(), Files.readAllBytes(file), importer));
    }
  }

  /** How to damage a sample: 0 truncate, 1 flip bytes, 2 drop a line, 3 all three. */
  record Mutation(int sample, int how, long seed) {
    byte[] apply(byte[] original) {
      Random random = new Random(seed);
      byte[] bytes = original.clone();
      if (how == 2 || how == 3) {
        bytes = dropLine(bytes, random);
      }
      if (how == 1 || how == 3) {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      if (how == 0 || how == 3) {
        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      }
      return bytes;
    }

    private static byte[] dropLine(byte[] bytes, Random random) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          starts.add(i + 1);
        }
      }
      starts.add(bytes.length);
      int line = random.nextInt(starts.size() - 1);
      int from = starts.get(line);
      int to = starts.get(line + 1);
      byte[] out = new byte[bytes.length - (to - from)];
      System.arraycopy(bytes, 0, out, 0, from);
      System.arraycopy(bytes, to, out, from, bytes.length - to);
      return out;
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, SAMPLES.size() - 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.longs())
        .as(Mutation::new);
  }

  @Property(tries = 400)
  void import_ofAMutatedSample_succeedsOrFailsWithInvalidInput(@ForAll("mutations") Mutation mutation) throws IOException {
    Sample sample = SAMPLES.get(mutation.sample());
    Path dir = Files.createTempDirectory("autonomy-mutated");
    Path file = dir.resolve(sample.name());
    try {
      Files.write(file, mutation.apply(sample.bytes()));
      List<Signal> signals = new ArrayList<>();
      try {
        sample.importer().read(file, Samples.options(sample.name(), "1503960366"), signals::add);
      } catch (InvalidInputException expected) {
        assertThat(expected.getMessage()).as("names the file").contains(sample.name().substring(0, sample.name().indexOf('.')));
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  @Property(tries = 30)
  void import_ofAnUnmutatedSample_succeeds(@ForAll("mutations") Mutation mutation) throws IOException {
    Sample sample = SAMPLES.get(mutation.sample());
    Path dir = Files.createTempDirectory("autonomy-sample");
    Path file = dir.resolve(sample.name());
    try {
      Files.write(file, sample.bytes());
      List<Signal> signals = new ArrayList<>();
      sample.importer().read(file, Samples.options(sample.name(), "1503960366"), signals::add);
      assertThat(signals).isNotEmpty();
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
