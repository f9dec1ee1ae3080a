package dev.autonomy.ingest.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Importers;
import dev.autonomy.ingest.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherImporterTest {
  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
  private final WeatherImporter importer = new WeatherImporter();

  @TempDir Path dir;

  private Path write(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name), body);
  }

  private Samples.Result read(Path file) throws IOException {
    return Samples.read(importer, file, Samples.options(file.getFileName().toString()));
  }

  private static List<Signal> of(List<Signal> signals, SignalKind kind) {
    return signals.stream().filter(s -> s.kind() == kind).toList();
  }

  private static int condition(String name) {
    return SignalKind.WEATHER_CONDITIONS.indexOf(name);
  }

  @Test
  void import_openMeteoHourly_convertsUnitsAndReadsTimesInTheFilesZone() throws IOException {
    Path csv = write("open-meteo-47.37N8.54E.csv", """
        latitude,longitude,elevation,utc_offset_seconds,timezone,timezone_abbreviation
        52.52,13.419998,38.0,3600,Europe/Berlin,CET

        time,temperature_2m (°F),precipitation (inch),weather_code (wmo code),wind_speed_10m (km/h)
        2024-01-01T14:00,50.0,0.10,61,12.0
        2024-01-01T15:00,32,0.00,3,8.5
        2024-01-01T16:00,,0.00,,8.5
        """);
    Samples.Result result = read(csv);
    List<Signal> temperatures = of(result.signals(), SignalKind.TEMPERATURE);
    assertThat(temperatures).extracting(Signal::value).containsExactly(10.0, 0.0);
    Signal first = temperatures.get(0);
    assertThat(first.start()).as("14:00 in Berlin").isEqualTo(Instant.parse("2024-01-01T13:00:00Z")).isEqualTo(first.end());
    assertThat(first.unit()).isEqualTo("degC");
    assertThat(first.category()).isEqualTo("hourly");
    assertThat(first.zone()).as("the person's zone").isEqualTo(ZURICH);
    assertThat(first.provenance().modality()).isEqualTo(Modality.SENSED);
    assertThat(first.provenance().format()).isEqualTo("weather");
    assertThat(first.provenance().source()).isEqualTo("open-meteo-47.37N8.54E.csv");
    assertThat(first.provenance().device()).isEqualTo("open-meteo");

    List<Signal> rain = of(result.signals(), SignalKind.PRECIPITATION);
    assertThat(rain).hasSize(3);
    assertThat(rain.get(0).value()).isCloseTo(2.54, within(1e-9));
    assertThat(rain.get(0).unit()).isEqualTo("mm");
    assertThat(rain.get(0).start()).as("the hour ending at the reading").isEqualTo(Instant.parse("2024-01-01T12:00:00Z"));
    assertThat(rain.get(0).end()).isEqualTo(Instant.parse("2024-01-01T13:00:00Z"));

    List<Signal> weather = of(result.signals(), SignalKind.WEATHER);
    assertThat(weather).extracting(Signal::category).containsExactly("rain", "cloud");
    assertThat(weather).extracting(Signal::value).containsExactly((double) condition("rain"), (double) condition("cloud"));
    assertThat(weather.get(0).unit()).isEqualTo("code");

    assertThat(result.report().signalsRead()).isEqualTo(7);
    assertThat(result.report().skipped()).containsEntry("empty value in column 'temperature_2m (°F)'", 1L)
        .containsEntry("empty value in column 'weather_code (wmo code)'", 1L);
    assertThat(result.report().warnings()).anyMatch(w -> w.contains("columns not read: wind_speed_10m (km/h)"));
  }

  @Test
  void import_openMeteoBlocks_readsHourlyAndDailySkipsCurrentConditions() throws IOException {
    Path csv = write("export.csv", """
        latitude,longitude,elevation,utc_offset_seconds,timezone,timezone_abbreviation
        41.0,2.0,NaN,3600,GMT,GMT

        current_weather_time,temperature (°C),windspeed (km/h),weathercode (wmo code)
        2024-07-13T16:00,23.0,12.0,5

        time,temperature_2m (°C),precipitation (mm)
        2024-07-12T01:00,20.0,0.4

        time,temperature_2m_mean (°C),precipitation_sum (mm),weathercode (wmo code),sunrise (iso8601)
        2024-07-12,21.5,3.2,95,2024-07-12T06:05

        time,sunshine_duration (s)
        2024-07-12,36000
        """);
    Samples.Result result = read(csv);
    assertThat(result.signals()).hasSize(5);
    Signal hourly = of(result.signals(), SignalKind.TEMPERATURE).get(0);
    assertThat(hourly.start()).as("GMT named, 3600 s applied").isEqualTo(Instant.parse("2024-07-12T00:00:00Z"));
    Signal daily = of(result.signals(), SignalKind.PRECIPITATION).get(1);
    assertThat(daily.value()).isEqualTo(3.2);
    assertThat(daily.category()).isEqualTo("daily");
    assertThat(daily.zone()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(daily.start()).isEqualTo(Instant.parse("2024-07-11T23:00:00Z"));
    assertThat(daily.end()).isEqualTo(Instant.parse("2024-07-12T23:00:00Z"));
    Signal storm = of(result.signals(), SignalKind.WEATHER).get(0);
    assertThat(storm.category()).isEqualTo("storm");
    assertThat(storm.start()).isEqualTo(daily.start());
    assertThat(result.report().warnings()).anyMatch(w -> w.startsWith("line 4: current conditions"))
        .anyMatch(w -> w.contains("sunrise (iso8601)"))
        .anyMatch(w -> w.startsWith("line 13: a block without weather columns"));
  }

  @Test
  void import_meteostatBulkHourly_readsUtcHoursAndCodes() throws IOException {
    Path csv = write("10637.csv", """
        date,hour,temp,dwpt,rhum,prcp,snow,wdir,wspd,wpgt,pres,tsun,coco
        2024-01-01,0,5.2,3.1,86.0,0.3,,250.0,18.0,,1012.3,,8.0
        2024-01-01,1,4.9,3.0,87.0,,,250.0,18.0,,1012.0,,
        2024-01-01,23,-1.5,-3.0,90.0,0.0,,,,,,,24
        """);
    Samples.Result result = read(csv);
    List<Signal> temperatures = of(result.signals(), SignalKind.TEMPERATURE);
    assertThat(temperatures).extracting(Signal::value).containsExactly(5.2, 4.9, -1.5);
    assertThat(temperatures.get(0).start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(temperatures.get(2).start()).isEqualTo(Instant.parse("2024-01-01T23:00:00Z"));
    assertThat(temperatures.get(0).provenance().device()).isEqualTo("meteostat");
    assertThat(of(result.signals(), SignalKind.PRECIPITATION)).extracting(Signal::value).containsExactly(0.3, 0.0);
    assertThat(of(result.signals(), SignalKind.WEATHER)).extracting(Signal::category).containsExactly("rain", "storm");
    assertThat(result.report().skipped()).containsEntry("empty value in column 'prcp'", 1L).containsEntry("empty value in column 'coco'", 1L);
    assertThat(result.report().warnings()).anyMatch(w -> w.contains("UTC")).anyMatch(w -> w.contains("dwpt, rhum, snow"));
  }

  @Test
  void import_meteostatDailyNewBulkAndPythonCsv() throws IOException {
    Path daily = write("daily.csv", """
        date,tavg,tmin,tmax,prcp,snow,wdir,wspd,wpgt,pres,tsun
        2024-03-01,7.5,2.0,12.0,4.2,,,,,,
        """);
    List<Signal> days = read(daily).signals();
    assertThat(days).extracting(Signal::kind).containsExactly(SignalKind.TEMPERATURE, SignalKind.PRECIPITATION);
    assertThat(days.get(0).start()).isEqualTo(Instant.parse("2024-02-29T23:00:00Z"));
    assertThat(days.get(0).end()).isEqualTo(Instant.parse("2024-03-01T23:00:00Z"));
    assertThat(days.get(0).zone()).isEqualTo(ZURICH);
    assertThat(days).extracting(Signal::category).containsOnly("daily");

    Path bulk = write("bulk.csv", """
        year,month,day,hour,temp,temp_source,prcp,prcp_source,coco,coco_source
        2024,3,1,6,1.5,metar,0.2,metar,14,synop
        """);
    List<Signal> hours = read(bulk).signals();
    assertThat(hours.get(0).start()).isEqualTo(Instant.parse("2024-03-01T06:00:00Z"));
    assertThat(of(hours, SignalKind.WEATHER).get(0).category()).isEqualTo("snow");

    Path python = write("python.csv", """
        station,time,temp,prcp,coco
        10637,2024-03-01 06:00:00+01:00,1.5,0.0,1.0
        10637,2024-03-01 07:00:00,1.7,0.0,2
        """);
    List<Signal> rows = read(python).signals();
    assertThat(rows.get(0).start()).isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
    assertThat(rows.get(0).zone()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(of(rows, SignalKind.TEMPERATURE).get(1).start()).as("no offset: UTC").isEqualTo(Instant.parse("2024-03-01T07:00:00Z"));
    assertThat(of(rows, SignalKind.WEATHER)).extracting(Signal::category).containsExactly("sun", "sun");
  }

  @Test
  void import_plainLayout_namesAndLocalTimes() throws IOException {
    Path csv = write("weather.csv", """
        condition,date,precipitation_mm,temperature_c
        Snow,2024-01-05,12.5,-3.25
        sun,2024-01-06,0,
        """);
    List<Signal> signals = read(csv).signals();
    assertThat(signals).hasSize(5);
    assertThat(of(signals, SignalKind.WEATHER)).extracting(Signal::category).containsExactly("snow", "sun");
    assertThat(of(signals, SignalKind.TEMPERATURE).get(0).value()).isEqualTo(-3.25);
    assertThat(signals.get(0).provenance().device()).isEmpty();
    Path hourly = write("hourly.csv", "time,temperature_c\n2024-01-05T08:00,-1\n2024-01-05 09:00:00Z,0\n");
    List<Signal> readings = read(hourly).signals();
    assertThat(readings.get(0).start()).as("local to the default zone").isEqualTo(Instant.parse("2024-01-05T07:00:00Z"));
    assertThat(readings.get(1).start()).isEqualTo(Instant.parse("2024-01-05T09:00:00Z"));
    assertThat(readings).extracting(Signal::category).containsOnly("hourly");
  }

  @Test
  void reimport_givesTheSameNaturalKeysAndNoRowSharesOne() throws IOException {
    Path csv = write("w.csv", """
        date,hour,temp,prcp,coco
        2024-01-01,0,5.2,0.3,8
        2024-01-01,1,5.2,0.3,8
        2024-01-02,0,4.0,0.0,1
        """);
    List<String> first = read(csv).signals().stream().map(Signal::naturalKey).toList();
    List<String> again = read(csv).signals().stream().map(Signal::naturalKey).toList();
    assertThat(again).isEqualTo(first);
    Set<String> distinct = first.stream().collect(Collectors.toSet());
    assertThat(distinct).as("the vault keeps every row: no two share a key").hasSameSizeAs(first);
  }

  @Test
  void detect_findsEachLayoutButLeavesEventsAlone() throws IOException {
    assertThat(Importers.forFormat("weather")).isInstanceOf(WeatherImporter.class);
    Path openMeteo = write("om.csv", "latitude,longitude,elevation,utc_offset_seconds,timezone,timezone_abbreviation\n1,2,3,0,GMT,GMT\n\ntime,temperature_2m (°C)\n");
    Path meteostat = write("ms.csv", "date,hour,temp,prcp,coco\n");
    Path plain = write("plain.csv", "date,temperature_c\n");
    Path badUnit = write("k.csv", "time,temperature_2m (K)\n");
    for (Path p : List.of(openMeteo, meteostat, plain, badUnit)) {
      assertThat(Importers.detect(p).format()).as(p.toString()).isEqualTo("weather");
    }
    assertThat(Importers.detect(write("spend.csv", "time,kind,amount\n")).format()).isEqualTo("events");
    assertThat(importer.canRead(write("weather.txt", "date,temperature_c\n"))).isFalse();
    assertThat(importer.canRead(write("other.csv", "name,score\nx,1\n"))).isFalse();
    assertThat(importer.canRead(dir)).isFalse();
  }

  @Test
  void import_rejectsAHeaderOfNoLayoutListingThem() throws IOException {
    Path csv = write("a.csv", "when,temperature,rain\n2024-01-01,1,2\n");
    assertThatThrownBy(() -> read(csv)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("a.csv:1: not a weather header I know")
        .hasMessageContaining("Open-Meteo (time, temperature_2m (°C)").hasMessageContaining("Meteostat (")
        .hasMessageContaining("plain (date or time, temperature_c, precipitation_mm, condition)")
        .hasMessageNotContaining("\n");
    Path headerless = write("b.csv", "2024-01-01,0,5.2,3.1,86.0,0.3,,250.0,18.0,,1012.3,,8\n");
    assertThatThrownBy(() -> read(headerless)).hasMessageStartingWith("b.csv:1:").hasMessageContaining("looks like data");
    Path empty = write("c.csv", "");
    assertThatThrownBy(() -> read(empty)).hasMessageStartingWith("c.csv:1: empty file");
    Path onlyOther = write("d.csv", "latitude,longitude,utc_offset_seconds,timezone\n1,2,0,GMT\ntime,wind_speed_10m (km/h)\n2024-01-01T00:00,3\n");
    assertThatThrownBy(() -> read(onlyOther)).hasMessageStartingWith("d.csv:3: not a weather header I know");
    Path locations = write("e.csv", "location_id,latitude,longitude,utc_offset_seconds,timezone\n0,1,2,0,GMT\n1,3,4,0,GMT\n");
    assertThatThrownBy(() -> read(locations)).hasMessageStartingWith("e.csv:1: field 'location_id'").hasMessageContaining("one location");
  }

  @Test
  void import_rejectsUnknownUnitsAndCodesNamingLineAndField() throws IOException {
    Path kelvin = write("k.csv", "latitude,longitude,utc_offset_seconds,timezone\n1,2,0,GMT\n\ntime,temperature_2m (K)\n2024-01-01T00:00,280\n");
    assertThatThrownBy(() -> read(kelvin)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("k.csv:4: field 'temperature_2m (K)': unknown unit 'K'").hasMessageContaining("(°C) or (°F)");
    Path noUnit = write("n.csv", "time,precipitation\n2024-01-01T00:00,1\n");
    assertThatThrownBy(() -> read(noUnit)).hasMessageStartingWith("n.csv:1: field 'precipitation': no unit");
    Path wmo = write("w.csv", "time,weather_code (wmo code)\n2024-01-01T00:00,3\n2024-01-01T01:00,4\n");
    assertThatThrownBy(() -> read(wmo)).hasMessageStartingWith("w.csv:3: field 'weather_code (wmo code)': unknown weather condition '4'")
        .hasMessageContaining("0-3, 45, 48");
    Path coco = write("c.csv", "date,hour,coco\n2024-01-01,0,28\n");
    assertThatThrownBy(() -> read(coco)).hasMessageStartingWith("c.csv:2: field 'coco'").hasMessageContaining("1-27");
    Path name = write("p.csv", "date,condition\n2024-01-01,drizzle\n");
    assertThatThrownBy(() -> read(name)).hasMessageStartingWith("p.csv:2: field 'condition'")
        .hasMessageContaining("sun, cloud, fog, rain, snow, storm");
    Path fraction = write("f.csv", "date,hour,coco\n2024-01-01,0,3.5\n");
    assertThatThrownBy(() -> read(fraction)).hasMessageStartingWith("f.csv:2: field 'coco': expected a Meteostat condition code");
  }

  @Test
  void import_rejectsImpossibleValuesAndBadTimes() throws IOException {
    String header = "time,temperature_c,precipitation_mm\n";
    assertThatThrownBy(() -> read(write("hot.csv", header + "2024-07-01T12:00,61,0\n")))
        .hasMessageStartingWith("hot.csv:2: field 'temperature_c': temperature 61 °C is outside -90..60 °C");
    assertThatThrownBy(() -> read(write("hotf.csv", "time,temperature_2m (°F)\n2024-07-01T12:00,-140\n")))
        .hasMessageStartingWith("hotf.csv:2: field 'temperature_2m (°F)': temperature -95.6 °C is outside");
    assertThatThrownBy(() -> read(write("neg.csv", header + "2024-07-01T12:00,20,-0.1\n")))
        .hasMessageStartingWith("neg.csv:2: field 'precipitation_mm': precipitation -0.1 mm is negative");
    assertThatThrownBy(() -> read(write("hour.csv", header + "2024-07-01T12:00,20,1\n2024-07-01T13:00,20,501\n")))
        .hasMessageStartingWith("hour.csv:3: field 'precipitation_mm': precipitation 501 mm is above 500 mm in an hour");
    assertThat(read(write("day.csv", header + "2024-07-01,20,501\n")).signals()).hasSize(2);
    assertThatThrownBy(() -> read(write("day2.csv", header + "2024-07-01,20,2001\n")))
        .hasMessageStartingWith("day2.csv:2: field 'precipitation_mm'").hasMessageContaining("2000 mm in a day");
    assertThatThrownBy(() -> read(write("nan.csv", header + "2024-07-01,warm,1\n")))
        .hasMessageStartingWith("nan.csv:2: field 'temperature_c': expected a number");
    assertThatThrownBy(() -> read(write("when.csv", header + "1/7/2024,20,1\n")))
        .hasMessageStartingWith("when.csv:2: field 'time': expected an ISO date");
    assertThatThrownBy(() -> read(write("unix.csv", header + "1704067200,20,1\n")))
        .hasMessageStartingWith("unix.csv:2: field 'time'").hasMessageContaining("Unix time");
    assertThatThrownBy(() -> read(write("blank.csv", header + ",20,1\n")))
        .hasMessageStartingWith("blank.csv:2: field 'time': missing");
    assertThatThrownBy(() -> read(write("h24.csv", "date,hour,temp\n2024-07-01,24,20\n")))
        .hasMessageStartingWith("h24.csv:2: field 'hour': expected an hour 0..23");
    assertThatThrownBy(() -> read(write("feb.csv", "year,month,day,temp\n2024,2,30,1\n")))
        .hasMessageStartingWith("feb.csv:2: field 'day': no such date 2024-2-30");
    assertThatThrownBy(() -> read(write("st.csv", "station,time,temp\n10637,2024-01-01,1\n10638,2024-01-01,1\n")))
        .hasMessageStartingWith("st.csv:3: field 'station'").hasMessageContaining("one station");
    assertThatThrownBy(() -> read(write("tz.csv", "latitude,longitude,utc_offset_seconds,timezone\n1,2,,Mars/Base\ntime,temperature_2m (°C)\n")))
        .hasMessageStartingWith("tz.csv:2: field 'timezone'");
  }

  @Test
  void import_rejectsARecordOverTheBound() throws IOException {
    Path csv = write("long.csv", "date,temperature_c\n2024-01-01," + "1".repeat(100) + "\n");
    assertThatThrownBy(() -> Samples.read(new WeatherImporter(64), csv, Samples.options("long.csv")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("long.csv:2").hasMessageContaining("longer than 64");
  }

  @Test
  void codes_mapEveryDocumentedCodeAndNothingElse() {
    List<Integer> openMeteo = List.of(0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99);
    for (int code = -1; code <= 100; code++) {
      assertThat(WeatherCodes.wmo(code) >= 0).as("WMO " + code).isEqualTo(openMeteo.contains(code));
    }
    for (int code = 0; code <= 28; code++) {
      assertThat(WeatherCodes.meteostat(code) >= 0).as("coco " + code).isEqualTo(code >= 1 && code <= 27);
    }
    assertThat(SignalKind.WEATHER_CONDITIONS.get(WeatherCodes.wmo(48))).isEqualTo("fog");
    assertThat(SignalKind.WEATHER_CONDITIONS.get(WeatherCodes.wmo(86))).isEqualTo("snow");
    assertThat(SignalKind.WEATHER_CONDITIONS.get(WeatherCodes.meteostat(12))).isEqualTo("snow");
    assertThat(SignalKind.WEATHER_CONDITIONS.get(WeatherCodes.meteostat(27))).isEqualTo("storm");
    assertThat(WeatherCodes.name(" Rain ")).isEqualTo(condition("rain"));
    assertThat(WeatherCodes.name("wind")).isEqualTo(-1);
  }
}
