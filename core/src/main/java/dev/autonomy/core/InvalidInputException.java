package dev.autonomy.core;

import java.util.Objects;

/**
 * Input the person gave us is wrong: a file, a line, a field or a value. The message says where and
 * what was expected, so the person can act on it without reading code.
 */
public class InvalidInputException extends AutonomyException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(Objects.requireNonNull(message, "message"));
  }

  public InvalidInputException(String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }

  /** An error at a known place in a file: {@code file:line: field: problem}. */
  public static InvalidInputException at(String file, long line, String field, String problem) {
    StringBuilder where = new StringBuilder(file);
    if (line > 0) {
      where.append(':').append(line);
    }
    if (field != null && !field.isEmpty()) {
      where.append(": field '").append(field).append('\'');
    }
    return new InvalidInputException(where + ": " + problem);
  }
}
