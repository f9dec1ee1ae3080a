package dev.autonomy.ingest;

import dev.autonomy.core.signal.SignalKind;

/**
 * Conversion of the units found in personal data files to each {@link SignalKind}'s canonical unit
 * (metres, kilocalories, kilograms, minutes, counts, degrees Celsius, millimetres).
 */
public final class Units {
  private Units() {}

  /**
   * {@code value} in {@code unit} converted to the canonical unit of {@code kind}, or NaN when the
   * unit is not one this kind can be converted from.
   */
  public static double toCanonical(SignalKind kind, double value, String unit) {
    if (unit.equals(kind.canonicalUnit())) {
      return value;
    }
    switch (kind.canonicalUnit()) {
      case "m":
        return metres(value, unit);
      case "kcal":
        return kilocalories(value, unit);
      case "kg":
        return kilograms(value, unit);
      case "min":
        return minutes(value, unit);
      case "count":
        return unit.isEmpty() ? value : Double.NaN;
      case "count/min":
        return unit.equals("bpm") || unit.equals("beats/min") ? value : Double.NaN;
      case "degC":
        return celsius(value, unit);
      case "mm":
        return millimetres(value, unit);
      default:
        return Double.NaN;
    }
  }

  static double metres(double value, String unit) {
    switch (unit) {
      case "m":
        return value;
      case "km":
        return value * 1000.0;
      case "mi":
        return value * 1609.344;
      case "ft":
        return value * 0.3048;
      case "yd":
        return value * 0.9144;
      case "cm":
        return value / 100.0;
      default:
        return Double.NaN;
    }
  }

  static double kilocalories(double value, String unit) {
    switch (unit) {
      case "kcal":
      case "Cal":
        return value;
      case "kJ":
        return value / 4.184;
      case "cal":
        return value / 1000.0;
      case "J":
        return value / 4184.0;
      default:
        return Double.NaN;
    }
  }

  static double kilograms(double value, String unit) {
    switch (unit) {
      case "kg":
        return value;
      case "g":
        return value / 1000.0;
      case "lb":
        return value * 0.45359237;
      case "oz":
        return value * 0.028349523125;
      case "st":
        return value * 6.35029318;
      default:
        return Double.NaN;
    }
  }

  static double minutes(double value, String unit) {
    switch (unit) {
      case "min":
        return value;
      case "s":
        return value / 60.0;
      case "ms":
        return value / 60_000.0;
      case "hr":
      case "h":
        return value * 60.0;
      default:
        return Double.NaN;
    }
  }

  static double celsius(double value, String unit) {
    switch (unit) {
      case "degC":
      case "°C":
        return value;
      case "degF":
      case "°F":
        return (value - 32.0) * 5.0 / 9.0;
      default:
        return Double.NaN;
    }
  }

  static double millimetres(double value, String unit) {
    switch (unit) {
      case "mm":
        return value;
      case "cm":
        return value * 10.0;
      case "in":
      case "inch":
        return value * 25.4;
      default:
        return Double.NaN;
    }
  }
}
