/**
 * The MAX-MIN ant-colony machinery that the TSP colony ({@link dev.autonomy.solve.tsp.AntColonyTsp})
 * and the orienteering colony ({@link dev.autonomy.solve.op.AntColonyOrienteering}) share: their
 * common settings, the bounded pheromone matrix, the roulette-wheel choice and the deterministic
 * running of an iteration's ants on worker threads. What differs between the two problems (the
 * heuristic, how a walk is built, who deposits, when to restart) stays in each solver.
 */
package dev.autonomy.solve.aco;
