package dev.autonomy.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.context.StatedLimits;
import dev.autonomy.engine.option.OptionCatalogue;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Stated limits (budget, free_minutes) hold: left out under hard limits, scored down under soft ones, and said so. */
class StatedLimitsRankingTest {
  private static final ZonedDateTime MONDAY = ZonedDateTime.parse("2026-11-30T18:00:00+01:00[Europe/Paris]");

  private static Map<DesireType, Desire> desires(SplittableRandom random) {
    Map<DesireType, Desire> d = new EnumMap<>(DesireType.class);
    for (DesireType t : DesireType.values()) {
      d.put(t, new Desire(t, random.nextDouble(), 0.8, List.of()));
    }
    return d;
  }

  private static Ranking rank(List<Option> options, Map<DesireType, Desire> desires, Map<String, String> stated, RankingPolicy policy, long seed) {
    Ranker.Request request = new Ranker.Request(options, desires, new Situation(MONDAY, stated), OptionPreferences.none(), List.of(),
        Map.of(), "test-model", policy);
    return new Ranker().rank(request, new SplittableRandom(seed));
  }

  /** A random catalogue: every desire and place, minutes 0..180, costs 0..100 (some free). */
  private static List<Option> catalogue(SplittableRandom random, int size) {
    List<Option> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      DesireType desire = DesireType.values()[random.nextInt(DesireType.values().length)];
      Place place = Place.values()[random.nextInt(Place.values().length)];
      double cost = random.nextInt(3) == 0 ? 0 : Math.round(random.nextDouble(100) * 100) / 100.0;
      out.add(new Option("o" + i, "Option " + i, desire, place, random.nextInt(181), random.nextInt(11), cost, "a" + i, Set.of()));
    }
    return out;
  }

  @Property(tries = 300)
  void recommend_neverShowsAnOptionOverTheStatedBudgetOrFreeMinutes_underHardLimits(
      @ForAll @IntRange(min = 0, max = 100_000) int seed, @ForAll @IntRange(min = 1, max = 40) int size,
      @ForAll @IntRange(min = 1, max = 40) int limit, @ForAll @DoubleRange(min = 0, max = 1) double exploration,
      @ForAll @IntRange(min = -1, max = 120) int budget, @ForAll @IntRange(min = -1, max = 200) int freeMinutes,
      @ForAll boolean sayHard) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Option> options = catalogue(random, size);
    Map<String, String> stated = new LinkedHashMap<>();
    if (budget >= 0) {
      stated.put("budget", Integer.toString(budget));
    }
    if (freeMinutes >= 0) {
      stated.put("free_minutes", Integer.toString(freeMinutes));
    }
    if (sayHard) {
      stated.put("limits", "hard");
    }
    Ranking r = rank(options, desires(random), stated, new RankingPolicy(limit, exploration), seed);

    for (Recommendation rec : r.recommendations()) {
      if (budget >= 0) {
        assertThat(rec.option().cost()).as(rec.option().id()).isLessThanOrEqualTo(budget);
      }
      if (freeMinutes >= 0) {
        assertThat(rec.option().minutes()).as(rec.option().id()).isLessThanOrEqualTo(freeMinutes);
      }
    }
    // Every option over a limit is named under it with the reason; the rest stayed eligible.
    Set<String> over = new HashSet<>();
    for (LimitApplication a : r.limits()) {
      assertThat(a.soft()).isFalse();
      a.over().forEach(o -> {
        over.add(o.optionId());
        assertThat(o.reason()).contains(a.limit().equals("budget") ? "budget " + budget : "free_minutes " + freeMinutes);
      });
    }
    long expectedOver = options.stream()
        .filter(o -> (budget >= 0 && o.cost() > budget) || (freeMinutes >= 0 && o.minutes() > freeMinutes)).count();
    assertThat(over).hasSize((int) expectedOver);
    assertThat(r.eligible()).isEqualTo(size - (int) expectedOver);
    assertThat(r.recommendations()).hasSize(Math.min(limit, r.eligible()));
    assertThat(r.limits()).extracting(LimitApplication::limit).containsExactlyElementsOf(StatedLimits.of(new Situation(MONDAY, stated)).stated().keySet());
    r.recommendations().forEach(rec -> assertThat(rec.explanation().limits()).isEqualTo(r.limits()));
  }

  @Property(tries = 100)
  void softLimits_keepEveryOption_andTakeThePenaltyOffEachOneOver(
      @ForAll @IntRange(min = 0, max = 100_000) int seed, @ForAll @IntRange(min = 1, max = 30) int size,
      @ForAll @IntRange(min = 0, max = 120) int budget, @ForAll @IntRange(min = 0, max = 200) int freeMinutes) {
    SplittableRandom random = new SplittableRandom(seed);
    // One desire, so the variety penalty leaves scores alone and the soft penalty can be checked exactly.
    List<Option> options = catalogue(random, size).stream()
        .map(o -> new Option(o.id(), o.name(), DesireType.MOVE, o.place(), o.minutes(), o.effort(), o.cost(), o.activity(), o.tags()))
        .toList();
    Map<DesireType, Desire> desires = desires(random);
    Map<String, String> soft = Map.of("budget", Integer.toString(budget), "free_minutes", Integer.toString(freeMinutes), "limits", "soft");
    Ranking r = rank(options, desires, soft, new RankingPolicy(RankingPolicy.MAX_LIMIT, 0), seed);

    assertThat(r.recommendations()).hasSize(size);
    assertThat(r.eligible()).isEqualTo(size);
    OptionScorer.Context hardContext = new OptionScorer.Context(desires, new Situation(MONDAY, Map.of(
        "budget", Integer.toString(budget), "free_minutes", Integer.toString(freeMinutes))), OptionPreferences.none());
    for (Recommendation rec : r.recommendations()) {
      Option o = rec.option();
      int overs = (o.cost() > budget ? 1 : 0) + (o.minutes() > freeMinutes ? 1 : 0);
      double unpenalised = new OptionScorer().score(o, hardContext).score();
      assertThat(rec.score()).as(o.id()).isCloseTo(Math.max(0, unpenalised - OptionScorer.SOFT_LIMIT_PENALTY * overs), Offset.offset(1e-12));
      List<Contribution> limitLines = rec.explanation().contributions().stream().filter(c -> c.input().startsWith("limit.")).toList();
      assertThat(limitLines).hasSize(overs);
      limitLines.forEach(c -> assertThat(c.effect()).isEqualTo(-OptionScorer.SOFT_LIMIT_PENALTY));
      if (overs > 0) {
        assertThat(rec.explanation().summary()).contains("limits=soft", "scored down");
      } else {
        assertThat(rec.explanation().summary()).doesNotContain("limits=soft");
      }
    }
    assertThat(r.limits()).allSatisfy(a -> assertThat(a.soft()).isTrue());
  }

  /** Two options alike but for cost and place: the dearer one fits the stated place better. */
  private static final List<Option> TWO = List.of(
      new Option("gym-class", "Gym class", DesireType.MOVE, Place.INDOOR, 45, 5, 30, "class", Set.of()),
      new Option("stairs", "Stair run outside", DesireType.MOVE, Place.OUTDOOR, 45, 5, 0, "stairs", Set.of()));

  @Test
  void hardBudget_leavesTheDearerOptionOut_andEveryExplanationSaysWhichAndWhy() {
    Map<DesireType, Desire> desires = desires(new SplittableRandom(1));
    Ranking free = rank(TWO, desires, Map.of("place", "indoor"), new RankingPolicy(5, 0), 1);
    assertThat(free.recommendations().get(0).option().id()).isEqualTo("gym-class");
    assertThat(free.limits()).isEmpty();

    Ranking hard = rank(TWO, desires, Map.of("place", "indoor", "budget", "20"), new RankingPolicy(5, 0), 1);
    assertThat(hard.recommendations()).extracting(x -> x.option().id()).containsExactly("stairs");
    LimitApplication budget = new LimitApplication("budget", "20", false, List.of(new LimitApplication.Over("gym-class", "costs 30 > budget 20")));
    assertThat(hard.limits()).containsExactly(budget);
    assertThat(hard.recommendations().get(0).explanation().limits()).containsExactly(budget);
    assertThat(hard.considered()).isEqualTo(2);
    assertThat(hard.eligible()).isEqualTo(1);
    assertThat(hard.view(new Situation(MONDAY, Map.of()))).containsEntry("limits", List.of(budget));
  }

  @Test
  void softBudget_keepsTheDearerOption_belowTheOneWithinIt() {
    Map<DesireType, Desire> desires = desires(new SplittableRandom(1));
    Ranking soft = rank(TWO, desires, Map.of("place", "indoor", "budget", "20", "limits", "soft"), new RankingPolicy(5, 0), 1);
    assertThat(soft.recommendations()).extracting(x -> x.option().id()).containsExactly("stairs", "gym-class");
    Recommendation kept = soft.recommendations().get(1);
    assertThat(kept.explanation().summary()).contains("costs 30 > budget 20", "limits=soft", "scored down by 0.25");
    assertThat(kept.explanation().contributions()).anySatisfy(c -> {
      assertThat(c.input()).isEqualTo("limit.budget");
      assertThat(c.meaning()).startsWith("costs 30 > budget 20");
    });
    assertThat(soft.limits()).containsExactly(
        new LimitApplication("budget", "20", true, List.of(new LimitApplication.Over("gym-class", "costs 30 > budget 20"))));
  }

  @Test
  void freeMinutes_leaveOutWhatTakesLonger_onTheBuiltInCatalogue() {
    List<Option> all = OptionCatalogue.builtIn().all();
    Ranking r = rank(all, desires(new SplittableRandom(2)), Map.of("free_minutes", "30"), new RankingPolicy(RankingPolicy.MAX_LIMIT, 0), 1);
    assertThat(r.recommendations()).allSatisfy(x -> assertThat(x.option().minutes()).isLessThanOrEqualTo(30));
    LimitApplication time = r.limits().get(0);
    assertThat(time.limit()).isEqualTo("free_minutes");
    assertThat(time.optionIds()).contains("museum", "gym-strength").doesNotContain("home-yoga");
    assertThat(time.over()).contains(new LimitApplication.Over("museum", "takes 120 min > free_minutes 30"));
    assertThat(r.eligible() + time.over().size()).isEqualTo(all.size());
  }

  @Test
  void mood_tiredLooksForLessEffort_energeticForMore_andTheExplanationSaysSo() {
    // Move 0.5 and rest 0.2 look for effort 0.5; tired moves that to 0.2, energetic to 0.8.
    Map<DesireType, Desire> desires = new EnumMap<>(DesireType.class);
    desires.put(DesireType.MOVE, new Desire(DesireType.MOVE, 0.5, 0.8, List.of()));
    desires.put(DesireType.REST, new Desire(DesireType.REST, 0.2, 0.8, List.of()));
    OptionCatalogue catalogue = OptionCatalogue.builtIn();
    Option yoga = catalogue.find("home-yoga").orElseThrow();
    Option hiit = catalogue.find("home-hiit").orElseThrow();
    OptionScorer scorer = new OptionScorer();
    OptionScorer.Context neutral = new OptionScorer.Context(desires, new Situation(MONDAY, Map.of()), OptionPreferences.none());
    OptionScorer.Context tired = new OptionScorer.Context(desires, new Situation(MONDAY, Map.of("mood", "tired")), OptionPreferences.none());
    OptionScorer.Context energetic = new OptionScorer.Context(desires, new Situation(MONDAY, Map.of("mood", "energetic")), OptionPreferences.none());
    double gapNeutral = scorer.score(yoga, neutral).score() - scorer.score(hiit, neutral).score();
    double gapTired = scorer.score(yoga, tired).score() - scorer.score(hiit, tired).score();
    double gapEnergetic = scorer.score(yoga, energetic).score() - scorer.score(hiit, energetic).score();
    assertThat(gapTired).isGreaterThan(gapNeutral);
    assertThat(gapEnergetic).isLessThan(gapNeutral);
    OptionScorer.Scored s = scorer.score(yoga, tired);
    assertThat(scorer.explain(s, tired, 0)).anySatisfy(c -> {
      assertThat(c.input()).isEqualTo("effort");
      assertThat(c.meaning()).contains("your mood (tired)");
    });
  }
}
