package dev.autonomy.ingest.lines;

import dev.autonomy.core.InvalidInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV file, read by Apache Commons CSV as RFC 4180 has them: comma separated,
 * fields optionally in double quotes, a doubled quote inside quotes is one quote, a quoted field may
 * span lines. Blank lines are skipped and a leading byte order mark is dropped. No record may be
 * longer than {@code maxRecordChars}, so a binary file or a quote never closed cannot exhaust
 * memory; every error is an {@link InvalidInputException} naming the file and the line.
 */
public final class CsvRecords implements Closeable {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private final String file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private long line;
  private long end;

  /** Records from {@code in}; {@code file} names it in error messages. */
  public CsvRecords(Reader in, String file, int maxRecordChars) throws IOException {
    this.file = file;
    this.parser = FORMAT.parse(new BoundedCsvReader(in, file, maxRecordChars));
    this.records = parser.iterator();
  }

  /** The records of a UTF-8 file, named in errors by its file name. */
  public static CsvRecords open(Path path, int maxRecordChars) throws IOException {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    Reader in = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
    try {
      return new CsvRecords(in, file, maxRecordChars);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The next record, or null at the end. */
  public CSVRecord next() throws IOException {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      end = parser.getCurrentLineNumber();
      line = startLine(end, record);
      return record;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CSVException invalid) {
        throw InvalidInputException.at(file, end + 1, null, "not valid CSV: " + invalid.getMessage());
      }
      throw e.getCause();
    }
  }

  /** The line on which the record last returned started. */
  public long line() {
    return line;
  }

  public String file() {
    return file;
  }

  /**
   * The line a record started on, given the line it ended on: the line breaks inside its quoted
   * fields are the lines in between.
   */
  static long startLine(long lastLine, CSVRecord record) {
    long breaks = 0;
    for (String value : record) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
          breaks++;
        }
      }
    }
    return lastLine - breaks;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
