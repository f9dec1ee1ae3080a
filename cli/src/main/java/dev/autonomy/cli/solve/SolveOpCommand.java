package dev.autonomy.cli.solve;

import dev.autonomy.cli.Session;
import dev.autonomy.solve.op.AntColonyOrienteering;
import dev.autonomy.solve.op.OrienteeringInstance;
import dev.autonomy.solve.op.OrienteeringProblem;
import dev.autonomy.solve.op.OrienteeringReader;
import dev.autonomy.solve.op.OrienteeringResult;
import dev.autonomy.solve.op.OrienteeringSolution;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code autonomy solve op FILE.txt}: ant colony for the orienteering problem. */
@Command(name = "op", mixinStandardHelpOptions = true,
    description = "Most prize on a path from the first point to the second within the budget "
        + "(Tsiligirides / Chao format: 'Tmax 1', then 'x y score' lines; Euclidean distances).")
public final class SolveOpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE.txt", description = "An orienteering instance.")
  Path file;

  @Mixin SolveOptions options = new SolveOptions();

  @Override
  public Integer call() {
    var limits = options.limits();
    OrienteeringInstance instance = OrienteeringReader.read(file);
    OrienteeringProblem problem = instance.toProblem();
    OrienteeringResult result = AntColonyOrienteering.builder().threads(options.threads).build()
        .run(problem, limits, options.seed);
    OrienteeringSolution solution = problem.verify(result.solution().route());
    PrintWriter out = spec.commandLine().getOut();
    double seconds = result.elapsed().toNanos() / 1e9;
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("score", solution.score());
      json.put("length", solution.length());
      json.put("route", solution.route());
      json.put("name", instance.name());
      json.put("budget", problem.budget());
      json.put("seconds", Math.round(seconds * 1000) / 1000.0);
      json.put("iterations", result.iterations());
      json.put("seed", result.seed());
      Session.json(spec, json);
    } else {
      out.printf(Locale.ROOT, "%s: score %s, length %.4f of budget %s (%d points); %d iterations, %.1f s, seed %d%n",
          instance.name(), number(solution.score()), solution.length(), number(problem.budget()), problem.size(),
          result.iterations(), seconds, result.seed());
      out.println("route: " + Arrays.stream(solution.route()).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
    }
    out.flush();
    return 0;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
