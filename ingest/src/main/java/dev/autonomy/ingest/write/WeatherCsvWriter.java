package dev.autonomy.ingest.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a daily weather file as Open-Meteo's CSV export lays it out, the layout {@link
 * dev.autonomy.ingest.weather.WeatherImporter} reads as "open-meteo": the location metadata
 * (header and values line), a blank line, then {@code time,weather_code (wmo code),
 * temperature_2m_mean (°C),precipitation_sum (mm)} and one row per day, with Commons CSV as RFC
 * 4180 has it. The metadata is what makes the importer take the days as local to
 * {@code zone} (its {@code timezone} column; for a fixed offset, {@code utc_offset_seconds}).
 * Days must come in increasing order, as Open-Meteo writes them.
 */
public final class WeatherCsvWriter implements AutoCloseable {
  private static final String[] METADATA =
      {"latitude", "longitude", "elevation", "utc_offset_seconds", "timezone", "timezone_abbreviation"};
  private static final String[] COLUMNS =
      {"time", "weather_code (wmo code)", "temperature_2m_mean (°C)", "precipitation_sum (mm)"};
  /** The header of the daily block, as Open-Meteo names the columns and their units. */
  public static final String HEADER = String.join(",", COLUMNS);

  private final CSVPrinter out;
  private final double latitude;
  private final double longitude;
  private final double elevationMetres;
  private final ZoneId zone;
  private LocalDate previous;

  /**
   * A writer for the place at {@code latitude}, {@code longitude} (degrees) and {@code
   * elevationMetres}, whose days run midnight to midnight in {@code zone}. Nothing is written
   * until the first row or {@link #close()}, so that the metadata can give the zone's offset on
   * the first day.
   */
  public WeatherCsvWriter(Writer out, double latitude, double longitude, double elevationMetres, ZoneId zone) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be in -90..90 degrees, was " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be in -180..180 degrees, was " + longitude);
    }
    if (!Double.isFinite(elevationMetres)) {
      throw new IllegalArgumentException("elevationMetres must be a finite number, was " + elevationMetres);
    }
    if (zone == null) {
      throw new IllegalArgumentException("zone must not be null");
    }
    this.latitude = latitude;
    this.longitude = longitude;
    this.elevationMetres = elevationMetres;
    this.zone = zone.normalized();
    try {
      this.out = new CSVPrinter(out, CSVFormat.RFC4180);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WeatherCsvWriter(Path file, double latitude, double longitude, double elevationMetres, ZoneId zone) throws IOException {
    this(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)), latitude, longitude, elevationMetres, zone);
  }

  /**
   * One day: its WMO weather code (0..99, Open-Meteo's {@code weather_code}), mean air
   * temperature in °C and precipitation total in mm.
   */
  public WeatherCsvWriter row(LocalDate day, int wmoCode, double meanTempC, double precipitationMm) {
    if (day == null) {
      throw new IllegalArgumentException("day must not be null");
    }
    if (previous != null && !day.isAfter(previous)) {
      throw new IllegalArgumentException("day " + day + " must be after the previous row's " + previous);
    }
    if (wmoCode < 0 || wmoCode > 99) {
      throw new IllegalArgumentException("wmoCode must be a WMO weather code 0..99, was " + wmoCode);
    }
    if (!Double.isFinite(meanTempC)) {
      throw new IllegalArgumentException("meanTempC must be a finite number, was " + meanTempC);
    }
    if (!(precipitationMm >= 0) || Double.isInfinite(precipitationMm)) {
      throw new IllegalArgumentException("precipitationMm must be a finite number >= 0, was " + precipitationMm);
    }
    try {
      if (previous == null) {
        start(day);
      }
      out.printRecord(DateTimeFormatter.ISO_LOCAL_DATE.format(day), wmoCode, AppleHealthExportWriter.number(meanTempC),
          AppleHealthExportWriter.number(precipitationMm));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    previous = day;
    return this;
  }

  /** Ends the file (a file without rows still has its metadata and header) and closes the writer. */
  @Override
  public void close() throws IOException {
    if (previous == null) {
      start(null);
    }
    out.close();
  }

  /**
   * The metadata lines, a blank line and the header. A region zone is named as Open-Meteo names
   * it (Europe/Berlin) and its offset is the one on the first day, empty without one; a fixed
   * offset is named GMT and given in seconds, which the importer reads in place of the name.
   */
  private void start(LocalDate firstDay) throws IOException {
    out.printRecord((Object[]) METADATA);
    String offset;
    String name;
    String abbreviation;
    if (zone instanceof ZoneOffset fixed) {
      offset = Integer.toString(fixed.getTotalSeconds());
      name = "GMT";
      abbreviation = fixed.getTotalSeconds() == 0 ? "GMT" : "GMT" + fixed.getId();
    } else {
      offset = firstDay == null ? "" : Integer.toString(zone.getRules().getOffset(firstDay.atStartOfDay()).getTotalSeconds());
      name = zone.getId();
      abbreviation = firstDay == null
          ? zone.getDisplayName(TextStyle.SHORT, Locale.ROOT)
          : DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(firstDay.atStartOfDay(zone));
    }
    out.printRecord(AppleHealthExportWriter.number(latitude), AppleHealthExportWriter.number(longitude),
        AppleHealthExportWriter.number(elevationMetres), offset, name, abbreviation);
    out.println();
    out.printRecord((Object[]) COLUMNS);
  }
}
