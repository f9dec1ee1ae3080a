package dev.autonomy.plan.basket;

import java.util.List;

/**
 * A chosen basket.
 *
 * @param lines the items bought (quantity > 0), in input order
 * @param spent money spent
 * @param budget money available
 * @param utility total desire-weighted utility
 * @param method how it was found ("genetic algorithm (Jenetics)", "dynamic programming")
 * @param bound what stopped the basket from holding more
 * @param seed the seed (0 for the exact method)
 */
public record Basket(List<Line> lines, double spent, double budget, double utility, String method, String bound, long seed) {
  public Basket {
    lines = List.copyOf(lines);
  }

  /**
   * One item in the basket.
   *
   * @param item the item
   * @param quantity how many
   * @param utility what these units are worth
   * @param why the desire and weight behind it, and why not more
   */
  public record Line(Item item, int quantity, double utility, String why) {}
}
