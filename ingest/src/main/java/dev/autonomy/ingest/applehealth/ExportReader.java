package dev.autonomy.ingest.applehealth;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.core.signal.SignalSink;
import dev.autonomy.core.signal.WorkoutPlace;
import dev.autonomy.ingest.Units;
import dev.autonomy.ingest.xml.SafeXml;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The streaming pass over one export.xml: one StAX event loop, a record's attributes held only
 * until its end tag (its MetadataEntry children may say HKWasUserEntered, a workout's also
 * HKIndoorWorkout), one signal per record. Single use, single thread.
 */
final class ExportReader {
  static final String SUMMARY = "daily_summary";
  static final String SUMMARY_DEVICE = "Apple Health activity summary";

  private final String file;
  private final ImportOptions options;
  private final SignalSink sink;
  private final AppleDate date = new AppleDate();
  private final Map<String, Map<String, Provenance[]>> provenances = new HashMap<>();
  private final Map<String, long[]> skipped = new HashMap<>();
  private ZoneId summaryZone;
  private long signals;
  /** How many elements are open; tells a workout's own metadata from its children's. */
  private int depth;

  // the Record or Workout being read
  private boolean inRecord;
  private boolean inWorkout;
  private int correlationDepth;
  private boolean userEntered;
  private long line;
  private HealthKitType type;
  private String typeName;
  private String unit;
  private String value;
  private String sourceName;
  private String device;
  private String startText;
  private String endText;
  // Workout only
  private String activity;
  private String duration;
  private String durationUnit;
  private double distance;
  private String distanceUnit;
  private double energy;
  private String energyUnit;
  private double statisticsDistance;
  private double statisticsEnergy;
  private int workoutDepth;
  /** From HKIndoorWorkout; null when the workout has none (or one this cannot read). */
  private WorkoutPlace placeFromMetadata;
  private boolean hasRoute;

  ExportReader(String file, ImportOptions options, SignalSink sink) {
    this.file = file;
    this.options = options;
    this.sink = sink;
    this.summaryZone = options.defaultZone();
  }

  long signals() {
    return signals;
  }

  Map<String, Long> skipped() {
    Map<String, Long> out = new HashMap<>();
    skipped.forEach((reason, count) -> out.put(reason, count[0]));
    return out;
  }

  void read(InputStream in) {
    XMLStreamReader reader = SafeXml.reader(in, file);
    try {
      loop(reader);
    } catch (XMLStreamException e) {
      throw SafeXml.invalid(file, e);
    } catch (RuntimeException e) {
      throw SafeXml.translate(file, reader, e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException | RuntimeException ignored) {
        // the first error is the one to report
      }
    }
  }

  private void loop(XMLStreamReader reader) throws XMLStreamException {
    boolean sawRoot = false;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String name = reader.getLocalName();
        if (!sawRoot) {
          if (!name.equals("HealthData")) {
            throw InvalidInputException.at(
                file, SafeXml.line(reader), null, "expected an Apple Health export with root <HealthData>, found <" + name + ">");
          }
          sawRoot = true;
          continue;
        }
        switch (name) {
          case "Record":
            startRecord(reader);
            break;
          case "MetadataEntry":
            metadataEntry(reader);
            break;
          case "Workout":
            startWorkout(reader);
            break;
          case "WorkoutStatistics":
            if (inWorkout) {
              workoutStatistics(reader);
            }
            break;
          case "WorkoutRoute":
            if (inWorkout) {
              hasRoute = true;
            }
            break;
          case "ActivitySummary":
            activitySummary(reader);
            break;
          case "Correlation":
            correlationDepth++;
            skip("unsupported type " + reader.getAttributeValue(null, "type"));
            break;
          case "ExportDate":
            exportDate(reader);
            break;
          default:
            break;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        String name = reader.getLocalName();
        if (inRecord && name.equals("Record")) {
          inRecord = false;
          finishRecord();
        } else if (inWorkout && name.equals("Workout")) {
          inWorkout = false;
          finishWorkout();
        } else if (name.equals("Correlation")) {
          correlationDepth--;
        }
      }
    }
    if (!sawRoot) {
      throw InvalidInputException.at(file, 0, null, "no <HealthData> element; expected an Apple Health export.xml");
    }
  }

  /**
   * HKWasUserEntered on a record or workout; HKIndoorWorkout only as the workout's own metadata,
   * not a WorkoutRoute's or WorkoutEvent's, which describe the child.
   */
  private void metadataEntry(XMLStreamReader reader) {
    if (!inRecord && !inWorkout) {
      return;
    }
    String key = reader.getAttributeValue(null, "key");
    if ("HKWasUserEntered".equals(key)) {
      String flag = reader.getAttributeValue(null, "value");
      userEntered = "1".equals(flag) || "true".equalsIgnoreCase(flag);
    } else if (inWorkout && depth == workoutDepth + 1 && "HKIndoorWorkout".equals(key)) {
      placeFromMetadata = indoorFlag(reader.getAttributeValue(null, "value"));
    }
  }

  /** "1"/"true" indoor, "0"/"false" outdoor; anything else says nothing, so the route may still tell. */
  private static WorkoutPlace indoorFlag(String flag) {
    String value = flag == null ? "" : flag.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "1", "true" -> WorkoutPlace.INDOOR;
      case "0", "false" -> WorkoutPlace.OUTDOOR;
      default -> null;
    };
  }

  private void startRecord(XMLStreamReader reader) {
    if (correlationDepth > 0) {
      skip("record inside a Correlation (also exported at top level)");
      return;
    }
    type = null;
    typeName = unit = value = sourceName = device = startText = endText = null;
    int count = reader.getAttributeCount();
    for (int i = 0; i < count; i++) {
      String attribute = reader.getAttributeLocalName(i);
      switch (attribute) {
        case "type":
          typeName = reader.getAttributeValue(i);
          type = HealthKitType.of(typeName);
          if (type == null) {
            skip("unsupported type " + typeName);
            return;
          }
          break;
        case "unit":
          unit = reader.getAttributeValue(i);
          break;
        case "value":
          value = reader.getAttributeValue(i);
          break;
        case "sourceName":
          sourceName = reader.getAttributeValue(i);
          break;
        case "device":
          device = reader.getAttributeValue(i);
          break;
        case "startDate":
          startText = reader.getAttributeValue(i);
          break;
        case "endDate":
          endText = reader.getAttributeValue(i);
          break;
        default:
          break;
      }
    }
    if (type == null) {
      throw InvalidInputException.at(file, SafeXml.line(reader), "type", "missing; every Record needs a type");
    }
    line = SafeXml.line(reader);
    userEntered = false;
    inRecord = true;
  }

  private void finishRecord() {
    date.parse(startText, file, line, "startDate");
    long start = date.epochSecond;
    int offset = date.offsetSeconds;
    date.parse(endText, file, line, "endDate");
    long end = date.epochSecond;
    if (end < start) {
      throw InvalidInputException.at(file, line, "endDate", "is before startDate (" + startText + " > " + endText + ")");
    }
    SignalKind kind = type.kind();
    double amount;
    String category = type.category();
    if (kind == SignalKind.SLEEP) {
      category = HealthKitType.sleepStage(value);
      if (category == null) {
        skip("unknown sleep value " + value);
        return;
      }
      amount = (end - start) / 60.0;
    } else {
      if (value == null) {
        skip("record without value " + typeName);
        return;
      }
      amount = Units.toCanonical(kind, number(value, "value"), unit == null ? "" : unit);
      if (Double.isNaN(amount)) {
        skip("unsupported unit " + unit + " for " + typeName);
        return;
      }
    }
    emit(kind, start, end, offset, amount, category, provenance(sourceName, device, userEntered));
  }

  private void startWorkout(XMLStreamReader reader) {
    activity = duration = durationUnit = distanceUnit = energyUnit = sourceName = device = startText = endText = null;
    distance = energy = statisticsDistance = statisticsEnergy = 0;
    line = SafeXml.line(reader);
    int count = reader.getAttributeCount();
    for (int i = 0; i < count; i++) {
      String attribute = reader.getAttributeLocalName(i);
      String text = reader.getAttributeValue(i);
      switch (attribute) {
        case "workoutActivityType":
          activity = HealthKitType.activity(text);
          break;
        case "duration":
          duration = text;
          break;
        case "durationUnit":
          durationUnit = text;
          break;
        case "totalDistance":
          distance = number(text, "totalDistance");
          break;
        case "totalDistanceUnit":
          distanceUnit = text;
          break;
        case "totalEnergyBurned":
          energy = number(text, "totalEnergyBurned");
          break;
        case "totalEnergyBurnedUnit":
          energyUnit = text;
          break;
        case "sourceName":
          sourceName = text;
          break;
        case "device":
          device = text;
          break;
        case "startDate":
          startText = text;
          break;
        case "endDate":
          endText = text;
          break;
        default:
          break;
      }
    }
    userEntered = false;
    placeFromMetadata = null;
    hasRoute = false;
    workoutDepth = depth;
    inWorkout = true;
  }

  private void workoutStatistics(XMLStreamReader reader) {
    String statType = reader.getAttributeValue(null, "type");
    String sum = reader.getAttributeValue(null, "sum");
    if (statType == null || sum == null) {
      return;
    }
    String statUnit = reader.getAttributeValue(null, "unit");
    statUnit = statUnit == null ? "" : statUnit;
    if (statType.startsWith("HKQuantityTypeIdentifierDistance")) {
      double metres = Units.toCanonical(SignalKind.DISTANCE, number(sum, "sum"), statUnit);
      if (!Double.isNaN(metres)) {
        statisticsDistance += metres;
      }
    } else if (statType.equals("HKQuantityTypeIdentifierActiveEnergyBurned")) {
      double kcal = Units.toCanonical(SignalKind.ACTIVE_ENERGY, number(sum, "sum"), statUnit);
      if (!Double.isNaN(kcal)) {
        statisticsEnergy += kcal;
      }
    }
  }

  private void finishWorkout() {
    date.parse(startText, file, line, "startDate");
    long start = date.epochSecond;
    int offset = date.offsetSeconds;
    date.parse(endText, file, line, "endDate");
    long end = date.epochSecond;
    if (end < start) {
      throw InvalidInputException.at(file, line, "endDate", "is before startDate (" + startText + " > " + endText + ")");
    }
    String category = activity == null ? "" : activity;
    double minutes = duration == null
        ? (end - start) / 60.0
        : Units.toCanonical(SignalKind.WORKOUT, number(duration, "duration"), durationUnit == null ? "min" : durationUnit);
    if (Double.isNaN(minutes) || minutes < 0) {
      skip("workout with unsupported duration unit " + durationUnit);
      return;
    }
    Provenance provenance = provenance(sourceName, device, userEntered);
    // A recorded route means GPS outdoors; the metadata, when present, says it outright.
    WorkoutPlace place = placeFromMetadata != null ? placeFromMetadata : hasRoute ? WorkoutPlace.OUTDOOR : WorkoutPlace.UNKNOWN;
    emit(SignalKind.WORKOUT, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), ZoneOffset.ofTotalSeconds(offset), minutes,
        category, place.code(), provenance);
    double metres = distance > 0
        ? Units.toCanonical(SignalKind.DISTANCE, distance, distanceUnit == null ? "km" : distanceUnit)
        : statisticsDistance;
    if (metres > 0) {
      emit(SignalKind.DISTANCE, start, end, offset, metres, category, provenance);
    }
    double kcal = energy > 0
        ? Units.toCanonical(SignalKind.ACTIVE_ENERGY, energy, energyUnit == null ? "kcal" : energyUnit)
        : statisticsEnergy;
    if (kcal > 0) {
      emit(SignalKind.ACTIVE_ENERGY, start, end, offset, kcal, category, provenance);
    }
  }

  private void activitySummary(XMLStreamReader reader) {
    line = SafeXml.line(reader);
    String day = reader.getAttributeValue(null, "dateComponents");
    if (day == null || day.isEmpty()) {
      skip("activity summary without dateComponents");
      return;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(day);
    } catch (DateTimeException e) {
      throw InvalidInputException.at(file, line, "dateComponents", "expected a date like 2016-04-14, found '" + day + "'");
    }
    Instant start = date.atStartOfDay(summaryZone).toInstant();
    Instant end = date.plusDays(1).atStartOfDay(summaryZone).toInstant();
    Provenance provenance = provenance(SUMMARY_DEVICE, null, false);
    String energyText = reader.getAttributeValue(null, "activeEnergyBurned");
    if (energyText != null) {
      String energyUnitText = reader.getAttributeValue(null, "activeEnergyBurnedUnit");
      double kcal = Units.toCanonical(SignalKind.ACTIVE_ENERGY, number(energyText, "activeEnergyBurned"),
          energyUnitText == null ? "kcal" : energyUnitText);
      if (Double.isNaN(kcal)) {
        skip("unsupported unit " + energyUnitText + " for ActivitySummary");
      } else {
        emit(SignalKind.ACTIVE_ENERGY, start, end, kcal, SUMMARY, provenance);
      }
    }
    String exercise = reader.getAttributeValue(null, "appleExerciseTime");
    if (exercise != null) {
      emit(SignalKind.ACTIVE_MINUTES, start, end, number(exercise, "appleExerciseTime"), SUMMARY, provenance);
    }
    if (reader.getAttributeValue(null, "appleStandHours") != null) {
      skip("ActivitySummary appleStandHours (no signal kind)");
    }
  }

  private void exportDate(XMLStreamReader reader) {
    String text = reader.getAttributeValue(null, "value");
    if (text != null) {
      date.parse(text, file, SafeXml.line(reader), "ExportDate.value");
      summaryZone = ZoneOffset.ofTotalSeconds(date.offsetSeconds);
    }
  }

  private double number(String text, String field) {
    try {
      double parsed = Double.parseDouble(text);
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    throw InvalidInputException.at(file, line, field, "expected a number, found '" + shown + "'");
  }

  private void emit(SignalKind kind, long start, long end, int offset, double amount, String category, Provenance provenance) {
    emit(kind, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), ZoneOffset.ofTotalSeconds(offset), amount, category, provenance);
  }

  private void emit(SignalKind kind, Instant start, Instant end, double amount, String category, Provenance provenance) {
    emit(kind, start, end, summaryZone, amount, category, provenance);
  }

  private void emit(SignalKind kind, Instant start, Instant end, ZoneId zone, double amount, String category, Provenance provenance) {
    emit(kind, start, end, zone, amount, category, "", provenance);
  }

  private void emit(
      SignalKind kind, Instant start, Instant end, ZoneId zone, double amount, String category, String text, Provenance provenance) {
    sink.accept(new Signal(kind, start, end, zone, amount, kind.canonicalUnit(), category, text, provenance));
    signals++;
  }

  private void skip(String reason) {
    skipped.computeIfAbsent(reason, r -> new long[1])[0]++;
  }

  /** One Provenance per (source, device, modality), so a 2 GB export holds a handful of them. */
  private Provenance provenance(String source, String deviceText, boolean selfReported) {
    String sourceKey = source == null ? "" : source;
    String deviceKey = deviceText == null ? "" : deviceText;
    Provenance[] pair = provenances
        .computeIfAbsent(sourceKey, s -> new HashMap<>())
        .computeIfAbsent(deviceKey, d -> new Provenance[2]);
    int slot = selfReported ? 1 : 0;
    if (pair[slot] == null) {
      pair[slot] = new Provenance(options.sourceName(), AppleHealthImporter.FORMAT, deviceName(sourceKey, deviceKey),
          selfReported ? Modality.SELF_REPORTED : Modality.SENSED);
    }
    return pair[slot];
  }

  /** "Apple Watch" or "Simon's iPhone (iPhone)": the source, plus the HKDevice name when it differs. */
  static String deviceName(String source, String deviceText) {
    int at = deviceText.indexOf("name:");
    if (at < 0) {
      return source;
    }
    int end = deviceText.indexOf(',', at);
    String name = (end < 0 ? deviceText.substring(at + 5) : deviceText.substring(at + 5, end)).strip();
    if (name.endsWith(">")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty() || name.replace('\u00A0', ' ').equals(source.replace('\u00A0', ' '))) {
      return source;
    }
    return source.isEmpty() ? name : source + " (" + name + ")";
  }
}
