package dev.autonomy.ingest.write;

import dev.autonomy.core.signal.WorkoutPlace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Writes an Apple Health export.xml as the iPhone does: the XML header, a small internal DTD, then
 * {@code <HealthData locale="en_US">}, {@code <ExportDate>}, {@code <Me>} and the records;
 * {@link #close()} ends the document. Write errors surface as {@link UncheckedIOException}.
 */
public final class AppleHealthExportWriter implements AutoCloseable {
  private static final String DTD = """
      <!DOCTYPE HealthData [
      <!-- HealthKit Export Version: 11 -->
      <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
      <!ATTLIST HealthData
        locale CDATA #REQUIRED
      >
      <!ELEMENT ExportDate EMPTY>
      <!ATTLIST ExportDate
        value CDATA #REQUIRED
      >
      <!ELEMENT Me EMPTY>
      <!ATTLIST Me
        HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
        HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
        HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
        HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
      >
      <!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
      <!ATTLIST Record
        type          CDATA #REQUIRED
        unit          CDATA #IMPLIED
        value         CDATA #IMPLIED
        sourceName    CDATA #REQUIRED
        sourceVersion CDATA #IMPLIED
        device        CDATA #IMPLIED
        creationDate  CDATA #IMPLIED
        startDate     CDATA #REQUIRED
        endDate       CDATA #REQUIRED
      >
      <!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
      <!ATTLIST Workout
        workoutActivityType   CDATA #REQUIRED
        duration              CDATA #IMPLIED
        durationUnit          CDATA #IMPLIED
        totalDistance         CDATA #IMPLIED
        totalDistanceUnit     CDATA #IMPLIED
        totalEnergyBurned     CDATA #IMPLIED
        totalEnergyBurnedUnit CDATA #IMPLIED
        sourceName            CDATA #REQUIRED
        sourceVersion         CDATA #IMPLIED
        device                CDATA #IMPLIED
        creationDate          CDATA #IMPLIED
        startDate             CDATA #REQUIRED
        endDate               CDATA #REQUIRED
      >
      <!ELEMENT ActivitySummary EMPTY>
      <!ATTLIST ActivitySummary
        dateComponents           CDATA #IMPLIED
        activeEnergyBurned       CDATA #IMPLIED
        activeEnergyBurnedGoal   CDATA #IMPLIED
        activeEnergyBurnedUnit   CDATA #IMPLIED
        appleExerciseTime        CDATA #IMPLIED
        appleExerciseTimeGoal    CDATA #IMPLIED
        appleStandHours          CDATA #IMPLIED
        appleStandHoursGoal      CDATA #IMPLIED
      >
      <!ELEMENT MetadataEntry EMPTY>
      <!ATTLIST MetadataEntry
        key   CDATA #REQUIRED
        value CDATA #REQUIRED
      >
      ]>
      """;

  private final Writer out;
  private final char[] date = new char[25];

  /** Starts the document on {@code out}; the export date is written in its own offset. */
  public AppleHealthExportWriter(Writer out, ZonedDateTime exportDate) {
    this.out = out;
    try {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.write(DTD);
      out.write("<HealthData locale=\"en_US\">\n <ExportDate value=\"");
      writeDate(exportDate);
      out.write("\"/>\n <Me HKCharacteristicTypeIdentifierDateOfBirth=\"\" HKCharacteristicTypeIdentifierBiologicalSex=\"HKBiologicalSexNotSet\""
          + " HKCharacteristicTypeIdentifierBloodType=\"HKBloodTypeNotSet\" HKCharacteristicTypeIdentifierFitzpatrickSkinType=\"HKFitzpatrickSkinTypeNotSet\"/>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer to a new UTF-8 file. */
  public AppleHealthExportWriter(Path file, ZonedDateTime exportDate) throws IOException {
    this(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16), exportDate);
  }

  /** A quantity record, e.g. ("HKQuantityTypeIdentifierStepCount", "count", 412, ...). */
  public AppleHealthExportWriter quantity(
      String hkType, String unit, double value, ZonedDateTime start, ZonedDateTime end, String sourceName) {
    try {
      out.write(" <Record type=\"");
      out.write(escape(hkType));
      out.write("\" sourceName=\"");
      out.write(escape(sourceName));
      out.write("\" sourceVersion=\"1.0\" unit=\"");
      out.write(escape(unit));
      out.write("\" creationDate=\"");
      writeDate(end);
      out.write("\" startDate=\"");
      writeDate(start);
      out.write("\" endDate=\"");
      writeDate(end);
      out.write("\" value=\"");
      out.write(number(value));
      out.write("\"/>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A sleep record; {@code hkValue} like "HKCategoryValueSleepAnalysisAsleepCore". */
  public AppleHealthExportWriter sleep(String hkValue, ZonedDateTime start, ZonedDateTime end, String sourceName) {
    try {
      out.write(" <Record type=\"HKCategoryTypeIdentifierSleepAnalysis\" sourceName=\"");
      out.write(escape(sourceName));
      out.write("\" sourceVersion=\"1.0\" creationDate=\"");
      writeDate(end);
      out.write("\" startDate=\"");
      writeDate(start);
      out.write("\" endDate=\"");
      writeDate(end);
      out.write("\" value=\"");
      out.write(escape(hkValue));
      out.write("\"/>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A workout whose place is not recorded; {@code activityType} with or without the HKWorkoutActivityType prefix. */
  public AppleHealthExportWriter workout(
      String activityType, double durationMin, double distanceKm, double energyKcal,
      ZonedDateTime start, ZonedDateTime end, String sourceName) {
    return workout(activityType, durationMin, distanceKm, energyKcal, start, end, sourceName, WorkoutPlace.UNKNOWN);
  }

  /**
   * A workout and where it took place, written as the iPhone does: INDOOR as the metadata
   * {@code HKIndoorWorkout} 1, OUTDOOR as 0, UNKNOWN as no metadata at all.
   */
  public AppleHealthExportWriter workout(
      String activityType, double durationMin, double distanceKm, double energyKcal,
      ZonedDateTime start, ZonedDateTime end, String sourceName, WorkoutPlace place) {
    if (place == null) {
      throw new IllegalArgumentException("place must not be null; use WorkoutPlace.UNKNOWN when it is not recorded");
    }
    String type = activityType.startsWith("HKWorkoutActivityType") ? activityType : "HKWorkoutActivityType" + activityType;
    try {
      out.write(" <Workout workoutActivityType=\"");
      out.write(escape(type));
      out.write("\" duration=\"" + number(durationMin) + "\" durationUnit=\"min\" totalDistance=\"" + number(distanceKm)
          + "\" totalDistanceUnit=\"km\" totalEnergyBurned=\"" + number(energyKcal) + "\" totalEnergyBurnedUnit=\"kcal\" sourceName=\"");
      out.write(escape(sourceName));
      out.write("\" sourceVersion=\"1.0\" creationDate=\"");
      writeDate(end);
      out.write("\" startDate=\"");
      writeDate(start);
      out.write("\" endDate=\"");
      writeDate(end);
      if (place == WorkoutPlace.UNKNOWN) {
        out.write("\"/>\n");
      } else {
        out.write("\">\n  <MetadataEntry key=\"HKIndoorWorkout\" value=\"");
        out.write(place == WorkoutPlace.INDOOR ? "1" : "0");
        out.write("\"/>\n </Workout>\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The day's activity rings. */
  public AppleHealthExportWriter activitySummary(LocalDate day, double activeKcal, double exerciseMin, double standHours) {
    try {
      out.write(" <ActivitySummary dateComponents=\"" + day + "\" activeEnergyBurned=\"" + number(activeKcal)
          + "\" activeEnergyBurnedGoal=\"500\" activeEnergyBurnedUnit=\"kcal\" appleExerciseTime=\"" + number(exerciseMin)
          + "\" appleExerciseTimeGoal=\"30\" appleStandHours=\"" + number(standHours) + "\" appleStandHoursGoal=\"12\"/>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Ends the document and closes the underlying writer. */
  @Override
  public void close() throws IOException {
    out.write("</HealthData>\n");
    out.close();
  }

  /** "2019-05-30 09:18:47 +0200", written without a formatter. */
  private void writeDate(ZonedDateTime t) throws IOException {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("year must be in 0..9999 for an Apple Health date, was " + year);
    }
    put(0, year, 4);
    date[4] = '-';
    put(5, t.getMonthValue(), 2);
    date[7] = '-';
    put(8, t.getDayOfMonth(), 2);
    date[10] = ' ';
    put(11, t.getHour(), 2);
    date[13] = ':';
    put(14, t.getMinute(), 2);
    date[16] = ':';
    put(17, t.getSecond(), 2);
    date[19] = ' ';
    int offset = t.getOffset().getTotalSeconds();
    date[20] = offset < 0 ? '-' : '+';
    offset = Math.abs(offset);
    put(21, offset / 3600, 2);
    put(23, offset / 60 % 60, 2);
    out.write(date);
  }

  private void put(int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      date[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Up to five decimals, trailing zeros dropped, no formatter: "412", "0.00288", "31.7368". */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be a finite number, was " + value);
    }
    if (Math.abs(value) >= 1e12) {
      return Double.toString(value);
    }
    long scaled = Math.round(Math.abs(value) * 100_000.0);
    long whole = scaled / 100_000;
    long fraction = scaled % 100_000;
    StringBuilder out = new StringBuilder(16);
    if (value < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(whole);
    if (fraction != 0) {
      out.append('.');
      String digits = Long.toString(fraction + 100_000).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append(digits, 0, end);
    }
    return out.toString();
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&apos;";
        default -> null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
