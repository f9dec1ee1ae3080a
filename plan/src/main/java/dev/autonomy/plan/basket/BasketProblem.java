package dev.autonomy.plan.basket;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Choose whole quantities of items within a budget, maximising desire-weighted utility with
 * diminishing returns: the k-th unit of an item is worth {@code utility * weight(desire) *
 * decay^(k-1)}. Prices are counted in cents, so the budget check is exact.
 *
 * @param items what can be bought
 * @param budget money available
 * @param desireWeights weight per desire (missing desires weigh 0)
 * @param decay each further unit is worth this share of the one before, in (0, 1]
 */
public record BasketProblem(List<Item> items, double budget, Map<DesireType, Double> desireWeights, double decay) {
  public BasketProblem {
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new InvalidInputException("basket: no items to choose from");
    }
    Requires.finite(budget, "budget");
    if (budget < 0) {
      throw new InvalidInputException(String.format(Locale.ROOT, "basket: budget must be >= 0, was %.2f", budget));
    }
    Item cheapest = items.stream().min(Comparator.comparingDouble(Item::price)).orElseThrow();
    if (cents(cheapest.price()) > cents(budget)) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "basket: nothing is affordable: the cheapest item, '%s', costs %.2f and the budget is %.2f",
          cheapest.name(), cheapest.price(), budget));
    }
    EnumMap<DesireType, Double> weights = new EnumMap<>(DesireType.class);
    for (DesireType type : DesireType.values()) {
      double w = desireWeights.getOrDefault(type, 0.0);
      Requires.nonNegative(w, "desireWeights[" + type.code() + "]");
      weights.put(type, w);
    }
    desireWeights = Map.copyOf(weights);
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1], was " + decay);
    }
  }

  /** Every desire weighs 1 and each further unit is worth half the one before. */
  public static BasketProblem of(List<Item> items, double budget) {
    EnumMap<DesireType, Double> all = new EnumMap<>(DesireType.class);
    for (DesireType type : DesireType.values()) {
      all.put(type, 1.0);
    }
    return new BasketProblem(items, budget, all, 0.5);
  }

  static long cents(double money) {
    return Math.round(money * 100);
  }

  long budgetCents() {
    return cents(budget);
  }

  long priceCents(int item) {
    return cents(items.get(item).price());
  }

  /** Most units of item {@code i} the budget and its max allow. */
  int maxUnits(int i) {
    return (int) Math.min(items.get(i).maxQty(), budgetCents() / priceCents(i));
  }

  /** Worth of the k-th unit (k from 1) of item {@code i}. */
  double unitValue(int i, int k) {
    Item item = items.get(i);
    return item.utility() * desireWeights.get(item.desire()) * Math.pow(decay, k - 1);
  }

  /** Worth of {@code q} units of item {@code i}. */
  double value(int i, int q) {
    double v = 0;
    for (int k = 1; k <= q; k++) {
      v += unitValue(i, k);
    }
    return v;
  }

  double value(int[] quantities) {
    double v = 0;
    for (int i = 0; i < quantities.length; i++) {
      v += value(i, quantities[i]);
    }
    return v;
  }

  long costCents(int[] quantities) {
    long c = 0;
    for (int i = 0; i < quantities.length; i++) {
      c += quantities[i] * priceCents(i);
    }
    return c;
  }
}
