package dev.autonomy.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.rule.Constraint;
import dev.autonomy.engine.rule.RuleParser;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** An app's own items through the real ranker: the person's rules hold, and no value of theirs reaches the words. */
class ItemRankingTest {
  private static final ZonedDateTime MONDAY = ZonedDateTime.parse("2026-11-30T18:00:00+01:00[Europe/Paris]");

  private static ItemRanking over(double move, double rest, List<Constraint> rules) {
    Map<DesireType, Desire> desires = new EnumMap<>(DesireType.class);
    for (DesireType t : DesireType.values()) {
      desires.put(t, new Desire(t, 0.3, 0.8, List.of()));
    }
    desires.put(DesireType.MOVE, new Desire(DesireType.MOVE, move, 0.8, List.of()));
    desires.put(DesireType.REST, new Desire(DesireType.REST, rest, 0.8, List.of()));
    return new ItemRanking((situation, policy, candidates) -> new Ranker().rank(new Ranker.Request(candidates, desires,
        situation, OptionPreferences.none(), rules, Map.of(), "test-model", policy), new SplittableRandom(1)));
  }

  private static List<ItemRanking.Item> items() {
    return List.of(
        ItemRanking.Item.at(0, "swim-7", "Evening swim", "move", 40, 6.0, null, null, "indoor"),
        ItemRanking.Item.at(1, "nap", "Nap", "rest", 20, 0.0, null, null, null),
        ItemRanking.Item.at(2, "run", "Trail run", "move", 50, 8.0, 0.0, List.of("Nature"), "outdoor"));
  }

  @Test
  void theStrongerDesireLeads_aRuleDropsItsItemWithoutSayingWhichRule() {
    List<Constraint> rules = RuleParser.parseAll(List.of(new PersonRule("r1", "never swim", Instant.EPOCH)));
    ItemRanking.Result moving = over(0.9, 0.1, rules).rank(new Situation(MONDAY, Map.of()), items(), OptionalInt.empty());
    assertThat(moving.ranked()).extracting(ItemRanking.Ranked::id).containsExactly("run", "nap");
    assertThat(moving.leftOut()).containsExactly(new ItemRanking.LeftOut("swim-7", ItemRanking.LEFT_OUT_BY_RULE));
    ItemRanking.Result resting = over(0.1, 0.9, rules).rank(new Situation(MONDAY, Map.of()), items(), OptionalInt.empty());
    assertThat(resting.ranked()).extracting(ItemRanking.Ranked::id).containsExactly("nap", "run");
    assertThat(resting.ranked().get(0).explanation().contributions()).extracting(ItemRanking.Reason::input)
        .contains("desire");
  }

  @Test
  void aLimitTheAppStated_leavesOutWhatIsOverIt_andTheLimitCapsTheList() {
    ItemRanking.Result r = over(0.9, 0.1, List.of()).rank(new Situation(MONDAY, Map.of("free_minutes", "45")), items(),
        OptionalInt.of(1));
    assertThat(r.ranked()).hasSize(1);
    assertThat(r.leftOut()).extracting(ItemRanking.LeftOut::id).containsExactly("run");
    assertThat(r.considered()).isEqualTo(3);
  }

  @Property(tries = 50)
  void noReasonCarriesANumber(@ForAll @DoubleRange(min = 0, max = 1) double move, @ForAll @DoubleRange(min = 0, max = 1)
      double rest) {
    ItemRanking.Result r = over(move, rest, List.of()).rank(new Situation(MONDAY, Map.of("place", "indoor")), items(),
        OptionalInt.empty());
    List<String> words = new ArrayList<>();
    r.ranked().forEach(x -> x.explanation().contributions().forEach(c -> words.add(c.meaning())));
    assertThat(words).isNotEmpty().allSatisfy(w -> assertThat(w).doesNotContainPattern("\\d"));
  }

  @Test
  void badItems_nameTheirIndexAndField() {
    assertThatThrownBy(() -> ItemRanking.Item.at(4, "a", "Yoga", "dance", null, null, null, null, null))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("items[4].desire: unknown desire 'dance'");
    assertThatThrownBy(() -> ItemRanking.Item.at(2, "a", "Yoga", "move", -1, null, null, null, null))
        .hasMessage("items[2].minutes must be in 0..1440, was -1");
    assertThatThrownBy(() -> ItemRanking.Item.at(0, "a", "Yoga", "move", null, null, Double.NaN, null, null))
        .hasMessage("items[0].cost must be in 0..1e9, was NaN");
    assertThatThrownBy(() -> ItemRanking.Item.at(1, "a", "Yoga", "move", null, null, null, List.of("ok", ""), null))
        .hasMessageStartingWith("items[1].tags[1] must be 1 to 40 characters");
    assertThatThrownBy(() -> ItemRanking.Item.at(3, "a", "Yoga", "move", null, null, null, null, "underwater"))
        .hasMessageStartingWith("items[3].place: unknown place 'underwater'");
    assertThatThrownBy(() -> over(0.5, 0.5, List.of()).rank(new Situation(MONDAY, Map.of()), List.of(), OptionalInt.empty()))
        .hasMessageStartingWith("items must hold 1 to 200 items, held 0");
  }
}
