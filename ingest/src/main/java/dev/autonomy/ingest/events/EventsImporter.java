package dev.autonomy.ingest.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.SignalSink;
import dev.autonomy.ingest.lines.CsvHeader;
import dev.autonomy.ingest.lines.CsvRecords;
import dev.autonomy.ingest.lines.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Generic events the person keeps themselves: a CSV with the header
 * {@code time,kind,amount,unit,category,text} (columns by name, any order; {@code time},
 * {@code kind} and {@code amount} required) or JSON Lines with the same fields.
 *
 * <p>kind is purchase, transaction, trip or note; time is ISO-8601 with an offset or zone, or local
 * (then {@link ImportOptions#defaultZone()}); purchases and transactions carry a currency code as
 * unit, trips km/mi/m/ft (stored in metres), notes keep their text and have value 0 unless an
 * amount is given. Every event is SELF_REPORTED. No line (no CSV record) may exceed {@value
 * LineReader#DEFAULT_MAX_LINE_CHARS} characters.
 */
public final class EventsImporter implements Importer {
  public static final String FORMAT = "events";
  private static final JsonFactory JSON = new JsonFactory();

  private final int maxLineChars;

  public EventsImporter() {
    this(LineReader.DEFAULT_MAX_LINE_CHARS);
  }

  /** An importer with another line bound (tests use a small one). */
  public EventsImporter(int maxLineChars) {
    if (maxLineChars <= 0) {
      throw new IllegalArgumentException("maxLineChars must be > 0, was " + maxLineChars);
    }
    this.maxLineChars = maxLineChars;
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean canRead(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return true;
    }
    if (!name.endsWith(".csv")) {
      return false;
    }
    try (CsvRecords csv = CsvRecords.open(path, 64 * 1024)) {
      CSVRecord header = csv.next();
      if (header == null) {
        return false;
      }
      CsvHeader names = new CsvHeader(csv.file(), header.toList());
      return names.optional("time") >= 0 && names.optional("kind") >= 0;
    } catch (InvalidInputException notCsv) {
      return false;
    }
  }

  @Override
  public ImportReport read(Path path, ImportOptions options, SignalSink sink) throws IOException {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    Provenance provenance = new Provenance(options.sourceName(), FORMAT, "", Modality.SELF_REPORTED);
    long count = isJsonLines(path, file) ? readJsonLines(path, file, options, provenance, sink) : readCsv(path, file, options, provenance, sink);
    return new ImportReport(FORMAT, count, Map.of(), List.of());
  }

  private boolean isJsonLines(Path path, String file) throws IOException {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(path)) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b == '{') {
          return true;
        }
        if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
          return false;
        }
      }
    }
    return false;
  }

  private long readCsv(Path path, String file, ImportOptions options, Provenance provenance, SignalSink sink) throws IOException {
    try (CsvRecords csv = CsvRecords.open(path, maxLineChars)) {
      CSVRecord names = csv.next();
      if (names == null) {
        throw InvalidInputException.at(file, 1, null, "empty file; expected the header time,kind,amount,unit,category,text");
      }
      CsvHeader header = new CsvHeader(file, names.toList());
      int time = header.require("time");
      int kind = header.require("kind");
      int amount = header.require("amount");
      int unit = header.optional("unit");
      int category = header.optional("category");
      int text = header.optional("text");
      EventFields fields = new EventFields();
      long count = 0;
      for (CSVRecord row = csv.next(); row != null; row = csv.next()) {
        fields.clear();
        fields.time = at(row, time);
        fields.kind = at(row, kind);
        fields.amount = at(row, amount);
        fields.unit = at(row, unit);
        fields.category = at(row, category);
        fields.text = at(row, text);
        sink.accept(fields.toSignal(file, csv.line(), options, provenance));
        count++;
      }
      return count;
    }
  }

  private static String at(CSVRecord row, int index) {
    return index >= 0 && index < row.size() ? row.get(index) : null;
  }

  private long readJsonLines(Path path, String file, ImportOptions options, Provenance provenance, SignalSink sink) throws IOException {
    EventFields fields = new EventFields();
    long count = 0;
    try (LineReader lines = open(path, maxLineChars)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        long number = lines.lineNumber();
        fields.clear();
        parseObject(line, file, number, fields);
        sink.accept(fields.toSignal(file, number, options, provenance));
        count++;
      }
    }
    return count;
  }

  private static void parseObject(String line, String file, long number, EventFields fields) throws IOException {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw InvalidInputException.at(file, number, null, "expected one JSON object per line, like {\"time\": ..., \"kind\": ...}");
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        String text;
        if (value == JsonToken.VALUE_NULL) {
          text = null;
        } else if (value == JsonToken.VALUE_STRING || value.isNumeric() || value.isBoolean()) {
          text = parser.getText();
        } else {
          throw InvalidInputException.at(file, number, name, "expected a string or a number, found " + value.asString());
        }
        switch (name) {
          case "time":
            fields.time = text;
            break;
          case "kind":
            fields.kind = text;
            break;
          case "amount":
            fields.amount = text;
            break;
          case "unit":
            fields.unit = text;
            break;
          case "category":
            fields.category = text;
            break;
          case "text":
            fields.text = text;
            break;
          default:
            break;
        }
      }
      if (parser.nextToken() != null) {
        throw InvalidInputException.at(file, number, null, "text after the JSON object; expected one object per line");
      }
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      throw InvalidInputException.at(file, number, null, "not valid JSON (" + (message.length() > 120 ? message.substring(0, 120) + "..." : message) + ")");
    }
  }

  private static LineReader open(Path path, int maxLineChars) throws IOException {
    return new LineReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8),
        path.getFileName().toString(), maxLineChars);
  }
}
