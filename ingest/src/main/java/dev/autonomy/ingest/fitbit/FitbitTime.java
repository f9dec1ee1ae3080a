package dev.autonomy.ingest.fitbit;

import dev.autonomy.core.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/** Fitabase's local times: "4/12/2016" or "4/12/2016 1:00:00 PM" (month/day/year, no zone). */
final class FitbitTime {
  private FitbitTime() {}

  static LocalDateTime parse(String text, String file, long line, String field) {
    String s = text.strip();
    int[] parts = new int[6];
    int count = 0;
    int value = -1;
    boolean pm = false;
    boolean am = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 99_999) {
          throw bad(text, file, line, field);
        }
      } else if (c == '/' || c == ' ' || c == ':') {
        if (value >= 0) {
          if (count == parts.length) {
            throw bad(text, file, line, field);
          }
          parts[count++] = value;
          value = -1;
        }
      } else if ((c == 'A' || c == 'P') && i + 1 < s.length() && s.charAt(i + 1) == 'M' && i + 2 == s.length()) {
        pm = c == 'P';
        am = c == 'A';
        i++;
      } else {
        throw bad(text, file, line, field);
      }
    }
    if (value >= 0) {
      if (count == parts.length) {
        throw bad(text, file, line, field);
      }
      parts[count++] = value;
    }
    if (count != 3 && count != 5 && count != 6) {
      throw bad(text, file, line, field);
    }
    int hour = count > 3 ? parts[3] : 0;
    if (am || pm) {
      if (hour < 1 || hour > 12) {
        throw bad(text, file, line, field);
      }
      hour = hour % 12 + (pm ? 12 : 0);
    }
    try {
      return LocalDateTime.of(parts[2], parts[0], parts[1], hour, count > 3 ? parts[4] : 0, count > 5 ? parts[5] : 0);
    } catch (DateTimeException e) {
      throw bad(text, file, line, field);
    }
  }

  private static InvalidInputException bad(String text, String file, long line, String field) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return InvalidInputException.at(
        file, line, field, "expected a date like 4/12/2016 or 4/12/2016 1:00:00 PM, found '" + shown + "'");
  }
}
