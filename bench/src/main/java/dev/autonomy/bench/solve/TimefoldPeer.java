package dev.autonomy.bench.solve;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.score.buildin.simplelong.SimpleLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.autonomy.solve.tsp.TspInstance;
import dev.autonomy.solve.tsp.TspTour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Timefold Solver (community edition, single-threaded) on the TSP as a list variable: one salesman
 * leaves city 0 and visits the others in the order of its list; constraint streams score the arcs.
 * Default phases (construction heuristic, then late-acceptance local search with list moves).
 */
final class TimefoldPeer implements TspPeer {
  @Override
  public String name() {
    return "timefold";
  }

  @Override
  public TspTour solve(TspInstance instance, Duration budget, long seed, long target) {
    int n = instance.dimension();
    Tour problem = new Tour();
    problem.salesman = new Salesman();
    problem.salesman.home = 0;
    problem.salesman.instance = instance;
    problem.visits = new ArrayList<>();
    for (int c = 1; c < n; c++) {
      Visit visit = new Visit();
      visit.city = c;
      visit.instance = instance;
      problem.visits.add(visit);
    }
    SolverConfig config = new SolverConfig()
        .withSolutionClass(Tour.class)
        .withEntityClasses(Salesman.class, Visit.class)
        .withConstraintProviderClass(TspConstraints.class)
        .withRandomSeed(seed)
        .withTerminationConfig(new TerminationConfig()
            .withSpentLimit(budget)
            .withBestScoreLimit(SimpleLongScore.of(-target).toString()));
    Tour solved = SolverFactory.<Tour>create(config).buildSolver().solve(problem);
    int[] order = new int[n];
    order[0] = 0;
    int k = 1;
    for (Visit visit : solved.salesman.visits) {
      order[k++] = visit.city;
    }
    if (k != n) {
      throw new IllegalStateException("timefold left " + (n - k) + " cities unassigned");
    }
    return new TspTour(order, -solved.score.score());
  }

  /** The solution: one salesman and the visits to place. */
  @PlanningSolution
  public static class Tour {
    @PlanningEntityProperty public Salesman salesman;

    @PlanningEntityCollectionProperty @ValueRangeProvider public List<Visit> visits;

    @PlanningScore public SimpleLongScore score;
  }

  /** The salesman, whose list variable is the tour after city 0. */
  @PlanningEntity
  public static class Salesman {
    public int home;
    public TspInstance instance;

    @PlanningListVariable public List<Visit> visits = new ArrayList<>();
  }

  /** A city other than 0, with its neighbours in the tour as shadow variables. */
  @PlanningEntity
  public static class Visit {
    public int city;
    public TspInstance instance;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    public Salesman salesman;

    @PreviousElementShadowVariable(sourceVariableName = "visits")
    public Visit previous;

    @NextElementShadowVariable(sourceVariableName = "visits")
    public Visit next;

    long arrivalCost() {
      return instance.distance(previous == null ? salesman.home : previous.city, city);
    }

    long returnCost() {
      return instance.distance(city, salesman.home);
    }
  }

  /** Minimise the length: every arc into a visit, and the arc home from the last. */
  public static class TspConstraints implements ConstraintProvider {
    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
      return new Constraint[] {
        factory.forEach(Visit.class)
            .filter(v -> v.salesman != null)
            .penalizeLong(SimpleLongScore.ONE, Visit::arrivalCost)
            .asConstraint("arc into visit"),
        factory.forEach(Visit.class)
            .filter(v -> v.salesman != null && v.next == null)
            .penalizeLong(SimpleLongScore.ONE, Visit::returnCost)
            .asConstraint("arc home")
      };
    }
  }
}
