package dev.autonomy.bench.solve;

import dev.autonomy.solve.SolverLimits;
import dev.autonomy.solve.tsp.AntColonyTsp;
import dev.autonomy.solve.tsp.TspInstance;
import dev.autonomy.solve.tsp.TspTour;
import java.time.Duration;

/** Our MAX-MIN ant system with 2-opt and Or-opt, on two worker threads. */
final class AcoPeer implements TspPeer {
  @Override
  public String name() {
    return "aco (ours)";
  }

  @Override
  public TspTour solve(TspInstance instance, Duration budget, long seed, long target) {
    return AntColonyTsp.builder().targetLength(target).threads(2).build()
        .run(instance, SolverLimits.ofTime(budget), seed).tour();
  }
}
