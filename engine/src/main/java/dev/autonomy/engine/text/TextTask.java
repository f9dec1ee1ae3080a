package dev.autonomy.engine.text;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the engine reads text for, and so what a model the person trained must be able to say to be
 * used for it: the notes' health score needs exactly the labels {@code healthy} and {@code
 * unhealthy}; {@code ask} needs desire codes (move, rest, explore, ...), any other label (such as an
 * out-of-scope one) meaning "not one of mine", when the built-in reader answers instead.
 */
public enum TextTask {
  HEALTH("health"),
  INTENT("intent");

  private final String code;

  TextTask(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static TextTask fromCode(String code) {
    for (TextTask t : values()) {
      if (t.code.equals(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new InvalidInputException("unknown text task '" + code + "'; expected health or intent");
  }

  /**
   * Checks that a model with these labels can serve this task.
   *
   * @throws InvalidInputException naming the model and what its labels lack
   */
  void requireFits(String model, List<String> labels) {
    if (this == HEALTH) {
      if (!Set.copyOf(labels).equals(Set.of("healthy", "unhealthy"))) {
        throw new InvalidInputException("model '" + model + "' has labels " + labels + "; the notes' health score needs"
            + " a model trained on exactly the labels healthy and unhealthy");
      }
      return;
    }
    long desires = labels.stream().filter(TextTask::isDesire).count();
    if (desires < 2) {
      throw new InvalidInputException("model '" + model + "' has labels " + labels + "; ask needs a model whose labels"
          + " are desire codes (at least two of move, rest, explore, buy, save, ...); other labels mean 'not understood'");
    }
  }

  /** Whether {@code label} is a desire code. */
  public static boolean isDesire(String label) {
    for (DesireType d : DesireType.values()) {
      if (d.code().equals(label)) {
        return true;
      }
    }
    return false;
  }
}
