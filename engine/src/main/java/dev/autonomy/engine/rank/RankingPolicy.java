package dev.autonomy.engine.rank;

import dev.autonomy.core.InvalidInputException;

/**
 * How the ranker turns scores into a shown list.
 *
 * @param limit how many recommendations to show
 * @param exploration the probability that the last slot is filled at random among the eligible
 *     options not already shown (epsilon-greedy on one slot), so the engine keeps learning about
 *     options it would otherwise never show; 0 turns exploration off
 */
public record RankingPolicy(int limit, double exploration) {
  /** The longest list one request may ask for. */
  public static final int MAX_LIMIT = 1000;

  public RankingPolicy {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit must be in 1.." + MAX_LIMIT + ", was " + limit);
    }
    if (!(exploration >= 0 && exploration <= 1)) {
      throw new InvalidInputException("exploration must be in [0, 1], was " + exploration);
    }
  }

  public static RankingPolicy defaults() {
    return new RankingPolicy(5, 0.1);
  }
}
