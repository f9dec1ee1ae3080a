package dev.autonomy.engine.rank;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "Bring your own candidates": an app's own items ranked for the person by the same ranking that
 * orders their recommendations (the live policy's scoring, the person's rules and stated limits),
 * while the app learns nothing else.
 *
 * <p>What the answer discloses, and nothing more: the order of the items kept; for each, words
 * naming which factors placed it (the desire it serves, whether it fits the place, time, budget
 * and weather the app itself stated, whether its effort suits the person now, whether another item
 * for the same desire ranks above it, and that a learned policy ordered it); which items were left
 * out, by one of the person's rules (never the rule's text) or by a limit the app stated. No number
 * from the person's data: no desire intensity, score, weight, confidence, propensity, feedback
 * count or model input. The words are fixed phrases; the only numbers in an answer are positions
 * and what the app itself sent. Nothing is written to the decision log, so the person's history
 * and learned policies do not change.
 */
public final class ItemRanking {
  /** Most items one call may rank. */
  public static final int MAX_ITEMS = 200;
  /** Most tags one item may carry. */
  public static final int MAX_TAGS = 20;

  /** The ranking reused: the live policy, rules and limits, without logging ({@code Autonomy::rank}). */
  @FunctionalInterface
  public interface Ranks {
    Ranking rank(Situation situation, RankingPolicy policy, List<Option> candidates);
  }

  private final Ranks ranks;

  public ItemRanking(Ranks ranks) {
    this.ranks = Objects.requireNonNull(ranks, "ranks");
  }

  /**
   * One of the app's items, checked.
   *
   * @param id the app's own id, returned as sent (1 to 100 visible characters)
   * @param title what it is; rules match its words ("never swim" leaves out "Swimming at the lake")
   * @param desire the desire it serves
   * @param minutes how long it takes (0: unknown, never over a stated free time)
   * @param effort 0..10 (5 when the app does not say)
   * @param cost in the person's currency (0 when the app does not say)
   * @param tags further words rules may match
   * @param place indoor, outdoor or any
   */
  public record Item(String id, String title, DesireType desire, int minutes, double effort, double cost, Set<String> tags,
      Place place) {
    public Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(desire, "desire");
      Objects.requireNonNull(place, "place");
      tags = Set.copyOf(tags);
    }

    /**
     * Item number {@code index} of a request as sent (null: not given), each field checked with a
     * message naming {@code items[index].field}.
     */
    public static Item at(int index, String id, String title, String desire, Integer minutes, Double effort, Double cost,
        List<String> tags, String place) {
      String at = "items[" + index + "].";
      if (id == null || id.isBlank() || id.length() > 100 || !id.chars().allMatch(c -> c >= ' ' && c != 127)) {
        throw new InvalidInputException(at + "id must be 1 to 100 characters, was " + shown(id));
      }
      if (title == null || title.isBlank() || title.length() > 200) {
        throw new InvalidInputException(at + "title must be 1 to 200 characters, was " + shown(title));
      }
      DesireType type;
      try {
        type = DesireType.fromCode(desire == null ? "" : desire);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(at + "desire: " + e.getMessage(), e);
      }
      if (minutes != null && (minutes < 0 || minutes > 24 * 60)) {
        throw new InvalidInputException(at + "minutes must be in 0..1440, was " + minutes);
      }
      if (effort != null && !(effort >= 0 && effort <= 10)) {
        throw new InvalidInputException(at + "effort must be in 0..10, was " + effort);
      }
      if (cost != null && !(cost >= 0 && cost <= 1e9)) {
        throw new InvalidInputException(at + "cost must be in 0..1e9, was " + cost);
      }
      Set<String> words = new LinkedHashSet<>();
      if (tags != null) {
        if (tags.size() > MAX_TAGS) {
          throw new InvalidInputException(at + "tags: at most " + MAX_TAGS + ", were " + tags.size());
        }
        for (int t = 0; t < tags.size(); t++) {
          String tag = tags.get(t);
          if (tag == null || tag.isBlank() || tag.length() > 40) {
            throw new InvalidInputException(at + "tags[" + t + "] must be 1 to 40 characters, was " + shown(tag));
          }
          words.add(tag.strip().toLowerCase(Locale.ROOT));
        }
      }
      Place where;
      try {
        where = place == null ? Place.ANY : Place.fromCode(place);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(at + "place: " + e.getMessage(), e);
      }
      return new Item(id, title.strip(), type, minutes == null ? 0 : minutes, effort == null ? 5 : effort,
          cost == null ? 0 : cost, words, where);
    }

    private static String shown(String text) {
      return text == null ? "null" : "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
  }

  /** One reason in words: the factor ({@code desire}, {@code place}, ...) and what it did. */
  public record Reason(String input, String meaning) {}

  /** The recommend explanation's summary and contributions, in words only (no values, weights or propensity). */
  public record Explanation(String summary, List<Reason> contributions) {
    public Explanation {
      contributions = List.copyOf(contributions);
    }
  }

  /** An item kept, at its place in the order (1 is best). */
  public record Ranked(int rank, String id, String title, String desire, Explanation explanation) {}

  /** An item not ranked, and why. */
  public record LeftOut(String id, String reason) {}

  /**
   * The answer.
   *
   * @param considered items sent
   * @param ranked the items kept, best first (at most the limit asked)
   * @param leftOut items a rule of the person or a limit the app stated left out
   */
  public record Result(int considered, List<Ranked> ranked, List<LeftOut> leftOut) {
    public Result {
      ranked = List.copyOf(ranked);
      leftOut = List.copyOf(leftOut);
    }
  }

  /** What a rule's removal says: that one of the person's rules forbids it, never which. */
  public static final String LEFT_OUT_BY_RULE = "left out by one of the person's rules";

  /**
   * Ranks {@code items} in {@code situation} (the context the app stated), at most {@code limit}
   * kept (all when empty).
   */
  public Result rank(Situation situation, List<Item> items, java.util.OptionalInt limit) {
    if (items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new InvalidInputException("items must hold 1 to " + MAX_ITEMS + " items, held " + items.size()
          + (items.size() > MAX_ITEMS ? "; send them in several calls" : ""));
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Option> options = new ArrayList<>(items.size());
    Map<String, Item> byOption = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      Integer before = seen.putIfAbsent(item.id(), i);
      if (before != null) {
        throw new InvalidInputException("items[" + i + "].id '" + item.id() + "' is also the id of items[" + before
            + "]; ids must be unique");
      }
      // The app's id stays out of the option: rules match option ids, and the app's ids are its own.
      String optionId = "x" + i;
      options.add(new Option(optionId, item.title(), item.desire(), item.place(), item.minutes(), item.effort(), item.cost(), "",
          item.tags()));
      byOption.put(optionId, item);
    }
    // No exploration: an app's list is not an experiment on the person.
    RankingPolicy policy = new RankingPolicy(limit.orElse(items.size()), 0.0);
    Ranking ranking = ranks.rank(situation, policy, options);
    List<Ranked> ranked = new ArrayList<>();
    for (Recommendation r : ranking.recommendations()) {
      Item item = byOption.get(r.option().id());
      int position = ranked.size() + 1;
      List<Reason> reasons = reasons(r, situation);
      String summary = item.title() + " ranked " + position + " of " + ranking.eligible() + " kept for this person"
          + (reasons.isEmpty() ? "." : "; first reason: " + reasons.get(0).meaning() + ".");
      ranked.add(new Ranked(position, item.id(), item.title(), item.desire().code(), new Explanation(summary, reasons)));
    }
    List<LeftOut> leftOut = new ArrayList<>();
    for (RuleApplication rule : ranking.rules()) {
      rule.removed().forEach(o -> leftOut.add(new LeftOut(byOption.get(o).id(), LEFT_OUT_BY_RULE)));
    }
    for (LimitApplication stated : ranking.limits()) {
      if (!stated.soft()) {
        stated.over().forEach(o -> leftOut.add(new LeftOut(byOption.get(o.optionId()).id(),
            "over the " + stated.limit() + " you stated: " + o.reason())));
      }
    }
    return new Result(items.size(), ranked, leftOut);
  }

  /**
   * The ranking's contributions as fixed phrases, strongest first: only the scorer's own terms
   * (never the desire model's inputs, the population prior or a learned weight), read as
   * above or below a threshold, so no value of the person's reaches the words.
   */
  private static List<Reason> reasons(Recommendation r, Situation situation) {
    Map<String, String> stated = situation.stated();
    String desire = r.option().desire().code();
    List<Reason> out = new ArrayList<>();
    boolean learned = false;
    for (Contribution c : r.explanation().contributions()) {
      String input = c.input();
      double v = c.value();
      if (input.equals("desire." + desire)) {
        out.add(new Reason("desire", "serves your wish to " + desire));
      } else if (input.equals("place") && stated.containsKey("place")) {
        out.add(new Reason("place", v >= 1 ? "can be done where you said you are" : "not where you said you are"));
      } else if (input.equals("time") && stated.containsKey("free_minutes")) {
        out.add(new Reason("time", v >= 1 ? "fits your free time" : "longer than your free time"));
      } else if (input.equals("budget") && stated.containsKey("budget")) {
        out.add(new Reason("budget", v >= 1 ? "within your budget" : "over your budget"));
      } else if (input.equals("weather") && stated.containsKey("weather")) {
        out.add(new Reason("weather", v >= 1 ? "suits the weather" : "outdoors in bad weather"));
      } else if (input.equals("effort") && (v >= 0.75 || v <= 0.25)) {
        out.add(new Reason("effort", v >= 0.75 ? "its effort suits you now" : "its effort does not suit you now"));
      } else if (input.equals("wish")) {
        out.add(new Reason("wish", v >= 1 ? "matches what you asked for" : "not what you asked for"));
      } else if (input.equals("variety")) {
        out.add(new Reason("variety", "another item for the same wish ranks above it"));
      } else if (input.startsWith("limit.")) {
        out.add(new Reason("limit", "over a limit you stated, kept because you said limits=soft"));
      } else if ((input.startsWith("learned.") || input.startsWith("policy.")) && !learned) {
        learned = true;
        out.add(new Reason("policy", "ordered by the ranking policy the person chose, learned from their feedback"));
      }
    }
    return out;
  }
}
