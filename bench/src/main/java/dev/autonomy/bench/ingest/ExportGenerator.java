package dev.autonomy.bench.ingest;

import dev.autonomy.ingest.write.AppleHealthExportWriter;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * Writes a seeded synthetic Apple Health export.xml of about a given size with the real writer:
 * day after day of step, distance, energy and heart-rate samples, sleep stages, workouts, activity
 * summaries, and some record types the importer skips (as real exports have). The same size and
 * seed give the same bytes; an existing file of that name is reused.
 */
public final class ExportGenerator {
  private static final String[] SKIPPED_TYPES = {
    "HKQuantityTypeIdentifierBodyMassIndex", "HKQuantityTypeIdentifierDietaryWater",
    "HKQuantityTypeIdentifierWalkingSpeed", "HKQuantityTypeIdentifierEnvironmentalAudioExposure"
  };
  private static final String[] ACTIVITIES = {"Running", "Walking", "Cycling", "TraditionalStrengthTraining", "Yoga"};
  private static final String[] SLEEP = {
    "HKCategoryValueSleepAnalysisInBed", "HKCategoryValueSleepAnalysisAsleepCore",
    "HKCategoryValueSleepAnalysisAsleepDeep", "HKCategoryValueSleepAnalysisAsleepREM", "HKCategoryValueSleepAnalysisAwake"
  };

  private ExportGenerator() {}

  /** The file for a size and seed in {@code dir}: reused when present, generated otherwise. */
  public static Path generate(Path dir, long targetBytes, long seed) throws IOException {
    if (targetBytes <= 0) {
      throw new IllegalArgumentException("targetBytes must be > 0, was " + targetBytes);
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("export-" + targetBytes + "b-seed" + seed + ".xml");
    if (Files.isRegularFile(file) && Files.size(file) >= targetBytes) {
      return file;
    }
    Path partial = dir.resolve(file.getFileName() + ".partial");
    SplittableRandom random = new SplittableRandom(seed);
    ZoneId zone = ZoneId.of("Europe/Berlin");
    LocalDate day = LocalDate.of(2015, 1, 1);
    try (CountingWriter counter = new CountingWriter(new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8), 1 << 16));
        AppleHealthExportWriter out = new AppleHealthExportWriter(counter, day.atStartOfDay(zone))) {
      while (counter.count < targetBytes) {
        writeDay(out, day, zone, random);
        day = day.plusDays(1);
      }
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static void writeDay(AppleHealthExportWriter out, LocalDate day, ZoneId zone, SplittableRandom random) {
    ZonedDateTime midnight = day.atStartOfDay(zone);
    ZonedDateTime bed = midnight.minusMinutes(60 + random.nextInt(90));
    ZonedDateTime t = bed;
    for (int stage = 0; stage < 8; stage++) {
      ZonedDateTime next = t.plusMinutes(20 + random.nextInt(60));
      out.sleep(SLEEP[random.nextInt(SLEEP.length)], t, next, "Watch");
      t = next;
    }
    double activeKcal = 0;
    for (int minute = 7 * 60; minute < 23 * 60; minute += 5 + random.nextInt(10)) {
      ZonedDateTime start = midnight.plusMinutes(minute);
      ZonedDateTime end = start.plusMinutes(1 + random.nextInt(4));
      int steps = random.nextInt(400);
      out.quantity("HKQuantityTypeIdentifierStepCount", "count", steps, start, end, "iPhone");
      out.quantity("HKQuantityTypeIdentifierDistanceWalkingRunning", "km", steps * 0.00075, start, end, "iPhone");
      double kcal = steps * 0.04 + random.nextDouble();
      activeKcal += kcal;
      out.quantity("HKQuantityTypeIdentifierActiveEnergyBurned", "kcal", kcal, start, end, "Watch");
      out.quantity("HKQuantityTypeIdentifierHeartRate", "count/min", 55 + random.nextInt(90), start, start, "Watch");
      if (random.nextInt(4) == 0) {
        out.quantity("HKQuantityTypeIdentifierBasalEnergyBurned", "kJ", 20 + random.nextDouble() * 10, start, end, "Watch");
      }
      if (random.nextInt(10) == 0) {
        out.quantity(SKIPPED_TYPES[random.nextInt(SKIPPED_TYPES.length)], "count", random.nextDouble() * 100, start, end, "Watch");
      }
      if (random.nextInt(20) == 0) {
        out.quantity("HKQuantityTypeIdentifierFlightsClimbed", "count", 1 + random.nextInt(3), start, end, "iPhone");
      }
    }
    double exercise = 0;
    if (random.nextInt(3) == 0) {
      ZonedDateTime start = midnight.plusHours(17).plusMinutes(random.nextInt(120));
      double minutes = 20 + random.nextInt(60);
      exercise = minutes;
      out.workout(ACTIVITIES[random.nextInt(ACTIVITIES.length)], minutes, minutes * 0.15, minutes * 9,
          start, start.plusSeconds((long) (minutes * 60)), "Watch");
    }
    out.quantity("HKQuantityTypeIdentifierBodyMass", "kg", 70 + random.nextDouble() * 2, midnight.plusHours(7), midnight.plusHours(7), "Scale");
    out.quantity("HKQuantityTypeIdentifierRestingHeartRate", "count/min", 50 + random.nextInt(10), midnight.plusHours(8), midnight.plusHours(8), "Watch");
    out.activitySummary(day, activeKcal, exercise + random.nextInt(15), 8 + random.nextInt(6));
  }

  /** Counts the characters written (the export is ASCII, so characters are bytes). */
  private static final class CountingWriter extends FilterWriter {
    long count;

    CountingWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      super.write(c);
      count++;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      super.write(buffer, offset, length);
      count += length;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      super.write(text, offset, length);
      count += length;
    }
  }
}
