package dev.autonomy.engine.choose;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.engine.context.StatedLimits;
import dev.autonomy.engine.desire.Desires;
import dev.autonomy.engine.option.Options;
import dev.autonomy.engine.rule.Constraint;
import dev.autonomy.engine.rule.Rules;
import dev.autonomy.vault.SelfChoices;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Decide myself": the options the person's rules allow, laid side by side with their trade-offs and
 * no ranked pick. Nothing is scored, nothing enters the decision log (no policy chose anything), and
 * the person's rules still hold. Each use is counted so the dependence watch can set choosing for
 * oneself beside asking for a ranked list.
 */
public final class SelfChoice {
  private final Options options;
  private final Desires desires;
  private final Rules rules;
  private final SelfChoices uses;
  private final Clock clock;

  public SelfChoice(Options options, Desires desires, Rules rules, SelfChoices uses, Clock clock) {
    this.options = options;
    this.desires = desires;
    this.rules = rules;
    this.uses = uses;
    this.clock = clock;
  }

  /**
   * Lays out the options (only those serving {@code only} when given) for {@code situation} and
   * records the use.
   *
   * @param via where the person asked: {@code cli} or {@code api}
   */
  public TradeOffs lay(Situation situation, Optional<DesireType> only, String via) {
    Requires.nonNull(situation, "situation");
    Requires.nonBlank(via, "via");
    Map<DesireType, Double> now = new EnumMap<>(DesireType.class);
    for (Desire d : desires.at(situation)) {
      now.put(d.type(), d.intensity());
    }
    List<Constraint> constraints = rules.constraints();
    Map<String, List<String>> removedByRule = new LinkedHashMap<>();
    constraints.forEach(c -> removedByRule.put(c.rule().id(), new ArrayList<>()));
    StatedLimits limits = StatedLimits.of(situation);
    Map<String, List<LimitApplication.Over>> overByLimit = new LinkedHashMap<>();
    limits.stated().keySet().forEach(limit -> overByLimit.put(limit, new ArrayList<>()));
    List<Option> candidates = options.catalogue().all().stream()
        .filter(o -> only.isEmpty() || o.desire() == only.get()).toList();
    List<TradeOffs.Row> rows = new ArrayList<>();
    for (Option option : candidates) {
      boolean allowed = true;
      for (Constraint c : constraints) {
        if (c.violation(option, situation).isPresent()) {
          removedByRule.get(c.rule().id()).add(option.id());
          allowed = false;
        }
      }
      Map<String, String> over = limits.over(option);
      over.forEach((limit, reason) -> overByLimit.get(limit).add(new LimitApplication.Over(option.id(), reason)));
      if (allowed && (over.isEmpty() || limits.soft())) {
        rows.add(new TradeOffs.Row(option.id(), option.name(), option.desire(), now.getOrDefault(option.desire(), 0.0),
            option.place().code(), option.minutes(), option.effort(), option.cost(), option.tags(), over,
            notes(option, situation)));
      }
    }
    rows.sort(Comparator.comparing(TradeOffs.Row::desire).thenComparingInt(TradeOffs.Row::minutes)
        .thenComparing(TradeOffs.Row::name).thenComparing(TradeOffs.Row::id));
    List<LimitApplication> limitsApplied = new ArrayList<>();
    limits.stated().forEach((limit, value) -> limitsApplied.add(
        new LimitApplication(limit, value, limits.soft(), overByLimit.get(limit))));
    TradeOffs laid = new TradeOffs(situation, now, rows, rules.applied(removedByRule), limitsApplied, candidates.size());
    uses.record(new SelfChoices.Use(clock.instant(), rows.size(), via));
    return laid;
  }

  /** What the person said about where they are, set against where the option happens. */
  private static List<String> notes(Option option, Situation situation) {
    String said = situation.stated().get("place");
    if (said == null) {
      return List.of();
    }
    Place where = Place.fromCode(said);
    return option.place().fits(where) ? List.of()
        : List.of(option.place().code() + ", and you said you are " + where.code());
  }

  /** Every use at or after {@code from}, oldest first. */
  public List<SelfChoices.Use> uses(Instant from) {
    return uses.since(from);
  }
}
