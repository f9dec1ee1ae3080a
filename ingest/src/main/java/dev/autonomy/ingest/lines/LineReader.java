package dev.autonomy.ingest.lines;

import dev.autonomy.core.InvalidInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (LF, CRLF or CR) without ever holding more than {@code maxLineChars} characters of
 * one line: a longer line is an {@link InvalidInputException} naming the file and line, so a
 * binary file or a runaway line cannot exhaust memory.
 */
public final class LineReader implements Closeable {
  /** One mebibyte of characters: no line in a personal data file needs more. */
  public static final int DEFAULT_MAX_LINE_CHARS = 1 << 20;

  private final Reader in;
  private final String file;
  private final int maxLineChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private long lineNumber;
  private boolean first = true;

  public LineReader(Reader in, String file, int maxLineChars) {
    if (maxLineChars <= 0) {
      throw new IllegalArgumentException("maxLineChars must be > 0, was " + maxLineChars);
    }
    this.in = in;
    this.file = file;
    this.maxLineChars = maxLineChars;
  }

  /** The next line without its terminator, or null at the end. */
  public String readLine() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position >= limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (line == null) {
            return null;
          }
          return finish(line);
        }
      }
      if (line == null) {
        line = new StringBuilder(64);
        lineNumber++;
      }
      int start = position;
      while (position < limit) {
        char c = buffer[position];
        if (c == '\n' || c == '\r') {
          line.append(buffer, start, position - start);
          position++;
          if (c == '\r') {
            skipLineFeed();
          }
          checkLength(line);
          return finish(line);
        }
        position++;
      }
      line.append(buffer, start, position - start);
      checkLength(line);
    }
  }

  private void skipLineFeed() throws IOException {
    if (position >= limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return;
      }
    }
    if (buffer[position] == '\n') {
      position++;
    }
  }

  private void checkLength(StringBuilder line) {
    if (line.length() > maxLineChars) {
      throw InvalidInputException.at(
          file, lineNumber, null, "line is longer than " + maxLineChars + " characters; expected a text file with one record per line");
    }
  }

  private String finish(StringBuilder line) {
    if (first) {
      first = false;
      if (line.length() > 0 && line.charAt(0) == '\uFEFF') {
        line.deleteCharAt(0);
      }
    }
    return line.toString();
  }

  /** The 1-based number of the line last returned. */
  public long lineNumber() {
    return lineNumber;
  }

  public String file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
