package dev.autonomy.core.option;

import dev.autonomy.core.InvalidInputException;
import java.util.Locale;

/** Where an option happens. */
public enum Place {
  INDOOR,
  OUTDOOR,
  /** Works either way (a walk to the shop, a purchase online). */
  ANY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Place fromCode(String code) {
    String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    for (Place place : values()) {
      if (place.name().equals(normalised)) {
        return place;
      }
    }
    throw new InvalidInputException("unknown place '" + code + "'; expected indoor, outdoor or any");
  }

  /** Whether an option at this place can be done where the person says they are. */
  public boolean fits(Place where) {
    return this == ANY || where == ANY || this == where;
  }

  /** The lower-case code, so that JSON and messages read as the person types them. */
  @Override
  public String toString() {
    return code();
  }
}
