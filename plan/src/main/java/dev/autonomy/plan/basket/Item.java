package dev.autonomy.plan.basket;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;

/**
 * Something the person could buy.
 *
 * @param name what it is
 * @param price price of one unit, > 0
 * @param desire the desire it serves
 * @param utility how much the first unit is worth to that desire, >= 0
 * @param maxQty at most this many units, >= 1
 */
public record Item(String name, double price, DesireType desire, double utility, int maxQty) {
  public Item {
    Requires.nonBlank(name, "name");
    Requires.finite(price, "price");
    if (!(price > 0)) {
      throw new InvalidInputException("price must be > 0, was " + price);
    }
    Requires.nonNull(desire, "desire");
    Requires.nonNegative(utility, "utility");
    Requires.positive(maxQty, "maxQty");
  }
}
