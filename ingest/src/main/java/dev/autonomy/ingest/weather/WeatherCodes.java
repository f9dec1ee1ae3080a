package dev.autonomy.ingest.weather;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.SignalKind;
import java.util.Locale;

/**
 * The weather condition codes a file may carry, each mapped to one of {@link
 * SignalKind#WEATHER_CONDITIONS} (sun, cloud, fog, rain, snow, storm). A code outside the table is
 * an error naming the line and field, never a guess.
 *
 * <table>
 *   <caption>Codes and the condition they become</caption>
 *   <tr><th>condition</th><th>WMO code (Open-Meteo {@code weather_code})</th><th>Meteostat {@code coco}</th></tr>
 *   <tr><td>sun</td><td>0 clear sky, 1 mainly clear</td><td>1 clear, 2 fair</td></tr>
 *   <tr><td>cloud</td><td>2 partly cloudy, 3 overcast</td><td>3 cloudy, 4 overcast</td></tr>
 *   <tr><td>fog</td><td>45 fog, 48 depositing rime fog</td><td>5 fog, 6 freezing fog</td></tr>
 *   <tr><td>rain</td><td>51, 53, 55 drizzle; 56, 57 freezing drizzle; 61, 63, 65 rain; 66, 67
 *       freezing rain; 80, 81, 82 rain showers</td><td>7, 8, 9 rain; 10, 11 freezing rain; 17, 18
 *       rain showers</td></tr>
 *   <tr><td>snow</td><td>71, 73, 75 snow fall; 77 snow grains; 85, 86 snow showers</td><td>12, 13
 *       sleet; 14, 15, 16 snowfall; 19, 20 sleet showers; 21, 22 snow showers</td></tr>
 *   <tr><td>storm</td><td>95 thunderstorm; 96, 99 thunderstorm with hail</td><td>23 lightning, 24
 *       hail, 25, 26 thunderstorm, 27 storm</td></tr>
 * </table>
 *
 * <p>The WMO codes are the subset of WMO code table 4677 that Open-Meteo documents and writes;
 * the Meteostat codes are its documented 1..27. Sleet (a mix of rain and snow, or ice pellets) is
 * counted as snow.
 */
final class WeatherCodes {
  private WeatherCodes() {}

  static final String WMO_CODES = "0-3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80-82, 85, 86, 95, 96, 99";
  static final String METEOSTAT_CODES = "1-27";

  private static final int SUN = SignalKind.WEATHER_CONDITIONS.indexOf("sun");
  private static final int CLOUD = SignalKind.WEATHER_CONDITIONS.indexOf("cloud");
  private static final int FOG = SignalKind.WEATHER_CONDITIONS.indexOf("fog");
  private static final int RAIN = SignalKind.WEATHER_CONDITIONS.indexOf("rain");
  private static final int SNOW = SignalKind.WEATHER_CONDITIONS.indexOf("snow");
  private static final int STORM = SignalKind.WEATHER_CONDITIONS.indexOf("storm");

  /** A WMO weather code as Open-Meteo writes it, as a condition index; -1 when unknown. */
  static int wmo(int code) {
    return switch (code) {
      case 0, 1 -> SUN;
      case 2, 3 -> CLOUD;
      case 45, 48 -> FOG;
      case 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 80, 81, 82 -> RAIN;
      case 71, 73, 75, 77, 85, 86 -> SNOW;
      case 95, 96, 99 -> STORM;
      default -> -1;
    };
  }

  /** A Meteostat {@code coco} code as a condition index; -1 when unknown. */
  static int meteostat(int code) {
    return switch (code) {
      case 1, 2 -> SUN;
      case 3, 4 -> CLOUD;
      case 5, 6 -> FOG;
      case 7, 8, 9, 10, 11, 17, 18 -> RAIN;
      case 12, 13, 14, 15, 16, 19, 20, 21, 22 -> SNOW;
      case 23, 24, 25, 26, 27 -> STORM;
      default -> -1;
    };
  }

  /** A condition written by name (sun, cloud, fog, rain, snow, storm), as its index; -1 when unknown. */
  static int name(String name) {
    return SignalKind.WEATHER_CONDITIONS.indexOf(name.strip().toLowerCase(Locale.ROOT));
  }

  /** How a layout writes its condition column. */
  enum Scheme {
    WMO("a WMO weather code, one of " + WMO_CODES),
    METEOSTAT("a Meteostat condition code " + METEOSTAT_CODES),
    NAME("one of " + String.join(", ", SignalKind.WEATHER_CONDITIONS));

    private final String expected;

    Scheme(String expected) {
      this.expected = expected;
    }

    /** The condition index of a cell; an error naming the file, line and field when unknown. */
    int condition(String cell, String file, long line, String field) {
      int condition = this == NAME ? WeatherCodes.name(cell) : numeric(cell, file, line, field);
      if (condition < 0) {
        throw InvalidInputException.at(file, line, field,
            "unknown weather condition '" + WeatherLayout.abbreviate(cell.strip()) + "'; expected " + expected);
      }
      return condition;
    }

    private int numeric(String cell, String file, long line, String field) {
      double value;
      try {
        value = Double.parseDouble(cell.strip());
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value) || value != Math.rint(value) || Math.abs(value) > 1000) {
        throw InvalidInputException.at(file, line, field,
            "expected " + expected + ", found '" + WeatherLayout.abbreviate(cell.strip()) + "'");
      }
      return this == WMO ? wmo((int) value) : meteostat((int) value);
    }
  }
}
