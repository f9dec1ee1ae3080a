package dev.autonomy.ingest.weather;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.ingest.weather.WeatherCodes.Scheme;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which columns of a weather CSV hold what, read from its header: one of the three layouts
 * {@link WeatherImporter} documents. Columns are found by name, in any order, case-insensitively;
 * a header that is none of the layouts is a one-line error listing them.
 */
final class WeatherLayout {
  /** Where the layout comes from, and the device its signals name. */
  enum Source {
    OPEN_METEO("open-meteo"),
    METEOSTAT("meteostat"),
    PLAIN("");

    final String device;

    Source(String device) {
      this.device = device;
    }
  }

  /** The layouts, as the errors list them. */
  static final String ACCEPTED = "Open-Meteo (time, temperature_2m (°C), precipitation (mm), weather_code (wmo code);"
      + " daily temperature_2m_mean, precipitation_sum), Meteostat (time, date[,hour] or year,month,day[,hour];"
      + " temp or tavg, prcp, coco) or plain (date or time, temperature_c, precipitation_mm, condition)";

  private static final List<String> OPEN_METEO_TEMPERATURE = List.of("temperature_2m", "temperature_2m_mean");
  private static final List<String> OPEN_METEO_PRECIPITATION = List.of("precipitation", "precipitation_sum");
  private static final List<String> OPEN_METEO_CODE = List.of("weather_code", "weathercode");

  /**
   * One value column: its position, its name as the header writes it (errors name it), the unit its
   * values are in ({@link dev.autonomy.ingest.Units} spelling), and for conditions the code scheme.
   */
  record Column(int index, String field, String unit, Scheme scheme) {}

  final Source source;
  /** Positions of the time columns; -1 when absent. */
  final int time;
  final int date;
  final int hour;
  final int year;
  final int month;
  final int day;
  /** Meteostat's station column (files of several stations are refused); -1 when absent. */
  final int station;
  /** The value columns; null when the header has none of that kind. */
  final Column temperature;
  final Column precipitation;
  final Column condition;
  /** The columns no signal is read from, as the header names them. */
  final List<String> ignored;

  private WeatherLayout(Source source, Map<String, Integer> at, String timeName, Column temperature,
      Column precipitation, Column condition, List<String> names) {
    this.source = source;
    this.time = timeName.equals("time") ? at.get("time") : -1;
    this.date = timeName.equals("date") ? at.get("date") : -1;
    this.hour = source == Source.METEOSTAT && !timeName.equals("time") ? at.getOrDefault("hour", -1) : -1;
    boolean ymd = timeName.equals("year");
    this.year = ymd ? at.get("year") : -1;
    this.month = ymd ? at.get("month") : -1;
    this.day = ymd ? at.get("day") : -1;
    this.station = source == Source.METEOSTAT ? at.getOrDefault("station", -1) : -1;
    this.temperature = temperature;
    this.precipitation = precipitation;
    this.condition = condition;
    List<Integer> used = new ArrayList<>(List.of(time, date, hour, year, month, day, station));
    for (Column c : new Column[] {temperature, precipitation, condition}) {
      if (c != null) {
        used.add(c.index());
      }
    }
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (!used.contains(i) && !names.get(i).isBlank()) {
        rest.add(names.get(i).strip());
      }
    }
    this.ignored = List.copyOf(rest);
  }

  /** Whether the header names one of the layouts (its units are not checked). */
  static boolean recognises(List<String> names) {
    Map<String, Integer> at = positions(names);
    return openMeteo(at) || (meteostatTime(at) != null && meteostatValues(at)) || (plainTime(at) != null && plainValues(at));
  }

  /** Whether the header is Open-Meteo's block of current conditions, which is not a time series. */
  static boolean isCurrentBlock(List<String> names) {
    return (!names.isEmpty() && base(names.get(0)).startsWith("current")) || positions(names).containsKey("interval");
  }

  /** Whether a record in the middle of a file starts a new block (a header line). */
  static boolean isHeader(List<String> record) {
    if (record.isEmpty()) {
      return false;
    }
    String first = base(record.get(0));
    return first.equals("time") || first.equals("date") || first.equals("year") || first.equals("station")
        || first.equals("location_id") || first.startsWith("current");
  }

  /**
   * The layout of a header at {@code line}; an error naming the file and line that lists the
   * layouts when it is none of them, or naming the field when a unit is not one this reads.
   */
  static WeatherLayout of(String file, long line, List<String> names) {
    Map<String, Integer> at = positions(names);
    if (at.containsKey("location_id")) {
      throw InvalidInputException.at(file, line, "location_id",
          "the file holds several locations; export one location per file");
    }
    if (openMeteo(at)) {
      Column temperature = openMeteoColumn(file, line, names, at, OPEN_METEO_TEMPERATURE, "temperature");
      Column precipitation = openMeteoColumn(file, line, names, at, OPEN_METEO_PRECIPITATION, "precipitation");
      Column code = openMeteoColumn(file, line, names, at, OPEN_METEO_CODE, "code");
      return new WeatherLayout(Source.OPEN_METEO, at, "time", temperature, precipitation, code, names);
    }
    String meteostatTime = meteostatTime(at);
    if (meteostatTime != null && meteostatValues(at)) {
      int temp = at.containsKey("temp") ? at.get("temp") : at.getOrDefault("tavg", -1);
      return new WeatherLayout(Source.METEOSTAT, at, meteostatTime,
          column(names, temp, "degC", null), column(names, at.getOrDefault("prcp", -1), "mm", null),
          column(names, at.getOrDefault("coco", -1), "", Scheme.METEOSTAT), names);
    }
    String plainTime = plainTime(at);
    if (plainTime != null && plainValues(at)) {
      return new WeatherLayout(Source.PLAIN, at, plainTime,
          column(names, at.getOrDefault("temperature_c", -1), "degC", null),
          column(names, at.getOrDefault("precipitation_mm", -1), "mm", null),
          column(names, at.getOrDefault("condition", -1), "", Scheme.NAME), names);
    }
    String hint = looksLikeData(names)
        ? "; the line looks like data, not a header (Meteostat's older bulk files have none: add"
            + " date,hour,temp,dwpt,rhum,prcp,snow,wdir,wspd,wpgt,pres,tsun,coco or date,tavg,tmin,tmax,prcp,snow,wdir,wspd,wpgt,pres,tsun)"
        : "";
    throw InvalidInputException.at(file, line, null,
        "not a weather header I know, found " + abbreviate(String.join(",", names)) + "; expected " + ACCEPTED + hint);
  }

  private static boolean openMeteo(Map<String, Integer> at) {
    return at.containsKey("time") && (OPEN_METEO_TEMPERATURE.stream().anyMatch(at::containsKey)
        || OPEN_METEO_PRECIPITATION.stream().anyMatch(at::containsKey) || OPEN_METEO_CODE.stream().anyMatch(at::containsKey));
  }

  private static String meteostatTime(Map<String, Integer> at) {
    if (at.containsKey("time")) {
      return "time";
    }
    if (at.containsKey("date")) {
      return "date";
    }
    return at.containsKey("year") && at.containsKey("month") && at.containsKey("day") ? "year" : null;
  }

  private static boolean meteostatValues(Map<String, Integer> at) {
    return at.containsKey("temp") || at.containsKey("tavg") || at.containsKey("prcp") || at.containsKey("coco");
  }

  private static String plainTime(Map<String, Integer> at) {
    return at.containsKey("time") ? "time" : at.containsKey("date") ? "date" : null;
  }

  private static boolean plainValues(Map<String, Integer> at) {
    return at.containsKey("temperature_c") || at.containsKey("precipitation_mm") || at.containsKey("condition");
  }

  private static Column column(List<String> names, int index, String unit, Scheme scheme) {
    return index < 0 ? null : new Column(index, names.get(index).strip(), unit, scheme);
  }

  /** An Open-Meteo column and the unit its header names in parentheses, which must be one this reads. */
  private static Column openMeteoColumn(String file, long line, List<String> names, Map<String, Integer> at,
      List<String> candidates, String what) {
    int index = candidates.stream().filter(at::containsKey).map(at::get).findFirst().orElse(-1);
    if (index < 0) {
      return null;
    }
    String field = names.get(index).strip();
    String unit = unitOf(field);
    String expected = switch (what) {
      case "temperature" -> "(°C) or (°F)";
      case "precipitation" -> "(mm) or (inch)";
      default -> "(wmo code)";
    };
    String canonical = unit == null ? null : switch (what + ":" + unit.toLowerCase(Locale.ROOT)) {
      case "temperature:°c" -> "degC";
      case "temperature:°f" -> "degF";
      case "precipitation:mm" -> "mm";
      case "precipitation:inch" -> "in";
      case "code:wmo code" -> "";
      default -> null;
    };
    if (canonical == null) {
      throw InvalidInputException.at(file, line, field, (unit == null ? "no unit" : "unknown unit '" + abbreviate(unit) + "'")
          + "; expected " + expected + " after the name, as Open-Meteo writes it");
    }
    return new Column(index, field, canonical, what.equals("code") ? Scheme.WMO : null);
  }

  /** Lower-case names without Open-Meteo's unit suffix, and their first positions. */
  private static Map<String, Integer> positions(List<String> names) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      at.putIfAbsent(base(names.get(i)), i);
    }
    return at;
  }

  /** "temperature_2m (°C)" -> "temperature_2m"; names are compared in lower case. */
  static String base(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    int open = n.lastIndexOf(" (");
    return open > 0 && n.endsWith(")") ? n.substring(0, open).strip() : n;
  }

  /** "temperature_2m (°C)" -> "°C"; null without a unit in parentheses. */
  private static String unitOf(String name) {
    int open = name.lastIndexOf(" (");
    return open > 0 && name.endsWith(")") ? name.substring(open + 2, name.length() - 1).strip() : null;
  }

  private static boolean looksLikeData(List<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    String first = names.get(0).strip();
    try {
      LocalDate.parse(first.length() >= 10 ? first.substring(0, 10) : first);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
