package dev.autonomy.plan.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasketPlannerTest {
  static BasketProblem randomProblem(long seed, int items) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Item> list = new ArrayList<>();
    DesireType[] desires = DesireType.values();
    double total = 0;
    for (int i = 0; i < items; i++) {
      double price = 1 + random.nextInt(4000) / 100.0;
      int max = 1 + random.nextInt(4);
      total += price * max;
      list.add(new Item("item" + i, price, desires[random.nextInt(desires.length)], random.nextDouble(1, 10), max));
    }
    Map<DesireType, Double> weights = Map.of(DesireType.BUY, 0.7, DesireType.SAVE, 0.3, DesireType.MOVE, 0.5,
        DesireType.REST, 0.4, DesireType.EXPLORE, 0.6);
    return new BasketProblem(list, Math.max(45, total * random.nextDouble(0.2, 0.6)), weights, 0.5);
  }

  /** Tries every combination of quantities: the reference the dynamic programme must match. */
  static double bruteForce(BasketProblem p) {
    return brute(p, 0, new int[p.items().size()]);
  }

  private static double brute(BasketProblem p, int i, int[] q) {
    if (i == q.length) {
      return p.costCents(q) <= p.budgetCents() ? p.value(q) : -1;
    }
    double best = -1;
    for (int k = 0; k <= p.items().get(i).maxQty(); k++) {
      q[i] = k;
      best = Math.max(best, brute(p, i + 1, q));
    }
    q[i] = 0;
    return best;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void exact_matchesBruteForceOnTinyBaskets(long seed) {
    BasketProblem p = randomProblem(seed, 5);
    Basket exact = new BasketPlanner().exact(p);
    assertThat(exact.utility()).isCloseTo(bruteForce(p), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(exact.spent()).isLessThanOrEqualTo(p.budget());
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void genetic_reachesTheExactOptimumWithinOnePercent(long seed) {
    BasketProblem p = randomProblem(seed, 12);
    BasketPlanner planner = new BasketPlanner();
    Basket exact = planner.exact(p);
    Basket ga = planner.genetic(p, seed);
    assertThat(ga.spent()).isLessThanOrEqualTo(p.budget());
    assertThat(ga.utility()).isLessThanOrEqualTo(exact.utility() + 1e-9);
    assertThat(ga.utility()).isGreaterThanOrEqualTo(0.99 * exact.utility());
    for (Basket.Line line : ga.lines()) {
      assertThat(line.quantity()).isBetween(1, line.item().maxQty());
      assertThat(line.why()).contains(line.item().desire().code());
    }
  }

  @Test
  void genetic_sameSeedSameBasket() {
    BasketProblem p = randomProblem(3, 15);
    assertThat(new BasketPlanner().genetic(p, 42)).isEqualTo(new BasketPlanner().genetic(p, 42));
  }

  @Test
  void diminishingReturns_spreadMoneyOverItems() {
    List<Item> items = List.of(new Item("a", 10, DesireType.BUY, 10, 5), new Item("b", 10, DesireType.BUY, 8, 5));
    Basket b = new BasketPlanner().exact(BasketProblem.of(items, 40));
    // a: 10, 5, 2.5 ... b: 8, 4 ... best four units: a1 a2 b1 b2 (10+5+8+4)
    assertThat(b.lines()).extracting(Basket.Line::quantity).containsExactly(2, 2);
    assertThat(b.utility()).isEqualTo(27.0);
  }

  @Test
  void problem_rejectsImpossibleBudgets() {
    List<Item> items = List.of(new Item("bike", 300, DesireType.MOVE, 9, 1));
    assertThatThrownBy(() -> BasketProblem.of(items, -5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget must be >= 0, was -5.00");
    assertThatThrownBy(() -> BasketProblem.of(items, 120))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nothing is affordable: the cheapest item, 'bike', costs 300.00 and the budget is 120.00");
  }

  @Test
  void genetic_buysNothingThatServesNoWeightedDesire() {
    List<Item> items = List.of(new Item("coffee", 12.5, DesireType.REST, 3, 4), new Item("jar", 20, DesireType.SAVE, 6, 3),
        new Item("book", 18, DesireType.EXPLORE, 5, 3));
    Basket b = new BasketPlanner().genetic(new BasketProblem(items, 120, Map.of(DesireType.SAVE, 0.3), 0.5), 1);
    assertThat(b.lines()).extracting(l -> l.item().name()).containsExactly("jar");
    assertThat(b.bound()).startsWith("desire weights");
  }
}
