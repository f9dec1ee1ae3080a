package dev.autonomy.core.desire;

import dev.autonomy.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of want Autonomy models; each has its own per-person intensity model. */
public enum DesireType {
  /** To be physically active. */
  MOVE,
  /** To recover: sleep, rest, take it easy. */
  REST,
  /** To go somewhere new, see and try things. */
  EXPLORE,
  /** To acquire something. */
  BUY,
  /** To hold on to money. */
  SAVE;

  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }

  public static DesireType fromCode(String code) {
    String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    for (DesireType type : values()) {
      if (type.name().equals(normalised)) {
        return type;
      }
    }
    throw new InvalidInputException(
        "unknown desire '" + code + "'; expected one of "
            + Arrays.stream(values()).map(DesireType::code).toList());
  }

  /** The lower-case code, so that JSON and messages read as the person types them. */
  @Override
  public String toString() {
    return code();
  }
}
