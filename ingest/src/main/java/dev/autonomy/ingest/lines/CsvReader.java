package dev.autonomy.ingest.lines;

import dev.autonomy.core.InvalidInputException;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: comma separated, fields optionally in double quotes, a doubled quote inside
 * quotes is one quote, and a quoted field may span lines. Built on {@link LineReader}, so no
 * record may be longer than its line bound. Blank lines are skipped.
 */
public final class CsvReader implements Closeable {
  private final LineReader lines;
  private final int maxRecordChars;
  private long recordLine;

  public CsvReader(LineReader lines, int maxRecordChars) {
    this.lines = lines;
    this.maxRecordChars = maxRecordChars;
  }

  /** The fields of the next record, or null at the end. */
  public List<String> next() throws IOException {
    String line;
    do {
      line = lines.readLine();
      if (line == null) {
        return null;
      }
    } while (line.isEmpty());
    recordLine = lines.lineNumber();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int length = line.length();
    int i = 0;
    while (true) {
      if (i >= length) {
        if (!quoted) {
          break;
        }
        String more = lines.readLine();
        if (more == null) {
          throw InvalidInputException.at(
              lines.file(), recordLine, "field " + (fields.size() + 1), "quoted field is not closed before the end of the file");
        }
        field.append('\n');
        if (field.length() + more.length() > maxRecordChars) {
          throw InvalidInputException.at(
              lines.file(), recordLine, null, "record is longer than " + maxRecordChars + " characters");
        }
        line = more;
        length = line.length();
        i = 0;
        continue;
      }
      char c = line.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < length && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  /** The line on which the record last returned started. */
  public long line() {
    return recordLine;
  }

  public String file() {
    return lines.file();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
