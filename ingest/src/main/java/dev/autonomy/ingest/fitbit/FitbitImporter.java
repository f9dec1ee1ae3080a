package dev.autonomy.ingest.fitbit;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.SignalSink;
import dev.autonomy.ingest.lines.CsvHeader;
import dev.autonomy.ingest.lines.CsvRecords;
import dev.autonomy.ingest.lines.LineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * Fitabase CSV exports (the "Fitbit Fitness Tracker Data" layout): a folder of *_merged.csv files
 * or one of them. Times are local with no zone and are placed in {@link ImportOptions#defaultZone()}.
 * A file holds many persons; {@link ImportOptions#person()} picks one, and is required when there
 * are several.
 *
 * <ul>
 *   <li>dailyActivity → per day: STEPS, DISTANCE (TotalDistance km → m), ACTIVE_MINUTES (very +
 *       fairly active), SEDENTARY_MINUTES, all category {@code daily}; and ACTIVE_ENERGY category
 *       {@code daily_total}: Fitbit's Calories are the day's total expenditure, BMR included.
 *   <li>sleepDay → SLEEP from the SleepDay time: TotalMinutesAsleep (category asleep) and
 *       TotalTimeInBed (category inBed).
 *   <li>hourlySteps → STEPS, category {@code hourly}; hourlyCalories → ACTIVE_ENERGY, category
 *       {@code hourly_total}; hourlyIntensities is not read: TotalIntensity is
 *       the hour's sum of per-minute levels (0 sedentary .. 3 very active), which would pass for
 *       active minutes and is not; the file is listed as skipped with that reason.
 *   <li>weightLogInfo → BODY_MASS (kg), SELF_REPORTED when IsManualReport is True.
 *   <li>dailyCalories/dailySteps/dailyIntensities repeat dailyActivity and are counted as skipped.
 * </ul>
 */
public final class FitbitImporter implements Importer {
  public static final String FORMAT = "fitbit";
  static final String DEVICE = "Fitbit";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean canRead(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        return children.anyMatch(p -> FitabaseFile.of(p.getFileName().toString()) != null);
      }
    }
    return Files.isRegularFile(path) && FitabaseFile.of(path.getFileName().toString()) != null;
  }

  /** Why hourly intensities are not read: they would pass for active minutes and are not. */
  static final String INTENSITY_IS_NOT_MINUTES =
      "TotalIntensity sums per-minute levels 0..3 over the hour, it is not a count of active minutes";

  @Override
  public ImportReport read(Path path, ImportOptions options, SignalSink sink) throws IOException {
    Map<String, Long> skipped = new HashMap<>();
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        children.sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(p -> {
          String name = p.getFileName().toString();
          if (FitabaseFile.of(name) == FitabaseFile.HOURLY_INTENSITIES) {
            skipped.merge("file " + name + " (not read: " + INTENSITY_IS_NOT_MINUTES + ")", 1L, Long::sum);
          } else if (FitabaseFile.of(name) != null) {
            files.add(p);
          } else if (FitabaseFile.looksLikeFitabase(name)) {
            skipped.merge("file " + name + " (not read: repeats dailyActivity, or minute data)", 1L, Long::sum);
          }
        });
      }
      if (files.isEmpty()) {
        throw InvalidInputException.at(path.toString(), 0, null,
            "no Fitabase CSV in this folder; expected dailyActivity_merged.csv, sleepDay_merged.csv, hourlySteps_merged.csv, "
                + "hourlyIntensities_merged.csv, hourlyCalories_merged.csv or weightLogInfo_merged.csv");
      }
    } else {
      String name = path.getFileName().toString();
      if (FitabaseFile.of(name) == null) {
        throw InvalidInputException.at(name, 0, null,
            "not a Fitabase file name; expected dailyActivity_merged.csv, sleepDay_merged.csv, hourlySteps_merged.csv, "
                + "hourlyIntensities_merged.csv, hourlyCalories_merged.csv or weightLogInfo_merged.csv");
      }
      if (FitabaseFile.of(name) == FitabaseFile.HOURLY_INTENSITIES) {
        throw InvalidInputException.at(name, 0, null, "not imported: " + INTENSITY_IS_NOT_MINUTES
            + "; import dailyActivity_merged.csv for active minutes");
      }
      files.add(path);
    }
    String person = options.person().isPresent() ? options.person().get().strip() : onlyPerson(files);
    FileReading reading = new FileReading(person, options, sink);
    for (Path file : files) {
      reading.read(file, FitabaseFile.of(file.getFileName().toString()));
    }
    if (reading.rowsForPerson == 0) {
      throw new InvalidInputException("person " + person + " is not in " + path.getFileName()
          + "; ids found: " + firstIds(reading.ids) + " (use --person ID)");
    }
    return new ImportReport(FORMAT, reading.signals, skipped, List.of());
  }

  /** The one person in the files; an error listing a few ids when there are several. */
  private static String onlyPerson(List<Path> files) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try (CsvRecords csv = open(file)) {
        CSVRecord header = csv.next();
        if (header == null) {
          throw InvalidInputException.at(name, 1, null, "empty file; expected a CSV header starting with Id");
        }
        int id = new CsvHeader(name, header.toList()).require("Id");
        for (CSVRecord row = csv.next(); row != null; row = csv.next()) {
          if (id < row.size()) {
            ids.add(row.get(id).strip());
          }
        }
      }
    }
    if (ids.size() == 1) {
      return ids.first();
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException(files.get(0).getFileName() + ": no data rows; expected at least one row after the header");
    }
    throw new InvalidInputException("the files hold " + ids.size() + " persons; choose one with --person ID, e.g. "
        + firstIds(ids));
  }

  private static String firstIds(java.util.Collection<String> ids) {
    List<String> few = ids.stream().limit(5).toList();
    return String.join(", ", few) + (ids.size() > few.size() ? ", ... (" + ids.size() + " in all)" : "");
  }

  static CsvRecords open(Path file) throws IOException {
    return CsvRecords.open(file, LineReader.DEFAULT_MAX_LINE_CHARS);
  }

  /** The state of one import: which person, where signals go, what was counted. */
  private static final class FileReading {
    final String person;
    final ImportOptions options;
    final SignalSink sink;
    final ZoneId zone;
    final Provenance sensed;
    final Provenance selfReported;
    final TreeSet<String> ids = new TreeSet<>();
    long rowsForPerson;
    long signals;
    String file;
    long line;

    FileReading(String person, ImportOptions options, SignalSink sink) {
      this.person = person;
      this.options = options;
      this.sink = sink;
      this.zone = options.defaultZone();
      this.sensed = new Provenance(options.sourceName(), FORMAT, DEVICE, Modality.SENSED);
      this.selfReported = new Provenance(options.sourceName(), FORMAT, DEVICE, Modality.SELF_REPORTED);
    }

    void read(Path path, FitabaseFile kind) throws IOException {
      file = path.getFileName().toString();
      try (CsvRecords csv = open(path)) {
        CSVRecord names = csv.next();
        if (names == null) {
          throw InvalidInputException.at(file, 1, null, "empty file; expected a CSV header starting with Id");
        }
        CsvHeader header = new CsvHeader(file, names.toList());
        int id = header.require("Id");
        Columns columns = new Columns(kind, header);
        for (CSVRecord row = csv.next(); row != null; row = csv.next()) {
          line = csv.line();
          String rowId = field(row, id, "Id").strip();
          if (ids.size() < 1000) {
            ids.add(rowId);
          }
          if (!rowId.equals(person)) {
            continue;
          }
          rowsForPerson++;
          columns.emit(this, row);
        }
      }
    }

    String field(CSVRecord row, int index, String name) {
      if (index >= row.size()) {
        throw InvalidInputException.at(file, line, name, "missing; the row has " + row.size() + " fields");
      }
      return row.get(index);
    }

    double number(CSVRecord row, int index, String name) {
      String text = field(row, index, name).strip();
      try {
        double value = Double.parseDouble(text);
        if (Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw InvalidInputException.at(file, line, name, "expected a number, found '" + abbreviate(text) + "'");
    }

    LocalDateTime time(CSVRecord row, int index, String name) {
      return FitbitTime.parse(field(row, index, name), file, line, name);
    }

    void emit(SignalKind kind, LocalDateTime start, Duration length, double value, String category, Provenance provenance) {
      Instant from = start.atZone(zone).toInstant();
      Instant to = start.plus(length).atZone(zone).toInstant();
      if (to.isBefore(from)) {
        to = from;
      }
      sink.accept(new Signal(kind, from, to, zone, value, kind.canonicalUnit(), category, "", provenance));
      signals++;
    }

    private static String abbreviate(String text) {
      return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
  }

  /** Column positions of one file kind, checked against its header before any row is read. */
  private static final class Columns {
    final FitabaseFile kind;
    final int date;
    final int[] values;

    Columns(FitabaseFile kind, CsvHeader header) {
      this.kind = kind;
      switch (kind) {
        case DAILY_ACTIVITY:
          date = header.require("ActivityDate");
          values = new int[] {header.require("TotalSteps"), header.require("TotalDistance"),
              header.require("VeryActiveMinutes"), header.require("FairlyActiveMinutes"),
              header.require("SedentaryMinutes"), header.require("Calories")};
          break;
        case SLEEP_DAY:
          date = header.require("SleepDay");
          values = new int[] {header.require("TotalMinutesAsleep"), header.require("TotalTimeInBed")};
          break;
        case HOURLY_STEPS:
          date = header.require("ActivityHour");
          values = new int[] {header.require("StepTotal")};
          break;
        case HOURLY_INTENSITIES:
          date = header.require("ActivityHour");
          values = new int[] {header.require("TotalIntensity")};
          break;
        case HOURLY_CALORIES:
          date = header.require("ActivityHour");
          values = new int[] {header.require("Calories")};
          break;
        case WEIGHT_LOG:
          date = header.require("Date");
          values = new int[] {header.require("WeightKg"), header.require("IsManualReport")};
          break;
        default:
          throw new IllegalStateException("unhandled " + kind);
      }
    }

    void emit(FileReading r, CSVRecord row) {
      Provenance p = r.sensed;
      switch (kind) {
        case DAILY_ACTIVITY: {
          LocalDateTime day = r.time(row, date, "ActivityDate");
          Duration d = Duration.ofDays(1);
          r.emit(SignalKind.STEPS, day, d, r.number(row, values[0], "TotalSteps"), "daily", p);
          r.emit(SignalKind.DISTANCE, day, d, r.number(row, values[1], "TotalDistance") * 1000.0, "daily", p);
          r.emit(SignalKind.ACTIVE_MINUTES, day, d,
              r.number(row, values[2], "VeryActiveMinutes") + r.number(row, values[3], "FairlyActiveMinutes"), "daily", p);
          r.emit(SignalKind.SEDENTARY_MINUTES, day, d, r.number(row, values[4], "SedentaryMinutes"), "daily", p);
          r.emit(SignalKind.ACTIVE_ENERGY, day, d, r.number(row, values[5], "Calories"), "daily_total", p);
          break;
        }
        case SLEEP_DAY: {
          LocalDateTime start = r.time(row, date, "SleepDay");
          double asleep = r.number(row, values[0], "TotalMinutesAsleep");
          double inBed = r.number(row, values[1], "TotalTimeInBed");
          r.emit(SignalKind.SLEEP, start, minutes(asleep), asleep, "asleep", p);
          r.emit(SignalKind.SLEEP, start, minutes(inBed), inBed, "inBed", p);
          break;
        }
        case HOURLY_STEPS:
          r.emit(SignalKind.STEPS, r.time(row, date, "ActivityHour"), Duration.ofHours(1),
              r.number(row, values[0], "StepTotal"), "hourly", p);
          break;
        case HOURLY_INTENSITIES:
          r.emit(SignalKind.ACTIVE_MINUTES, r.time(row, date, "ActivityHour"), Duration.ofHours(1),
              r.number(row, values[0], "TotalIntensity"), "hourly_intensity", p);
          break;
        case HOURLY_CALORIES:
          r.emit(SignalKind.ACTIVE_ENERGY, r.time(row, date, "ActivityHour"), Duration.ofHours(1),
              r.number(row, values[0], "Calories"), "hourly_total", p);
          break;
        case WEIGHT_LOG: {
          String manual = r.field(row, values[1], "IsManualReport").strip();
          r.emit(SignalKind.BODY_MASS, r.time(row, date, "Date"), Duration.ZERO,
              r.number(row, values[0], "WeightKg"), "", "true".equalsIgnoreCase(manual) ? r.selfReported : p);
          break;
        }
        default:
          throw new IllegalStateException("unhandled " + kind);
      }
    }

    private static Duration minutes(double value) {
      return Duration.ofSeconds(Math.max(0, Math.round(value * 60)));
    }
  }
}
