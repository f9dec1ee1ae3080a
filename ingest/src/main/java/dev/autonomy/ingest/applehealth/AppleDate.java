package dev.autonomy.ingest.applehealth;

import dev.autonomy.core.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A hand-written parser for Apple Health's fixed {@code yyyy-MM-dd HH:mm:ss Z} layout ("2019-05-30
 * 09:18:47 +0200"): no regex and no formatter on the hot path. One instance per import; it holds
 * the last parsed value.
 */
final class AppleDate {
  long epochSecond;
  int offsetSeconds;

  /** Parses {@code text}; an error names the file, line and field otherwise. */
  void parse(String text, String file, long line, String field) {
    if (text == null) {
      throw InvalidInputException.at(file, line, field, "missing; expected a date like 2019-05-30 09:18:47 +0200");
    }
    if (text.length() != 25
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != ' '
        || (text.charAt(20) != '+' && text.charAt(20) != '-')) {
      throw bad(text, file, line, field);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int offsetHours = digits(text, 21, 2);
    int offsetMinutes = digits(text, 23, 2);
    if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0
        || hour > 23 || minute > 59 || second > 59 || offsetHours > 18 || offsetMinutes > 59) {
      throw bad(text, file, line, field);
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      throw bad(text, file, line, field);
    }
    int offset = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(20) == '-' ? -1 : 1);
    if (offset > 18 * 3600 || offset < -18 * 3600) {
      throw bad(text, file, line, field);
    }
    offsetSeconds = offset;
    epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offset;
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static InvalidInputException bad(String text, String file, long line, String field) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return InvalidInputException.at(
        file, line, field, "expected a date like 2019-05-30 09:18:47 +0200, found '" + shown + "'");
  }
}
