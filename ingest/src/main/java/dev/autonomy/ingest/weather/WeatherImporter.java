package dev.autonomy.ingest.weather;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.SignalSink;
import dev.autonomy.ingest.Units;
import dev.autonomy.ingest.lines.CsvRecords;
import dev.autonomy.ingest.lines.LineReader;
import dev.autonomy.ingest.weather.WeatherLayout.Column;
import dev.autonomy.ingest.weather.WeatherLayout.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Weather the person brings: a daily or hourly CSV read into {@link SignalKind#TEMPERATURE} (°C),
 * {@link SignalKind#PRECIPITATION} (mm) and {@link SignalKind#WEATHER} (a condition) signals, every
 * one SENSED, with the file as source and {@code weather} as format. The layout is told by the
 * header; columns are found by name, in any order, case-insensitively; a layout needs its time
 * column(s) and at least one value column.
 *
 * <table>
 *   <caption>Accepted layouts</caption>
 *   <tr><th>layout</th><th>time</th><th>temperature</th><th>precipitation</th><th>condition</th></tr>
 *   <tr><td>Open-Meteo CSV export (device "open-meteo")</td><td>{@code time}</td>
 *       <td>{@code temperature_2m}, daily {@code temperature_2m_mean}; unit {@code (°C)} or
 *       {@code (°F)}</td><td>{@code precipitation}, daily {@code precipitation_sum}; {@code (mm)} or
 *       {@code (inch)}</td><td>{@code weather_code} or {@code weathercode}, {@code (wmo code)}</td></tr>
 *   <tr><td>Meteostat (device "meteostat"): the Python library's CSV, the older bulk files with a
 *       header line added, the newer bulk files</td><td>{@code time}, or {@code date} with an optional
 *       {@code hour} (0..23), or {@code year}, {@code month}, {@code day} with an optional
 *       {@code hour}</td><td>{@code temp} (hourly) or {@code tavg} (daily), °C</td>
 *       <td>{@code prcp}, mm</td><td>{@code coco}, Meteostat's codes 1..27</td></tr>
 *   <tr><td>plain (device "")</td><td>{@code date} or {@code time}</td><td>{@code temperature_c}</td>
 *       <td>{@code precipitation_mm}</td><td>{@code condition}: sun, cloud, fog, rain, snow or
 *       storm</td></tr>
 * </table>
 *
 * <p><b>Times.</b> A time is an ISO date ({@code 2024-03-01}: the row is a day) or date-time
 * ({@code 2024-03-01T14:00}, {@code 2024-03-01 14:00:00}, {@code 2024-03-01T14:00+01:00}: the row
 * is a reading at that time). A date-time without an offset is local to {@link
 * ImportOptions#defaultZone()}, except that an Open-Meteo file's own time zone (its metadata lines:
 * {@code timezone}, else {@code utc_offset_seconds}) wins, and that Meteostat's date-times are UTC,
 * as Meteostat writes them. A day spans local midnight to midnight: of the Open-Meteo file's zone,
 * else of the default zone. Unix times (Open-Meteo's {@code timeformat=unixtime}) are not read.
 *
 * <p><b>Values.</b> Temperatures are a reading (a row with a time) or the day's mean (a date);
 * precipitation is the total of the hour ending at the row's time (as Open-Meteo and Meteostat
 * write it), or of the day. Conditions become one of {@link SignalKind#WEATHER_CONDITIONS} as
 * {@link WeatherCodes} tabulates (category: the condition, value: its position). Temperature
 * and precipitation signals have category "hourly" or "daily", so that a day read both ways is
 * not counted twice. Units are converted: °F to °C, inches to mm; Meteostat is read in its metric
 * units. An empty cell is no signal (counted in the report as skipped).
 *
 * <p><b>Errors</b> name the file, line and field: a header that is none of the layouts (the
 * message lists them), a unit or code this does not know, a time that is not ISO, a value that is
 * not a number, a temperature outside -90..60 °C, negative precipitation, precipitation above 500
 * mm in an hour or 2,000 mm in a day (the world's 24-hour record is 1,825 mm), a second Meteostat
 * station or several Open-Meteo locations in one file. Columns the layout does not read (wind,
 * humidity, minimum and maximum temperatures...) are listed in the report's warnings, not read.
 *
 * <p><b>Blocks.</b> An Open-Meteo export may hold several blocks, each with its header (current
 * conditions, hourly, daily): current conditions are skipped, and so is a block with none of the
 * columns above (a warning says so) as long as one block is read. A header line repeated in the
 * middle of a file (files joined together) starts a new block too. No CSV record may exceed
 * {@value LineReader#DEFAULT_MAX_LINE_CHARS} characters.
 */
public final class WeatherImporter implements Importer {
  public static final String FORMAT = "weather";
  /** The lowest and highest air temperatures a file may hold, in °C (the records are -89.2 and 56.7). */
  static final double MIN_CELSIUS = -90;
  static final double MAX_CELSIUS = 60;
  static final double MAX_MM_PER_HOUR = 500;
  static final double MAX_MM_PER_DAY = 2_000;

  private final int maxLineChars;

  public WeatherImporter() {
    this(LineReader.DEFAULT_MAX_LINE_CHARS);
  }

  /** An importer with another record bound (tests use a small one). */
  public WeatherImporter(int maxLineChars) {
    if (maxLineChars <= 0) {
      throw new IllegalArgumentException("maxLineChars must be > 0, was " + maxLineChars);
    }
    this.maxLineChars = maxLineChars;
  }

  @Override
  public String format() {
    return FORMAT;
  }

  /** A {@code .csv} file whose first line is Open-Meteo's metadata header or a weather header. */
  @Override
  public boolean canRead(Path path) throws IOException {
    if (!Files.isRegularFile(path) || !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return false;
    }
    try (CsvRecords csv = CsvRecords.open(path, 64 * 1024)) {
      CSVRecord first = csv.next();
      return first != null && (isOpenMeteoMetadata(first.toList()) || WeatherLayout.recognises(first.toList()));
    } catch (InvalidInputException notCsv) {
      return false;
    }
  }

  @Override
  public ImportReport read(Path path, ImportOptions options, SignalSink sink) throws IOException {
    try (CsvRecords csv = CsvRecords.open(path, maxLineChars)) {
      Reading reading = new Reading(csv, options, sink);
      reading.run();
      return new ImportReport(FORMAT, reading.count, reading.skipped, List.copyOf(reading.warnings));
    }
  }

  private static boolean isOpenMeteoMetadata(List<String> names) {
    List<String> lower = names.stream().map(WeatherLayout::base).toList();
    return lower.contains("latitude") && lower.contains("longitude") && !lower.contains("time");
  }

  /** One file being read: the current block's layout and zones, and what was read so far. */
  private static final class Reading {
    private final CsvRecords csv;
    private final String file;
    private final ImportOptions options;
    private final SignalSink sink;
    private final Map<String, Long> skipped = new HashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private long count;
    /** The Open-Meteo file's own zone, from its metadata; null for other files. */
    private ZoneId fileZone;
    private WeatherLayout layout;
    private Provenance provenance;
    private String station;
    private boolean readable;
    private List<String> firstHeader;
    private long firstHeaderLine;

    Reading(CsvRecords csv, ImportOptions options, SignalSink sink) {
      this.csv = csv;
      this.file = csv.file();
      this.options = options;
      this.sink = sink;
    }

    void run() throws IOException {
      CSVRecord header = csv.next();
      if (header == null) {
        throw InvalidInputException.at(file, 1, null, "empty file; expected a weather CSV: " + WeatherLayout.ACCEPTED);
      }
      if (isOpenMeteoMetadata(header.toList())) {
        header = readMetadata(header.toList());
      }
      startBlock(header.toList());
      for (CSVRecord row = csv.next(); row != null; row = csv.next()) {
        List<String> cells = row.toList();
        if (WeatherLayout.isHeader(cells)) {
          startBlock(cells);
        } else if (layout == null) {
          skipped.merge("rows of a block not read (see warnings)", 1L, Long::sum);
        } else {
          readRow(row);
        }
      }
      if (!readable) {
        WeatherLayout.of(file, firstHeaderLine, firstHeader);
        throw InvalidInputException.at(file, firstHeaderLine, null,
            "no block of weather columns; expected " + WeatherLayout.ACCEPTED);
      }
    }

    /** Open-Meteo's metadata lines (header, values): the zone its times are in; returns the next header. */
    private CSVRecord readMetadata(List<String> names) throws IOException {
      List<String> lower = names.stream().map(WeatherLayout::base).toList();
      if (lower.contains("location_id")) {
        throw InvalidInputException.at(file, csv.line(), "location_id", "the file holds several locations; export one location per file");
      }
      CSVRecord values = csv.next();
      if (values == null) {
        throw InvalidInputException.at(file, 2, null, "Open-Meteo metadata header without its values line");
      }
      String timezone = cell(values, lower.indexOf("timezone"));
      String offset = cell(values, lower.indexOf("utc_offset_seconds"));
      fileZone = zone(timezone, offset, csv.line());
      CSVRecord header = csv.next();
      if (header == null) {
        throw InvalidInputException.at(file, csv.line(), null, "no data after Open-Meteo's metadata lines");
      }
      return header;
    }

    /** A region (Europe/Berlin) as named; else the offset in seconds; else a zone like GMT. */
    private ZoneId zone(String timezone, String offset, long line) {
      if (timezone != null && timezone.contains("/")) {
        try {
          return ZoneId.of(timezone.strip());
        } catch (DateTimeException unknown) {
          // tried below
        }
      }
      if (offset != null && !offset.isBlank()) {
        try {
          return ZoneOffset.ofTotalSeconds(Integer.parseInt(offset.strip()));
        } catch (NumberFormatException | DateTimeException unknown) {
          // tried below
        }
      }
      if (timezone != null && !timezone.isBlank()) {
        try {
          return ZoneId.of(timezone.strip());
        } catch (DateTimeException unknown) {
          // reported below
        }
      }
      throw InvalidInputException.at(file, line, "timezone", "expected a time zone such as Europe/Berlin or GMT, or"
          + " utc_offset_seconds, found '" + WeatherLayout.abbreviate(timezone == null ? "" : timezone) + "'");
    }

    private void startBlock(List<String> names) {
      long line = csv.line();
      if (firstHeader == null) {
        firstHeader = names;
        firstHeaderLine = line;
      }
      layout = null;
      if (WeatherLayout.isCurrentBlock(names)) {
        warnings.add("line " + line + ": current conditions are not a time series, not read");
        return;
      }
      if (fileZone != null && !WeatherLayout.recognises(names)) {
        warnings.add("line " + line + ": a block without weather columns, not read (" + WeatherLayout.abbreviate(String.join(",", names)) + ")");
        return;
      }
      layout = WeatherLayout.of(file, line, names);
      readable = true;
      provenance = new Provenance(options.sourceName(), FORMAT, layout.source.device, Modality.SENSED);
      if (!layout.ignored.isEmpty()) {
        List<String> shown = layout.ignored.size() > 12 ? layout.ignored.subList(0, 12) : layout.ignored;
        warnings.add("columns not read: " + String.join(", ", shown)
            + (layout.ignored.size() > shown.size() ? " and " + (layout.ignored.size() - shown.size()) + " more" : ""));
      }
    }

    private void readRow(CSVRecord row) {
      long line = csv.line();
      if (layout.station >= 0) {
        checkStation(cell(row, layout.station), line);
      }
      When when = when(row, line);
      if (layout.temperature != null) {
        Double celsius = number(row, layout.temperature, SignalKind.TEMPERATURE, line);
        if (celsius != null) {
          if (celsius < MIN_CELSIUS || celsius > MAX_CELSIUS) {
            throw InvalidInputException.at(file, line, layout.temperature.field(), String.format(Locale.ROOT,
                "temperature %s °C is outside %s..%s °C", fmt(Math.round(celsius * 10) / 10.0), fmt(MIN_CELSIUS), fmt(MAX_CELSIUS)));
          }
          emit(SignalKind.TEMPERATURE, when, celsius, when.granularity());
        }
      }
      if (layout.precipitation != null) {
        Double mm = number(row, layout.precipitation, SignalKind.PRECIPITATION, line);
        if (mm != null) {
          double max = when.hourly() ? MAX_MM_PER_HOUR : MAX_MM_PER_DAY;
          if (mm < 0 || mm > max) {
            throw InvalidInputException.at(file, line, layout.precipitation.field(), mm < 0
                ? "precipitation " + fmt(mm) + " mm is negative"
                : "precipitation " + fmt(mm) + " mm is above " + fmt(max) + " mm in " + (when.hourly() ? "an hour" : "a day"));
          }
          emit(SignalKind.PRECIPITATION, when, mm, when.granularity());
        }
      }
      if (layout.condition != null) {
        String code = cell(row, layout.condition.index());
        if (code == null || code.isBlank()) {
          skip(layout.condition);
        } else {
          int condition = layout.condition.scheme().condition(code, file, line, layout.condition.field());
          emit(SignalKind.WEATHER, when, condition, SignalKind.WEATHER_CONDITIONS.get(condition));
        }
      }
    }

    /** A reading's temperature and condition are points; its precipitation is the hour ending then. */
    private void emit(SignalKind kind, When when, double value, String category) {
      Instant from = when.hourly() && kind != SignalKind.PRECIPITATION ? when.end() : when.start();
      sink.accept(new Signal(kind, from, when.end(), when.zone(), value, kind.canonicalUnit(), category, "", provenance));
      count++;
    }

    private void checkStation(String value, long line) {
      if (value == null || value.isBlank()) {
        return;
      }
      if (station == null) {
        station = value.strip();
      } else if (!station.equals(value.strip())) {
        throw InvalidInputException.at(file, line, "station", "a second station '" + WeatherLayout.abbreviate(value.strip())
            + "' after '" + station + "'; import one station's file at a time");
      }
    }

    /** A value converted to the kind's unit; null for an empty cell (counted as skipped). */
    private Double number(CSVRecord row, Column column, SignalKind kind, long line) {
      String text = cell(row, column.index());
      if (text == null || text.isBlank()) {
        skip(column);
        return null;
      }
      double value;
      try {
        value = Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value)) {
        throw InvalidInputException.at(file, line, column.field(), "expected a number such as 12.5, found '" + WeatherLayout.abbreviate(text.strip()) + "'");
      }
      return Units.toCanonical(kind, value, column.unit());
    }

    private void skip(Column column) {
      skipped.merge("empty value in column '" + column.field() + "'", 1L, Long::sum);
    }

    /** When a row is: a reading at a time (and the hour ending then), or a day. */
    private When when(CSVRecord row, long line) {
      if (layout.year >= 0) {
        int y = integer(row, layout.year, "year", line);
        int m = integer(row, layout.month, "month", line);
        int d = integer(row, layout.day, "day", line);
        LocalDate date;
        try {
          date = LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
          throw InvalidInputException.at(file, line, "day", "no such date " + y + "-" + m + "-" + d);
        }
        return layout.hour >= 0 ? atHour(date, row, line) : day(date);
      }
      String name = layout.time >= 0 ? "time" : "date";
      String text = cell(row, layout.time >= 0 ? layout.time : layout.date);
      if (text == null || text.isBlank()) {
        throw InvalidInputException.at(file, line, name, "missing; expected an ISO date such as 2024-03-01 or a date-time such as 2024-03-01T14:00");
      }
      if (layout.hour >= 0) {
        LocalDate date;
        try {
          date = LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
          throw InvalidInputException.at(file, line, name, "expected an ISO date such as 2024-03-01 beside the hour, found '" + WeatherLayout.abbreviate(text.strip()) + "'");
        }
        return atHour(date, row, line);
      }
      return parse(text.strip(), name, line);
    }

    private When atHour(LocalDate date, CSVRecord row, long line) {
      int hour = integer(row, layout.hour, "hour", line);
      if (hour < 0 || hour > 23) {
        throw InvalidInputException.at(file, line, "hour", "expected an hour 0..23, found " + hour);
      }
      return reading(date.atTime(hour, 0).atZone(dateTimeZone()).toInstant(), options.defaultZone());
    }

    private When parse(String text, String name, long line) {
      String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
      try {
        ZonedDateTime withOffset = ZonedDateTime.parse(t);
        return reading(withOffset.toInstant(), withOffset.getZone());
      } catch (DateTimeException noOffset) {
        // a local date-time or a date
      }
      try {
        return reading(LocalDateTime.parse(t).atZone(dateTimeZone()).toInstant(), options.defaultZone());
      } catch (DateTimeException notLocal) {
        // a date
      }
      try {
        return day(LocalDate.parse(t));
      } catch (DateTimeException notDate) {
        boolean unix = !t.isEmpty() && t.chars().allMatch(Character::isDigit);
        throw InvalidInputException.at(file, line, name, "expected an ISO date such as 2024-03-01 or a date-time such as"
            + " 2024-03-01T14:00, found '" + WeatherLayout.abbreviate(text) + "'" + (unix ? " (Unix time: export with ISO 8601 times)" : ""));
      }
    }

    /** The zone of date-times without an offset: Meteostat's UTC, the Open-Meteo file's, else the default. */
    private ZoneId dateTimeZone() {
      if (layout.source == Source.METEOSTAT) {
        warnings.add("Meteostat times without an offset read as UTC, as Meteostat writes them");
        return ZoneOffset.UTC;
      }
      return fileZone != null ? fileZone : options.defaultZone();
    }

    private When reading(Instant at, ZoneId zone) {
      return new When(at.minus(Duration.ofHours(1)), at, zone, true);
    }

    private When day(LocalDate date) {
      ZoneId zone = fileZone != null ? fileZone : options.defaultZone();
      return new When(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(), zone, false);
    }

    private int integer(CSVRecord row, int index, String name, long line) {
      String text = cell(row, index);
      double value;
      try {
        value = text == null ? Double.NaN : Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value) || value != Math.rint(value) || Math.abs(value) > 1_000_000) {
        throw InvalidInputException.at(file, line, name, "expected a whole number, found '" + WeatherLayout.abbreviate(text == null ? "" : text.strip()) + "'");
      }
      return (int) value;
    }

    private static String cell(CSVRecord row, int index) {
      return index >= 0 && index < row.size() ? row.get(index) : null;
    }

    private static String fmt(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
  }

  /**
   * A row's time: for a reading, the hour ending at it ({@code end} is the reading's time); for a
   * day, its local midnights.
   */
  private record When(Instant start, Instant end, ZoneId zone, boolean hourly) {
    String granularity() {
      return hourly ? "hourly" : "daily";
    }
  }
}
