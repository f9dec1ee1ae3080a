package dev.autonomy.ingest.events;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Units;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The six fields of one event as written in the file, turned into a signal with every field
 * checked; errors name the file, line and field.
 */
final class EventFields {
  String time;
  String kind;
  String amount;
  String unit;
  String category;
  String text;

  void clear() {
    time = kind = amount = unit = category = text = null;
  }

  Signal toSignal(String file, long line, ImportOptions options, Provenance provenance) {
    SignalKind signalKind = kind(file, line);
    ZonedDateTime when = time(file, line, options.defaultZone());
    Instant instant = when.toInstant();
    String cleanUnit = unit == null ? "" : unit.strip();
    double value;
    String signalUnit;
    switch (signalKind) {
      case PURCHASE:
      case TRANSACTION:
        value = amount(file, line, true);
        signalUnit = currency(cleanUnit, file, line);
        break;
      case TRIP:
        double distance = amount(file, line, true);
        if (cleanUnit.isEmpty()) {
          throw InvalidInputException.at(file, line, "unit", "missing; a trip needs km, mi, m or ft");
        }
        value = Units.toCanonical(SignalKind.TRIP, distance, cleanUnit);
        if (Double.isNaN(value)) {
          throw InvalidInputException.at(file, line, "unit", "expected km, mi, m or ft for a trip, found '" + abbreviate(cleanUnit) + "'");
        }
        signalUnit = SignalKind.TRIP.canonicalUnit();
        break;
      case NOTE:
        value = amount == null || amount.isBlank() ? 0.0 : amount(file, line, false);
        signalUnit = SignalKind.NOTE.canonicalUnit();
        break;
      default:
        throw new IllegalStateException("unhandled kind " + signalKind);
    }
    return new Signal(signalKind, instant, instant, when.getZone(), value, signalUnit,
        category == null ? "" : category.strip(), text == null ? "" : text, provenance);
  }

  private SignalKind kind(String file, long line) {
    String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
    switch (k) {
      case "purchase":
        return SignalKind.PURCHASE;
      case "transaction":
        return SignalKind.TRANSACTION;
      case "trip":
        return SignalKind.TRIP;
      case "note":
        return SignalKind.NOTE;
      default:
        throw InvalidInputException.at(file, line, "kind", "expected purchase, transaction, trip or note, found '" + abbreviate(k) + "'");
    }
  }

  private ZonedDateTime time(String file, long line, ZoneId defaultZone) {
    if (time == null || time.isBlank()) {
      throw InvalidInputException.at(file, line, "time", "missing; expected an ISO-8601 time such as 2024-03-01T12:30:00+01:00");
    }
    String t = time.strip();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    try {
      return ZonedDateTime.parse(t);
    } catch (DateTimeException withZone) {
      try {
        return LocalDateTime.parse(t).atZone(defaultZone);
      } catch (DateTimeException local) {
        try {
          return LocalDate.parse(t).atStartOfDay(defaultZone);
        } catch (DateTimeException dateOnly) {
          throw InvalidInputException.at(file, line, "time",
              "expected an ISO-8601 time such as 2024-03-01T12:30:00+01:00 or 2024-03-01T12:30, found '" + abbreviate(time) + "'");
        }
      }
    }
  }

  private double amount(String file, long line, boolean required) {
    if (amount == null || amount.isBlank()) {
      if (required) {
        throw InvalidInputException.at(file, line, "amount", "missing; expected a number");
      }
      return 0.0;
    }
    try {
      double value = Double.parseDouble(amount.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InvalidInputException.at(file, line, "amount", "expected a number such as 12.50, found '" + abbreviate(amount) + "'");
  }

  private static String currency(String unit, String file, long line) {
    String code = unit.toUpperCase(Locale.ROOT);
    boolean valid = code.length() == 3;
    for (int i = 0; valid && i < 3; i++) {
      char c = code.charAt(i);
      valid = c >= 'A' && c <= 'Z';
    }
    if (!valid) {
      throw InvalidInputException.at(file, line, "unit", "expected a three-letter currency code such as EUR, USD or CNY, found '" + abbreviate(unit) + "'");
    }
    return code;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
