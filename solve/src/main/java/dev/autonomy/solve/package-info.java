/**
 * Combinatorial solvers written by hand: a MAX-MIN ant system with local search for the TSP
 * ({@link dev.autonomy.solve.tsp}) and an ant colony for the orienteering problem ({@link
 * dev.autonomy.solve.op}). Solvers take their randomness as a seed and their time as a {@link
 * dev.autonomy.solve.Ticker}; they do not log.
 */
package dev.autonomy.solve;
