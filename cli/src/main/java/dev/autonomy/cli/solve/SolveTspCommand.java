package dev.autonomy.cli.solve;

import dev.autonomy.cli.Session;
import dev.autonomy.solve.tsp.AntColonyTsp;
import dev.autonomy.solve.tsp.TspInstance;
import dev.autonomy.solve.tsp.TspResult;
import dev.autonomy.solve.tsp.TsplibReader;
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

/** {@code autonomy solve tsp FILE.tsp}: MAX-MIN ant system with 2-opt and Or-opt. */
@Command(name = "tsp", mixinStandardHelpOptions = true,
    description = "Shortest closed tour through a TSPLIB file's cities (EUC_2D, CEIL_2D, GEO, ATT, EXPLICIT).")
public final class SolveTspCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE.tsp", description = "A TSPLIB 95 file of TYPE TSP.")
  Path file;

  @Mixin SolveOptions options = new SolveOptions();

  @Override
  public Integer call() {
    var limits = options.limits();
    TspInstance instance = TsplibReader.read(file);
    TspResult result = AntColonyTsp.builder().threads(options.threads).build().run(instance, limits, options.seed);
    long verified = instance.verifiedLength(result.tour().order());
    if (verified != result.tour().length()) {
      throw new IllegalStateException("tour length " + result.tour().length() + " does not match its recomputation " + verified);
    }
    int[] tour = result.tour().tsplibOrder();
    PrintWriter out = spec.commandLine().getOut();
    double seconds = result.elapsed().toNanos() / 1e9;
    if (options.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("length", result.tour().length());
      json.put("tour", tour);
      json.put("name", instance.name());
      json.put("cities", instance.dimension());
      json.put("seconds", Math.round(seconds * 1000) / 1000.0);
      json.put("iterations", result.iterations());
      json.put("restarts", result.restarts());
      json.put("seed", result.seed());
      Session.json(spec, json);
    } else {
      out.printf(Locale.ROOT, "%s: length %d (%d cities, %s); %d iterations, %d restarts, %.1f s, seed %d%n",
          instance.name(), result.tour().length(), instance.dimension(), instance.edgeWeightType(),
          result.iterations(), result.restarts(), seconds, result.seed());
      out.println("tour: " + Arrays.stream(tour).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
    }
    out.flush();
    return 0;
  }
}
