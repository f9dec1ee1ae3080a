package dev.autonomy.cli.plan;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.plan.RunOffer;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Mode;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.run.RunLoop;
import dev.autonomy.plan.run.RunRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autonomy plan run}: a loop of about the requested distance from a start point. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Plan a running (or riding) loop of about --km from the start, repeating few streets.")
final class PlanRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--map", required = true, paramLabel = "FILE", description = "OSM file (.osm.pbf, .osm.gz, .osm).")
  String map;

  @Option(names = "--start", required = true, paramLabel = "LAT,LON", converter = LatLonConverter.class, description = "Start and end point.")
  LatLon start;

  @Option(names = "--km", required = true, description = "Distance wanted, in km.")
  double km;

  @Option(names = "--profile", defaultValue = "foot", description = "foot or bike (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; same seed, same loop (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--gpx", paramLabel = "FILE", description = "Also write the loop as a GPX track.")
  Path gpx;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    LatLon from = start;
    if (!(km >= 0.2 && km <= 200)) {
      throw new InvalidInputException("--km must be in [0.2, 200], was " + km);
    }
    Mode mode = switch (profile.toLowerCase(Locale.ROOT)) {
      case "foot" -> Mode.FOOT;
      case "bike" -> Mode.BIKE;
      default -> throw new InvalidInputException("--profile: expected foot or bike, was '" + profile + "'");
    };
    RunOffer offer;
    try (Autonomy autonomy = Session.open(spec); OsmMap osm = MapOptions.open(autonomy, map)) {
      offer = autonomy.planRun(osm, new RunRequest(from, km, mode, seed, 12),
          new Situation(ZonedDateTime.now(autonomy.clock()), Map.of()));
    }
    RunLoop loop = offer.loop();
    Recommendation offered = offer.offered();
    if (gpx != null) {
      try {
        Files.writeString(gpx, loop.toGpx(Instant.now()), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidInputException("--gpx: cannot write " + gpx + ": " + e.getMessage()
            + " (the loop is still offered as " + offered.id() + ")", e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", offered.id());
      o.put("map", loop.map());
      o.put("start", List.of(loop.start().lat(), loop.start().lon()));
      o.put("profile", mode.profile());
      o.put("target_km", km);
      o.put("km", Math.round(loop.meters()) / 1000.0);
      o.put("error_percent", Math.round(loop.relativeError() * 1000) / 10.0);
      o.put("within_tolerance", loop.withinTolerance());
      o.put("elevation_gain_m", Double.isNaN(loop.ascendMeters()) ? null : loop.ascendMeters());
      o.put("repeated_share", Math.round(loop.repeatedShare() * 1000) / 1000.0);
      o.put("method", loop.method());
      o.put("candidates", loop.candidates());
      o.put("seed", loop.seed());
      o.put("points", loop.points().stream().map(p -> List.of(p.lat(), p.lon())).toList());
      if (gpx != null) {
        o.put("gpx", gpx.toString());
      }
      o.put("attribution", MapOptions.ATTRIBUTION);
      Session.json(spec, o);
    } else {
      out.printf(Locale.ROOT, "Loop on %s from %s (%s, seed %d)%n", loop.map(), loop.start(), mode.profile(), loop.seed());
      out.printf("Offered as %s: autonomy feedback %s --done --rating 1..5 (or --skipped)%n", offered.id(), offered.id());
      out.printf(Locale.ROOT, "Distance:  %.2f km (asked %.2f km, %s%.1f%%%s)%n", loop.meters() / 1000, km,
          loop.meters() >= loop.targetMeters() ? "+" : "-", loop.relativeError() * 100,
          loop.withinTolerance() ? "" : "; no loop within 10% found on this network");
      out.println("Climb:     " + (Double.isNaN(loop.ascendMeters())
          ? "unknown (the map has no elevation)" : String.format(Locale.ROOT, "%.0f m", loop.ascendMeters())));
      out.printf(Locale.ROOT, "Repeated:  %.1f%% of the distance runs along a street already used%n", loop.repeatedShare() * 100);
      out.printf(Locale.ROOT, "Found by:  %s, best of %d candidate loops%n", loop.method(), loop.candidates());
      List<LatLon> pts = loop.points();
      int show = Math.min(5, pts.size());
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < show; i++) {
        line.append(i == 0 ? "" : " ").append(pts.get(i));
      }
      out.printf(Locale.ROOT, "Points:    %d: %s%s%n", pts.size(), line, pts.size() > show ? " ... (all with --json or --gpx)" : "");
      if (gpx != null) {
        out.println("GPX:       " + gpx);
      }
      out.println(MapOptions.ATTRIBUTION);
    }
    out.flush();
    return 0;
  }
}
