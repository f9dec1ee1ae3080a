package dev.autonomy.core.option;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import java.util.Set;

/**
 * A concrete thing the person could do to meet a desire: a gym session, a park run, a purchase.
 *
 * @param id stable identifier ("park-run")
 * @param name plain name ("Park run")
 * @param desire the desire it mainly serves
 * @param place indoor, outdoor or either
 * @param minutes how long it takes
 * @param effort physical effort 0 (none) .. 10 (maximal)
 * @param cost money it costs, in the person's currency
 * @param activity the activity word rules match ("swim", "run", "strength"...)
 * @param tags further words rules and people may match ("water", "social")
 */
public record Option(
    String id,
    String name,
    DesireType desire,
    Place place,
    int minutes,
    double effort,
    double cost,
    String activity,
    Set<String> tags) {

  public Option {
    Requires.nonBlank(id, "option.id");
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new InvalidInputException(
          "option.id must be lower-case letters, digits and dashes, was '" + id + "'");
    }
    Requires.nonBlank(name, "option.name");
    Requires.nonNull(desire, "option.desire");
    Requires.nonNull(place, "option.place");
    Requires.nonNegative(minutes, "option.minutes");
    Requires.nonNegative(effort, "option.effort");
    if (effort > 10) {
      throw new InvalidInputException("option.effort must be in [0, 10], was " + effort);
    }
    Requires.nonNegative(cost, "option.cost");
    activity = activity == null ? "" : activity;
    tags = Set.copyOf(tags);
  }
}
