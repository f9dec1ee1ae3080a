package dev.autonomy.solve.aco;

import dev.autonomy.solve.Ticker;

/**
 * The settings every colony's builder shares (ants, alpha, beta, rho, threads, ticker), each
 * checked as it is set; a solver's builder extends it with its own and {@code build()}.
 *
 * @param <B> the solver's builder, returned by every setter so calls chain
 */
public abstract class ColonyBuilder<B extends ColonyBuilder<B>> {
  private ColonySettings colony;

  protected ColonyBuilder(ColonySettings defaults) {
    this.colony = defaults;
  }

  /** The settings as set so far. */
  public ColonySettings colony() {
    return colony;
  }

  protected abstract B self();

  public B ants(int ants) {
    colony = colony.withAnts(ants);
    return self();
  }

  public B alpha(double alpha) {
    colony = colony.withAlpha(alpha);
    return self();
  }

  public B beta(double beta) {
    colony = colony.withBeta(beta);
    return self();
  }

  /** Evaporation rate, in (0, 1). */
  public B rho(double rho) {
    colony = colony.withRho(rho);
    return self();
  }

  /** Worker threads for the ants; the result does not depend on it. */
  public B threads(int threads) {
    colony = colony.withThreads(threads);
    return self();
  }

  public B ticker(Ticker ticker) {
    colony = colony.withTicker(ticker);
    return self();
  }
}
