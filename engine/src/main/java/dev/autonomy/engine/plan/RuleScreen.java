package dev.autonomy.engine.plan;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.rule.Constraint;
import dev.autonomy.plan.basket.Item;
import dev.autonomy.plan.map.Place;
import dev.autonomy.plan.map.PlaceCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The person's rules applied to the parts of a plan before a solver sees them. A trip's places and
 * a basket's items are judged as options, so "never museum", "no indoor" or "max cost 20" remove
 * them the same way they remove a ranked option, and nothing a solver returns can break a rule.
 */
public final class RuleScreen {
  /** Effort of walking around a place, on the options' 0..10 scale. */
  private static final double VISIT_EFFORT = 2;

  private final List<Constraint> constraints;
  private final Situation situation;

  public RuleScreen(List<Constraint> constraints, Situation situation) {
    this.constraints = List.copyOf(constraints);
    this.situation = situation;
  }

  /** The first rule {@code option} breaks, or empty. */
  public Optional<Removal> violation(Option option) {
    for (Constraint c : constraints) {
      Optional<String> broken = c.violation(option, situation);
      if (broken.isPresent()) {
        return Optional.of(new Removal(c.rule(), broken.get()));
      }
    }
    return Optional.empty();
  }

  /** One thing a rule removed: the rule, and why the thing breaks it. */
  public record Removal(PersonRule rule, String why) {
    /** "rule r1 "never museum": Louvre involves 'museum'". */
    @Override
    public String toString() {
      return "rule " + rule.id() + " \"" + rule.text() + "\": " + why;
    }
  }

  /**
   * The places of a map the rules remove, by OSM id, each with the rule that removed it. Checked
   * once per place up front, so the solver's filter is a set lookup.
   */
  public Map<String, Removal> removedPlaces(List<Place> places) {
    Map<String, Removal> removed = new LinkedHashMap<>();
    if (constraints.isEmpty()) {
      return removed;
    }
    for (Place p : places) {
      violation(asOption(p)).ifPresent(why -> removed.put(p.osmId(), why));
    }
    return removed;
  }

  /** Items the rules allow, and for each removed item the rule that removed it. */
  public Allowed<Item> items(List<Item> items) {
    List<Item> kept = new ArrayList<>();
    Map<String, String> removed = new LinkedHashMap<>();
    int i = 0;
    for (Item item : items) {
      Optional<Removal> why = violation(asOption(item, i++));
      if (why.isPresent()) {
        removed.put(item.name(), why.get().toString());
      } else {
        kept.add(item);
      }
    }
    return new Allowed<>(kept, removed);
  }

  /** What survived the rules, and what did not with the rule that removed it (by name). */
  public record Allowed<T>(List<T> kept, Map<String, String> removed) {
    public Allowed {
      kept = List.copyOf(kept);
      // In the order given, so the same input always reads the same.
      removed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(removed));
    }
  }

  /**
   * A place seen as an option: its category is the activity word ("museum"), it is indoor for
   * museums, galleries and cafes and outdoor otherwise, it serves the desire its category serves
   * most, and it takes the category's visit time.
   */
  static Option asOption(Place place) {
    PlaceCategory category = place.category();
    DesireType main = DesireType.EXPLORE;
    for (DesireType d : DesireType.values()) {
      if (category.serves(d) > category.serves(main)) {
        main = d;
      }
    }
    dev.autonomy.core.option.Place where = switch (category) {
      case MUSEUM, GALLERY, CAFE -> dev.autonomy.core.option.Place.INDOOR;
      default -> dev.autonomy.core.option.Place.OUTDOOR;
    };
    String id = "place-" + place.osmId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return new Option(id, place.name(), main, where, category.visitMinutes(), VISIT_EFFORT, 0, category.code(),
        Set.of(category.code(), "trip"));
  }

  /** A basket item seen as a purchase: its price is the cost, its name the words rules match. */
  static Option asOption(Item item, int index) {
    return new Option("item-" + index, item.name(), item.desire(), dev.autonomy.core.option.Place.ANY, 0, 0,
        item.price(), "shop", Set.of("shop"));
  }
}
