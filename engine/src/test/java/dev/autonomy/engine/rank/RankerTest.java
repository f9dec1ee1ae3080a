package dev.autonomy.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.option.OptionCatalogue;
import dev.autonomy.engine.rule.Constraint;
import dev.autonomy.engine.rule.RuleParser;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankerTest {
  private static final OptionCatalogue CATALOGUE = OptionCatalogue.builtIn();
  private static final ZonedDateTime MONDAY = ZonedDateTime.parse("2026-11-30T18:00:00+01:00[Europe/Paris]");

  private static Map<DesireType, Desire> desires(double move, double rest) {
    Map<DesireType, Desire> d = new EnumMap<>(DesireType.class);
    for (DesireType t : DesireType.values()) {
      d.put(t, new Desire(t, 0.3, 0.8, List.of()));
    }
    d.put(DesireType.MOVE, new Desire(DesireType.MOVE, move, 0.8, List.of()));
    d.put(DesireType.REST, new Desire(DesireType.REST, rest, 0.8, List.of()));
    return d;
  }

  private static Ranker.Request request(Map<String, String> stated, OptionPreferences prefs, List<Constraint> rules, RankingPolicy policy) {
    return new Ranker.Request(CATALOGUE.all(), desires(0.8, 0.1), new Situation(MONDAY, stated), prefs, rules, Map.of(), "test-model", policy);
  }

  @Test
  void indoorContext_putsIndoorMoveFirst_outdoorContextOutdoor() {
    Ranking indoor = new Ranker().rank(request(Map.of("place", "indoor"), OptionPreferences.none(), List.of(), new RankingPolicy(3, 0)), new SplittableRandom(1));
    Ranking outdoor = new Ranker().rank(request(Map.of("place", "outdoor"), OptionPreferences.none(), List.of(), new RankingPolicy(3, 0)), new SplittableRandom(1));
    Option firstIndoor = indoor.recommendations().get(0).option();
    Option firstOutdoor = outdoor.recommendations().get(0).option();
    assertThat(firstIndoor.desire()).isEqualTo(DesireType.MOVE);
    assertThat(firstIndoor.place().code()).isEqualTo("indoor");
    assertThat(firstOutdoor.place().code()).isEqualTo("outdoor");
    assertThat(indoor.recommendations().get(0).explanation().contributions()).isNotEmpty();
  }

  @Test
  void rulesRemoveOptionsAndSayWhat() {
    List<Constraint> rules = RuleParser.parseAll(List.of(
        new PersonRule("r1", "never swim", Instant.EPOCH), new PersonRule("r2", "max 45 minutes on weekdays", Instant.EPOCH)));
    Ranking r = new Ranker().rank(request(Map.of("place", "indoor"), OptionPreferences.none(), rules, new RankingPolicy(30, 0)), new SplittableRandom(1));
    assertThat(r.recommendations()).extracting(x -> x.option().id()).doesNotContain("swim", "gym-strength", "museum");
    assertThat(r.rules().get(0).removed()).containsExactly("swim");
    assertThat(r.rules().get(1).removed()).contains("gym-strength", "indoor-climbing", "museum");
    assertThat(r.recommendations()).allSatisfy(x -> assertThat(x.explanation().rules()).hasSize(2));
  }

  @Property(tries = 200)
  void noRecommendationEverBreaksARule(@ForAll @IntRange(min = 0, max = 10_000) int seed, @ForAll @IntRange(min = 1, max = 25) int limit,
      @ForAll @IntRange(min = 0, max = 8) int maxEffort, @ForAll @IntRange(min = 0, max = 120) int maxMinutes) {
    List<Constraint> rules = RuleParser.parseAll(List.of(
        new PersonRule("r1", "max effort " + maxEffort, Instant.EPOCH),
        new PersonRule("r2", "max " + maxMinutes + " minutes", Instant.EPOCH),
        new PersonRule("r3", "never run", Instant.EPOCH)));
    Ranking r = new Ranker().rank(request(Map.of(), OptionPreferences.none(), rules, new RankingPolicy(limit, 0.5)), new SplittableRandom(seed));
    Situation s = new Situation(MONDAY, Map.of());
    for (Recommendation rec : r.recommendations()) {
      for (Constraint c : rules) {
        assertThat(c.violation(rec.option(), s)).as(rec.option().id() + " vs " + c).isEmpty();
      }
    }
    assertThat(r.recommendations().size()).isLessThanOrEqualTo(limit);
  }

  @Test
  void propensitiesOfTheLastSlotSumToOne() {
    RankingPolicy policy = new RankingPolicy(3, 0.3);
    int n = CATALOGUE.size();
    int pool = n - 2;
    Ranking r = new Ranker().rank(request(Map.of(), OptionPreferences.none(), List.of(), policy), new SplittableRandom(7));
    double greedy = (1 - 0.3) + 0.3 / pool;
    double other = 0.3 / pool;
    assertThat(greedy + (pool - 1) * other).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    double last = r.recommendations().get(2).explanation().propensity();
    assertThat(last).isIn(greedy, other);
    assertThat(r.recommendations().get(0).explanation().propensity()).isEqualTo(1.0);
  }

  @Test
  void explorationRate_matchesPolicyOverManyRankings() {
    int explored = 0;
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 4000; i++) {
      Ranking r = new Ranker().rank(request(Map.of(), OptionPreferences.none(), List.of(), new RankingPolicy(3, 0.2)), random);
      if (r.recommendations().get(2).explanation().exploration()) {
        explored++;
      }
    }
    // Exploration picks the greedy item itself 1/pool of the time, which is not counted as exploring.
    double expected = 0.2 * (1 - 1.0 / (CATALOGUE.size() - 2));
    assertThat(explored / 4000.0).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.025));
  }

  @Test
  void optionRatedOneFallsBelowOptionRatedFiveWithinAFewRounds() {
    // Both outdoor move options; park-run starts ahead of cycling on effort fit.
    OptionPreferences prefs = OptionPreferences.none();
    Map<String, String> outdoor = Map.of("place", "outdoor");
    List<String> order = ids(new Ranker().rank(request(outdoor, prefs, List.of(), new RankingPolicy(8, 0)), new SplittableRandom(1)));
    String first = order.get(0);
    String second = order.get(1);
    int rounds = 0;
    while (order.indexOf(first) < order.indexOf(second) && rounds < 10) {
      prefs = prefs.plus(new OptionFeedback(first, DesireType.MOVE, Outcome.DONE, OptionalInt.of(1), Instant.EPOCH));
      prefs = prefs.plus(new OptionFeedback(second, DesireType.MOVE, Outcome.DONE, OptionalInt.of(5), Instant.EPOCH));
      order = ids(new Ranker().rank(request(outdoor, prefs, List.of(), new RankingPolicy(8, 0)), new SplittableRandom(1)));
      rounds++;
    }
    assertThat(rounds).isBetween(1, 3);
    assertThat(order.indexOf(second)).isLessThan(order.indexOf(first));
  }

  private static List<String> ids(Ranking r) {
    return r.recommendations().stream().map(x -> x.option().id()).toList();
  }
}
