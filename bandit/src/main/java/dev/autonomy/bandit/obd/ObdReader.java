package dev.autonomy.bandit.obd;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Open Bandit Dataset's CSV files ({@code .csv}, or gzip'd {@code .csv.gz}): the logs
 * {@code {random,bts}/{men,women,all}/CAMPAIGN.csv} and {@code item_context.csv}. Every bad row is
 * an {@link InvalidInputException} naming the file, the line and the field.
 */
public final class ObdReader {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
      .setAllowMissingColumnNames(true).get();
  private static final String AFFINITY = "user-item_affinity_";
  private static final int USER_FEATURES = 4;

  private ObdReader() {}

  /** A log file's impressions, in file order. */
  public static List<ObdImpression> readLog(Path file) {
    return read(file, (rows) -> {
      Map<String, Integer> header = rows.header;
      for (String column : List.of("timestamp", "item_id", "position", "click", "propensity_score")) {
        rows.require(column);
      }
      for (int u = 0; u < USER_FEATURES; u++) {
        rows.require("user_feature_" + u);
      }
      int items = 0;
      while (header.containsKey(AFFINITY + items)) {
        items++;
      }
      if (items == 0) {
        throw InvalidInputException.at(rows.file, 1, null, "no " + AFFINITY + "0.. columns; is this an Open Bandit Dataset log?");
      }
      List<ObdImpression> impressions = new ArrayList<>();
      for (CSVRecord record = rows.next(); record != null; record = rows.next()) {
        long index = rows.integer(record, header.containsKey("") ? "" : null, 0, Long.MAX_VALUE, -1);
        int item = (int) rows.integer(record, "item_id", 0, items - 1, 0);
        int position = (int) rows.integer(record, "position", 1, 99, 0);
        int click = (int) rows.integer(record, "click", 0, 1, 0);
        double propensity = rows.number(record, "propensity_score");
        if (!(propensity > 0 && propensity <= 1)) {
          throw rows.error("propensity_score", "must be a probability in (0, 1], was " + record.get("propensity_score"));
        }
        String timestamp = rows.text(record, "timestamp");
        List<String> user = new ArrayList<>(USER_FEATURES);
        for (int u = 0; u < USER_FEATURES; u++) {
          user.add(rows.text(record, "user_feature_" + u));
        }
        double[] affinity = new double[items];
        for (int a = 0; a < items; a++) {
          affinity[a] = rows.number(record, AFFINITY + a);
        }
        impressions.add(new ObdImpression(index, timestamp, item, position, click, propensity, user, affinity));
      }
      if (impressions.isEmpty()) {
        throw InvalidInputException.at(rows.file, 0, null, "holds no impressions");
      }
      return impressions;
    });
  }

  /** An {@code item_context.csv}'s items, ordered by item id; ids must be 0..n-1, each once. */
  public static List<ObdItem> readItems(Path file) {
    return read(file, rows -> {
      rows.require("item_id");
      rows.require("item_feature_0");
      List<String> categorical = new ArrayList<>();
      for (int f = 1; rows.header.containsKey("item_feature_" + f); f++) {
        categorical.add("item_feature_" + f);
      }
      List<ObdItem> items = new ArrayList<>();
      for (CSVRecord record = rows.next(); record != null; record = rows.next()) {
        int id = (int) rows.integer(record, "item_id", 0, 100_000, 0);
        if (id != items.size()) {
          throw rows.error("item_id", "expected item " + items.size() + " (ids run 0, 1, 2, ... in order), was " + id);
        }
        double feature0 = rows.number(record, "item_feature_0");
        List<String> categories = new ArrayList<>();
        for (String column : categorical) {
          categories.add(rows.text(record, column));
        }
        items.add(new ObdItem(id, feature0, categories));
      }
      if (items.isEmpty()) {
        throw InvalidInputException.at(rows.file, 0, null, "holds no items");
      }
      return items;
    });
  }

  private interface Body<T> {
    T read(Rows rows) throws IOException;
  }

  private static <T> T read(Path path, Body<T> body) {
    String file = path.toString();
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(reader)) {
      return body.read(new Rows(file, parser));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file", e);
    } catch (UncheckedIOException e) {
      throw new InvalidInputException(file + ": could not be read: " + e.getCause().getMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": could not be read: " + e.getMessage(), e);
    }
  }

  /** The records of one file, with the line of the last one read for messages. */
  private static final class Rows {
    final String file;
    final CSVParser parser;
    final Map<String, Integer> header;
    final Iterator<CSVRecord> records;
    long line = 1;

    Rows(String file, CSVParser parser) {
      this.file = file;
      this.parser = parser;
      this.header = parser.getHeaderMap();
      this.records = parser.iterator();
    }

    void require(String column) {
      if (!header.containsKey(column)) {
        throw InvalidInputException.at(file, 1, column, "missing column; the header has " + header.keySet());
      }
    }

    CSVRecord next() {
      try {
        if (!records.hasNext()) {
          return null;
        }
        CSVRecord record = records.next();
        line = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
          throw InvalidInputException.at(file, line, null,
              "has " + record.size() + " fields, the header has " + header.size());
        }
        return record;
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof CSVException invalid) {
          throw InvalidInputException.at(file, line + 1, null, "not valid CSV: " + invalid.getMessage());
        }
        throw e;
      }
    }

    InvalidInputException error(String field, String problem) {
      return InvalidInputException.at(file, line, field, problem);
    }

    String text(CSVRecord record, String column) {
      String value = record.get(column);
      if (value.isBlank()) {
        throw error(column, "must not be empty");
      }
      return value;
    }

    double number(CSVRecord record, String column) {
      String value = record.get(column);
      try {
        double number = Double.parseDouble(value);
        if (!Double.isFinite(number)) {
          throw error(column, "must be a finite number, was '" + value + "'");
        }
        return number;
      } catch (NumberFormatException e) {
        throw error(column, "must be a number, was '" + value + "'");
      }
    }

    /** A whole number in {@code min..max}; for an absent optional column ({@code column == null}), {@code absent}. */
    long integer(CSVRecord record, String column, long min, long max, long absent) {
      if (column == null) {
        return absent;
      }
      String value = record.get(column);
      long number;
      try {
        number = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw error(column.isEmpty() ? "index" : column, "must be a whole number, was '" + value + "'");
      }
      if (number < min || number > max) {
        throw error(column.isEmpty() ? "index" : column, "must be in " + min + ".." + max + ", was " + number);
      }
      return number;
    }
  }
}
