package dev.autonomy.engine.demo;

import dev.autonomy.core.signal.WorkoutPlace;
import dev.autonomy.ingest.write.AppleHealthExportWriter;
import dev.autonomy.ingest.write.AppleHealthZip;
import dev.autonomy.ingest.write.EventsCsvWriter;
import dev.autonomy.ingest.write.GpxPoint;
import dev.autonomy.ingest.write.GpxWriter;
import dev.autonomy.ingest.write.WeatherCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes a synthetic person's days in the real formats a person would bring: an Apple Health
 * {@code export.zip} (records, sleep, workouts, activity summaries and workout routes), a separate
 * GPX track of the latest run, an events CSV of purchases, money movements, trips and notes, and
 * the days' weather as a weather service's CSV export.
 */
public final class DemoFiles {
  static final String PHONE = "Alex's iPhone";
  static final String WATCH = "Alex's Apple Watch";
  /** Runs start near a park in Paris; the exact place does not matter to the engine. */
  private static final double PARK_LAT = 48.8462;
  private static final double PARK_LON = 2.3372;

  /** The files written, in the order a person would import them. */
  public record Written(Path appleHealthZip, Path runGpx, Path eventsCsv, Path weatherCsv) {
    public List<Path> all() {
      return List.of(appleHealthZip, runGpx, eventsCsv, weatherCsv);
    }
  }

  private DemoFiles() {}

  public static Written write(Path dir, List<SyntheticDay> days, ZoneId zone, RandomGenerator random) throws IOException {
    Files.createDirectories(dir);
    Path xml = dir.resolve("export.xml");
    List<Path> routes = new ArrayList<>();
    Path lastRun = null;
    ZonedDateTime exportDate = days.get(days.size() - 1).date().plusDays(1).atTime(7, 0).atZone(zone);
    try (AppleHealthExportWriter w = new AppleHealthExportWriter(xml, exportDate)) {
      double mass = 72.0;
      for (SyntheticDay day : days) {
        writeDay(w, day, zone, random);
        if (day.date().getDayOfWeek() == DayOfWeek.MONDAY) {
          mass += random.nextGaussian() * 0.3 - 0.03;
          ZonedDateTime t = day.date().atTime(7, 5).atZone(zone);
          w.quantity("HKQuantityTypeIdentifierBodyMass", "kg", round1(mass), t, t, "Health");
        }
        SyntheticDay.Workout run = day.workout();
        if (run != null && run.outdoor() && "Running".equals(run.activity())) {
          Path gpx = dir.resolve("route_" + day.date() + ".gpx");
          GpxWriter.writeTrack(gpx, "Run " + day.date(), "running", loop(day, run, zone, random));
          routes.add(gpx);
          lastRun = gpx;
        }
      }
    }
    // The latest run also as its own file, as if exported from a running app.
    Path runGpx = dir.resolve("run.gpx");
    if (lastRun != null) {
      Files.copy(lastRun, runGpx);
    }
    Path zip = AppleHealthZip.write(dir.resolve("export.zip"), xml, routes);
    Files.delete(xml);
    for (Path r : routes) {
      Files.delete(r);
    }
    Path events = dir.resolve("spending.csv");
    writeEvents(events, days, zone);
    Path weather = dir.resolve("weather.csv");
    writeWeather(weather, days, zone, random);
    return new Written(zip, runGpx, events, weather);
  }

  /** The days' weather as Open-Meteo's daily CSV export (WMO codes: 0 clear, 3 overcast, 61 rain). */
  private static void writeWeather(Path file, List<SyntheticDay> days, ZoneId zone, RandomGenerator random) throws IOException {
    try (WeatherCsvWriter w = new WeatherCsvWriter(file, PARK_LAT, PARK_LON, 35, zone)) {
      for (SyntheticDay day : days) {
        double seasonal = 12 + 8 * Math.sin(2 * Math.PI * (day.date().getDayOfYear() - 110) / 365.0);
        switch (day.weather()) {
          case "rain" -> w.row(day.date(), 61, round1(seasonal - 2 + random.nextGaussian()), round1(2 + random.nextDouble() * 10));
          case "cloud" -> w.row(day.date(), 3, round1(seasonal + random.nextGaussian()), 0);
          default -> w.row(day.date(), 0, round1(seasonal + 2 + random.nextGaussian()), 0);
        }
      }
    }
  }

  private static void writeDay(AppleHealthExportWriter w, SyntheticDay day, ZoneId zone, RandomGenerator random) {
    ZonedDateTime midnight = day.date().atStartOfDay(zone);
    double activeKcal = 0;
    for (int h = 0; h < 24; h++) {
      int steps = day.hourlySteps()[h];
      if (steps == 0) {
        continue;
      }
      ZonedDateTime start = midnight.plusHours(h);
      ZonedDateTime end = start.plusMinutes(59);
      w.quantity("HKQuantityTypeIdentifierStepCount", "count", steps, start, end, PHONE);
      w.quantity("HKQuantityTypeIdentifierDistanceWalkingRunning", "km", round3(steps * 0.00075), start, end, PHONE);
      double kcal = round1(steps * 0.04);
      activeKcal += kcal;
      w.quantity("HKQuantityTypeIdentifierActiveEnergyBurned", "kcal", kcal, start, end, WATCH);
    }
    w.quantity("HKQuantityTypeIdentifierBasalEnergyBurned", "kcal", round1(1580 + random.nextGaussian() * 20),
        midnight, midnight.plusHours(23).plusMinutes(59), WATCH);
    ZonedDateTime morning = midnight.plusHours(7).plusMinutes(random.nextInt(30));
    w.quantity("HKQuantityTypeIdentifierHeartRate", "count/min", Math.round(58 + random.nextGaussian() * 4), morning, morning, WATCH);
    w.quantity("HKQuantityTypeIdentifierRestingHeartRate", "count/min", Math.round(56 + random.nextGaussian() * 2), morning, morning, WATCH);

    // The night before this day: bedtime on the previous evening, asleep for sleepMinutes.
    ZonedDateTime bed = day.date().minusDays(1).atStartOfDay(zone).plusMinutes(Math.round(day.sleepStartHour() * 60));
    ZonedDateTime wake = bed.plusMinutes(Math.round(day.sleepMinutes()));
    w.sleep("HKCategoryValueSleepAnalysisInBed", bed.minusMinutes(10), wake.plusMinutes(5), PHONE);
    w.sleep("HKCategoryValueSleepAnalysisAsleepCore", bed, wake, WATCH);

    double exercise = 0;
    SyntheticDay.Workout workout = day.workout();
    if (workout != null) {
      ZonedDateTime start = midnight.plusMinutes(Math.round(workout.startHour() * 60));
      ZonedDateTime end = start.plusSeconds(Math.round(workout.minutes() * 60));
      w.workout(workout.activity(), round1(workout.minutes()), round3(workout.km()), round1(workout.kcal()), start, end, WATCH,
          workout.outdoor() ? WorkoutPlace.OUTDOOR : WorkoutPlace.INDOOR);
      ZonedDateTime mid = start.plusMinutes(Math.round(workout.minutes() / 2));
      w.quantity("HKQuantityTypeIdentifierHeartRate", "count/min", Math.round(148 + random.nextGaussian() * 8), mid, mid, WATCH);
      exercise = workout.minutes();
      activeKcal += workout.kcal();
    }
    w.activitySummary(day.date(), round1(activeKcal), Math.round(exercise + day.steps() / 1500.0), Math.min(16, 8 + random.nextInt(6)));
  }

  /** A jittered loop around the park, one point every 10 seconds. */
  private static List<GpxPoint> loop(SyntheticDay day, SyntheticDay.Workout run, ZoneId zone, RandomGenerator random) {
    ZonedDateTime start = day.date().atStartOfDay(zone).plusMinutes(Math.round(run.startHour() * 60));
    int points = (int) Math.max(10, Math.round(run.minutes() * 6));
    double radiusKm = run.km() / (2 * Math.PI);
    double latPerKm = 1 / 111.32;
    double lonPerKm = 1 / (111.32 * Math.cos(Math.toRadians(PARK_LAT)));
    List<GpxPoint> out = new ArrayList<>(points + 1);
    for (int i = 0; i <= points; i++) {
      double angle = 2 * Math.PI * i / points;
      double r = radiusKm * (1 + 0.02 * random.nextGaussian());
      double lat = PARK_LAT + r * Math.sin(angle) * latPerKm;
      double lon = PARK_LON + r * (1 - Math.cos(angle)) * lonPerKm;
      double ele = 35 + 6 * Math.sin(angle * 2) + random.nextGaussian() * 0.3;
      out.add(new GpxPoint(lat, lon, ele, start.plusSeconds(10L * i).toInstant()));
    }
    return out;
  }

  private static void writeEvents(Path file, List<SyntheticDay> days, ZoneId zone) throws IOException {
    try (EventsCsvWriter w = new EventsCsvWriter(file)) {
      for (SyntheticDay day : days) {
        ZonedDateTime midnight = day.date().atStartOfDay(zone);
        if (day.date().getDayOfMonth() == 1) {
          w.row(midnight.plusHours(6), "transaction", 2850.00, "EUR", "salary", "Monthly salary");
        }
        if (day.date().getDayOfMonth() == 3) {
          w.row(midnight.plusHours(9), "transaction", -950.00, "EUR", "rent", "Rent");
        }
        for (SyntheticDay.Purchase p : day.purchases()) {
          w.row(midnight.plus(java.time.Duration.ofMinutes(Math.round(p.hour() * 60))), "purchase", p.amount(), "EUR", p.category(), p.text());
        }
        if (day.date().getDayOfWeek() == DayOfWeek.SUNDAY && day.workout() == null && !"rain".equals(day.weather())) {
          w.row(midnight.with(LocalTime.of(11, 0)), "trip", 18.5, "km", "day-out", "Day out to a new neighbourhood");
        }
        if (day.note() != null) {
          w.row(midnight.with(LocalTime.of(21, 30)), "note", 0, "", "journal", day.note());
        }
      }
    }
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
