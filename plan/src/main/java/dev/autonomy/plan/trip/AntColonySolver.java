package dev.autonomy.plan.trip;

import dev.autonomy.solve.SolverLimits;
import dev.autonomy.solve.op.AntColonyOrienteering;
import dev.autonomy.solve.op.OrienteeringProblem;
import java.time.Duration;

/**
 * The solve module's MAX-MIN ant colony for the orienteering problem. It stops after {@link
 * #STAGNANT_ITERATIONS} iterations without improvement (reproducible for a seed) or at the time
 * limit, whichever comes first.
 */
final class AntColonySolver implements OrienteeringSolver {
  static final int STAGNANT_ITERATIONS = 100;

  @Override
  public int[] solve(double[][] cost, double[] prize, int start, int end, double budget, Duration time, long seed) {
    OrienteeringProblem problem = new OrienteeringProblem(cost, prize, start, end, budget);
    return AntColonyOrienteering.solve(problem, new SolverLimits(time, STAGNANT_ITERATIONS), seed).route();
  }

  @Override
  public String name() {
    return "ant colony";
  }
}
