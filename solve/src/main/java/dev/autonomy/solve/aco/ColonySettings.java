package dev.autonomy.solve.aco;

import dev.autonomy.solve.Ticker;

/**
 * The settings every ant colony in this module takes, validated in one place so that both solvers
 * reject the same bad values with the same messages. Each solver picks its own defaults ({@link
 * #of}); its builder keeps one of these, replaces it through the {@code with} methods as each
 * setting is set (so a bad value fails at once, naming the setting), and adds settings of its own.
 *
 * @param ants ants per iteration, at least 1
 * @param alpha weight of the pheromone in an ant's choice, finite and at least 0
 * @param beta weight of the heuristic in an ant's choice, finite and at least 0
 * @param rho evaporation rate, in (0, 1)
 * @param threads worker threads for the ants, at least 1; the result does not depend on it
 * @param ticker the clock the time limit is measured with
 */
public record ColonySettings(int ants, double alpha, double beta, double rho, int threads, Ticker ticker) {
  public ColonySettings {
    if (ants < 1) {
      throw new IllegalArgumentException("ants must be >= 1, was " + ants);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be a finite number >= 0, was " + alpha);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be a finite number >= 0, was " + beta);
    }
    if (!(rho > 0 && rho < 1)) {
      throw new IllegalArgumentException("rho must be in (0, 1), was " + rho);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    if (ticker == null) {
      throw new IllegalArgumentException("ticker must not be null");
    }
  }

  /** A solver's defaults: up to two threads and the system clock. */
  public static ColonySettings of(int ants, double alpha, double beta, double rho) {
    return new ColonySettings(
        ants, alpha, beta, rho, Math.min(2, Runtime.getRuntime().availableProcessors()), Ticker.system());
  }

  ColonySettings withAnts(int ants) {
    return new ColonySettings(ants, alpha, beta, rho, threads, ticker);
  }

  ColonySettings withAlpha(double alpha) {
    return new ColonySettings(ants, alpha, beta, rho, threads, ticker);
  }

  ColonySettings withBeta(double beta) {
    return new ColonySettings(ants, alpha, beta, rho, threads, ticker);
  }

  ColonySettings withRho(double rho) {
    return new ColonySettings(ants, alpha, beta, rho, threads, ticker);
  }

  ColonySettings withThreads(int threads) {
    return new ColonySettings(ants, alpha, beta, rho, threads, ticker);
  }

  ColonySettings withTicker(Ticker ticker) {
    return new ColonySettings(ants, alpha, beta, rho, threads, ticker);
  }
}
