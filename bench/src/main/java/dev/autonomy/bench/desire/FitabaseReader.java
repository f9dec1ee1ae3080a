package dev.autonomy.bench.desire;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small reader of the Fitabase daily CSVs for the desire benchmark (the ingest module's importer
 * is the full one): dailyActivity (steps, distance, active = very + fairly active minutes,
 * sedentary minutes), sleepDay (minutes asleep; a record dated D is the night that ended on the
 * morning of D, taken to end at 07:00) and weightLogInfo (kg). Timestamps carry no zone; they are
 * read as local times in {@link #ZONE}.
 */
public final class FitabaseReader {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
  static final ZoneId ZONE = ZoneOffset.UTC;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.ROOT);

  private FitabaseReader() {}

  /** All persons' signals by Fitabase Id, in Id order. */
  public static Map<String, List<Signal>> read(Path dir) throws IOException {
    Map<String, List<Signal>> byPerson = new TreeMap<>();
    Path activity = dir.resolve("dailyActivity_merged.csv");
    if (!Files.isRegularFile(activity)) {
      throw new InvalidInputException(activity + ": not found; expected a Fitabase export folder");
    }
    Provenance daily = new Provenance(activity.getFileName().toString(), "fitabase-bench", "fitbit", Modality.SENSED);
    forEachRow(activity, List.of("Id", "ActivityDate", "TotalSteps", "TotalDistance", "VeryActiveMinutes",
        "FairlyActiveMinutes", "SedentaryMinutes"), (line, c) -> {
          LocalDate day = LocalDate.parse(c[1], DAY);
          var start = day.atStartOfDay(ZONE).toInstant();
          var end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
          List<Signal> out = byPerson.computeIfAbsent(c[0], k -> new ArrayList<>());
          out.add(new Signal(SignalKind.STEPS, start, end, ZONE, num(activity, line, c[2]), "count", "", "", daily));
          out.add(new Signal(SignalKind.DISTANCE, start, end, ZONE, 1000 * num(activity, line, c[3]), "m", "", "", daily));
          out.add(new Signal(SignalKind.ACTIVE_MINUTES, start, end, ZONE,
              num(activity, line, c[4]) + num(activity, line, c[5]), "min", "", "", daily));
          out.add(new Signal(SignalKind.SEDENTARY_MINUTES, start, end, ZONE, num(activity, line, c[6]), "min", "", "", daily));
        });
    Path sleep = dir.resolve("sleepDay_merged.csv");
    if (Files.isRegularFile(sleep)) {
      Provenance p = new Provenance(sleep.getFileName().toString(), "fitabase-bench", "fitbit", Modality.SENSED);
      forEachRow(sleep, List.of("Id", "SleepDay", "TotalMinutesAsleep", "TotalTimeInBed"), (line, c) -> {
        LocalDateTime day = LocalDateTime.parse(c[1], DAY_TIME);
        var end = day.toLocalDate().atTime(7, 0).atZone(ZONE).toInstant();
        var start = end.minusSeconds((long) (60 * num(sleep, line, c[3])));
        byPerson.computeIfAbsent(c[0], k -> new ArrayList<>())
            .add(new Signal(SignalKind.SLEEP, start, end, ZONE, num(sleep, line, c[2]), "min", "asleep", "", p));
      });
    }
    Path weight = dir.resolve("weightLogInfo_merged.csv");
    if (Files.isRegularFile(weight)) {
      Provenance p = new Provenance(weight.getFileName().toString(), "fitabase-bench", "fitbit", Modality.SENSED);
      forEachRow(weight, List.of("Id", "Date", "WeightKg"), (line, c) -> {
        var at = LocalDateTime.parse(c[1], DAY_TIME).atZone(ZONE).toInstant();
        byPerson.computeIfAbsent(c[0], k -> new ArrayList<>())
            .add(new Signal(SignalKind.BODY_MASS, at, at, ZONE, num(weight, line, c[2]), "kg", "", "", p));
      });
    }
    return byPerson;
  }

  private interface Row {
    void accept(long line, String[] columns);
  }

  private static double num(Path file, long line, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw InvalidInputException.at(file.toString(), line, "", "expected a number, found '" + text + "'");
    }
  }

  /** Reads the file with Commons CSV (RFC 4180) and passes each row's wanted columns, named by the header, stripped. */
  private static void forEachRow(Path file, List<String> wanted, Row row) throws IOException {
    try (CSVParser csv = FORMAT.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      Iterator<CSVRecord> records = csv.iterator();
      if (!records.hasNext()) {
        throw InvalidInputException.at(file.toString(), 1, "", "empty file, expected a CSV header");
      }
      List<String> names = records.next().stream().map(String::strip).toList();
      int[] index = new int[wanted.size()];
      for (int i = 0; i < index.length; i++) {
        index[i] = names.indexOf(wanted.get(i));
        if (index[i] < 0) {
          throw InvalidInputException.at(file.toString(), 1, wanted.get(i), "column missing; header is " + names);
        }
      }
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = csv.getCurrentLineNumber();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        String[] picked = new String[index.length];
        for (int i = 0; i < index.length; i++) {
          if (index[i] >= record.size()) {
            throw InvalidInputException.at(file.toString(), line, wanted.get(i), "row has only " + record.size() + " columns");
          }
          picked[i] = record.get(index[i]).strip();
        }
        try {
          row.accept(line, picked);
        } catch (DateTimeParseException e) {
          throw InvalidInputException.at(file.toString(), line, "", "cannot read the date: " + e.getMessage());
        }
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CSVException invalid) {
        throw InvalidInputException.at(file.toString(), 0, "", "not valid CSV: " + invalid.getMessage());
      }
      throw e.getCause();
    }
  }
}
