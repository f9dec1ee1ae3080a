package dev.autonomy.solve.aco;

import java.util.Arrays;

/**
 * The pheromone trails of a MAX-MIN ant system (Stützle and Hoos 2000), kept within [τmin, τmax]
 * so that no choice becomes certain or impossible: the colony keeps exploring around its best
 * tour instead of converging on it. Row {@code r} holds the trails out of node {@code r}; what a
 * column means is the solver's (a candidate's rank for the TSP, the next node for orienteering).
 *
 * <p>An iteration {@link #evaporate() evaporates}, {@link #add deposits} and then {@link
 * #clampToBounds() clamps}; a restart {@link #reset() resets}. Mutable and not thread-safe: ants
 * read the {@link #weigh weighed} copy, never the matrix itself.
 */
public final class PheromoneMatrix {
  private final int rows;
  private final int columns;
  private final double keep;
  private final double[] tau;
  private double max;
  private double min;

  /**
   * @param rows the nodes
   * @param columns trails out of each node
   * @param rho the evaporation rate, in (0, 1)
   */
  public PheromoneMatrix(int rows, int columns, double rho) {
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException(
          "rows and columns must be >= 1, were " + rows + " and " + columns);
    }
    if (!(rho > 0 && rho < 1)) {
      throw new IllegalArgumentException("rho must be in (0, 1), was " + rho);
    }
    this.rows = rows;
    this.columns = columns;
    this.keep = 1.0 - rho;
    this.tau = new double[rows * columns];
  }

  /**
   * Sets τmax (for a solver, the level a trail reaches when the best tour so far deposits on it
   * every iteration) and τmin = τmax / 2n, ACOTSP's simple lower bound. Takes effect at the next
   * {@link #reset} or {@link #clampToBounds}.
   */
  public void limit(double max) {
    this.max = max;
    this.min = max / (2.0 * rows);
  }

  /** Every trail to τmax, so that the colony explores afresh. */
  public void reset() {
    Arrays.fill(tau, max);
  }

  /** Every trail times (1 - rho). */
  public void evaporate() {
    for (int i = 0; i < tau.length; i++) {
      tau[i] *= keep;
    }
  }

  public void add(int row, int column, double amount) {
    tau[row * columns + column] += amount;
  }

  /** Brings every trail back into [τmin, τmax] after a deposit. */
  public void clampToBounds() {
    for (int i = 0; i < tau.length; i++) {
      double t = tau[i];
      tau[i] = t < min ? min : t > max ? max : t;
    }
  }

  public double at(int row, int column) {
    return tau[row * columns + column];
  }

  /**
   * Writes each trail's attraction, τ^alpha × η, into {@code into}; {@code heuristic} and {@code
   * into} are laid out as the matrix is (row-major). Skips the power when alpha is 1, the usual
   * case, since it dominates the cost.
   */
  public void weigh(double alpha, double[] heuristic, double[] into) {
    if (heuristic.length != tau.length || into.length != tau.length) {
      throw new IllegalArgumentException(
          "heuristic and into must have " + tau.length + " entries, had " + heuristic.length
              + " and " + into.length);
    }
    if (alpha == 1.0) {
      for (int i = 0; i < tau.length; i++) {
        into[i] = tau[i] * heuristic[i];
      }
    } else {
      for (int i = 0; i < tau.length; i++) {
        into[i] = Math.pow(tau[i], alpha) * heuristic[i];
      }
    }
  }
}
