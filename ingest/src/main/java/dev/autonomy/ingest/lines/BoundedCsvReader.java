package dev.autonomy.ingest.lines;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.Reader;

/**
 * The characters of a CSV file on their way to Commons CSV, which has no bound of its own: a record
 * longer than {@code maxRecordChars} (one line, or a quoted field spanning lines) is an {@link
 * InvalidInputException} naming the file and the line the record starts on, so a binary file or a
 * quote never closed cannot exhaust memory; a quote still open at the end of the file is one too.
 * A leading byte order mark is dropped.
 *
 * <p>To know where a record ends it follows the quotes as RFC 4180 does (a quote opens a quoted
 * field only at the start of a field; inside one, a doubled quote is a quote); the fields themselves
 * are Commons CSV's to read.
 */
final class BoundedCsvReader extends Reader {
  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

  private final Reader in;
  private final String file;
  private final int maxRecordChars;
  private boolean started;
  private boolean afterCarriageReturn;
  private State state = State.FIELD_START;
  private long line = 1;
  private long recordLine = 1;
  private long recordChars;
  private int field = 1;

  BoundedCsvReader(Reader in, String file, int maxRecordChars) {
    if (maxRecordChars <= 0) {
      throw new IllegalArgumentException("maxRecordChars must be > 0, was " + maxRecordChars);
    }
    this.in = in;
    this.file = file;
    this.maxRecordChars = maxRecordChars;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      if (state == State.QUOTED) {
        throw InvalidInputException.at(file, recordLine, "field " + field, "quoted field is not closed before the end of the file");
      }
      return n;
    }
    if (!started && n > 0) {
      started = true;
      if (buffer[offset] == '\uFEFF') {
        System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
        if (--n == 0) {
          return read(buffer, offset, length);
        }
      }
    }
    for (int i = offset; i < offset + n; i++) {
      accept(buffer[i]);
    }
    return n;
  }

  private void accept(char c) {
    if (c == '\n' && afterCarriageReturn) {
      afterCarriageReturn = false;
      if (state == State.QUOTED) {
        count();
      }
      return;
    }
    afterCarriageReturn = c == '\r';
    boolean lineBreak = c == '\n' || c == '\r';
    if (lineBreak) {
      line++;
    }
    if (lineBreak && state != State.QUOTED) {
      state = State.FIELD_START;
      field = 1;
      recordChars = 0;
      recordLine = line;
      return;
    }
    count();
    switch (state) {
      case QUOTED -> state = c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
      case QUOTE_IN_QUOTED -> state = c == '"' ? State.QUOTED : afterField(c);
      case FIELD_START -> state = c == '"' ? State.QUOTED : afterField(c);
      case UNQUOTED -> state = afterField(c);
    }
  }

  private State afterField(char c) {
    if (c == ',') {
      field++;
      return State.FIELD_START;
    }
    return State.UNQUOTED;
  }

  private void count() {
    if (++recordChars > maxRecordChars) {
      throw recordLine == line
          ? InvalidInputException.at(file, line, null,
              "line is longer than " + maxRecordChars + " characters; expected a text file with one record per line")
          : InvalidInputException.at(file, recordLine, null,
              "record is longer than " + maxRecordChars + " characters (is a quoted field never closed?)");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
