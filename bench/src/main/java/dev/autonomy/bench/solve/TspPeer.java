package dev.autonomy.bench.solve;

import dev.autonomy.solve.tsp.TspInstance;
import dev.autonomy.solve.tsp.TspTour;
import java.time.Duration;

/**
 * A TSP solver compared in the benchmark. It gets the same instance, time budget and seed as the
 * others, may stop early once it reaches {@code target} (the known optimum), and returns its best tour
 * with the length it believes it has; the benchmark checks both.
 */
public interface TspPeer {
  String name();

  TspTour solve(TspInstance instance, Duration budget, long seed, long target);
}
