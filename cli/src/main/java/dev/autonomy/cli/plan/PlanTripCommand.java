package dev.autonomy.cli.plan;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.plan.TripOffer;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.trip.Trip;
import dev.autonomy.plan.trip.TripRequest;
import dev.autonomy.plan.trip.TripStop;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autonomy plan trip}: which places to visit on foot, in which order, within the hours. */
@Command(
    name = "trip",
    mixinStandardHelpOptions = true,
    description = "Plan a walk visiting places from the map (museums, viewpoints, parks, cafes...) "
        + "within a time budget, back at the start.")
final class PlanTripCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--map", required = true, paramLabel = "FILE", description = "OSM file (.osm.pbf, .osm.gz, .osm).")
  String map;

  @Option(names = "--start", required = true, paramLabel = "LAT,LON", converter = LatLonConverter.class, description = "Start and end point.")
  LatLon start;

  @Option(names = "--hours", required = true, description = "Time out, walking and visits (e.g. 6).")
  double hours;

  @Option(names = "--at", defaultValue = "10:00", paramLabel = "HH:MM", description = "Leaving time (default: ${DEFAULT-VALUE}).")
  LocalTime at;

  @Option(names = "--desire", paramLabel = "D=W,...",
      description = "Desire weights, e.g. explore=0.7,move=0.2,rest=0.1 (default: your predicted desires; that example when the vault is empty).")
  String desire;

  @Option(names = "--places", defaultValue = "35", description = "Candidate places given to the solver (default: ${DEFAULT-VALUE}).")
  int places;

  @Option(names = "--seconds", defaultValue = "2", description = "Solver time limit (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; same seed, same trip (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    LatLon from = start;
    if (!(hours > 0 && hours <= 24)) {
      throw new InvalidInputException("--hours must be in (0, 24], was " + hours);
    }
    if (!(seconds > 0)) {
      throw new InvalidInputException("--seconds must be > 0, was " + seconds);
    }
    if (places < 1) {
      throw new InvalidInputException("--places must be >= 1, was " + places);
    }
    LocalTime leave = at;
    PrintWriter out = spec.commandLine().getOut();
    TripOffer offer;
    Map<DesireType, Double> weights;
    try (Autonomy autonomy = Session.open(spec); OsmMap osm = MapOptions.open(autonomy, map)) {
      Situation now = new Situation(ZonedDateTime.now(autonomy.clock()), Map.of("place", "outdoor"));
      // Places are scored by the person's own predicted desires unless they say otherwise.
      weights = desire != null ? MapOptions.weights(desire, "--desire")
          : autonomy.desireWeights(now).orElse(TripRequest.DEFAULT_WEIGHTS);
      TripRequest request = new TripRequest(from, Duration.ofSeconds(Math.round(hours * 3600)), leave, weights, places,
          seed, Duration.ofMillis(Math.round(seconds * 1000)));
      offer = autonomy.planTrip(osm, request, now);
    }
    Trip trip = offer.trip();
    Recommendation offered = offer.offered();
    if (json) {
      Map<String, Object> o = json(trip, weights);
      o.put("id", offered.id());
      Map<String, Integer> removed = new LinkedHashMap<>();
      offer.removedByRule().forEach((rule, names) -> removed.put(rule, names.size()));
      o.put("places_removed_by_rules", removed);
      Session.json(spec, o);
    } else {
      print(out, trip);
      offer.removedByRule().forEach((rule, names) -> out.printf(Locale.ROOT, "Left out by rule %s: %d places (%s)%n",
          rule, names.size(), String.join(", ", names.subList(0, Math.min(3, names.size())))
              + (names.size() > 3 ? ", ..." : "")));
      out.printf("Offered as %s: autonomy feedback %s --done --rating 1..5 (or --skipped)%n", offered.id(), offered.id());
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> json(Trip trip, Map<DesireType, Double> weights) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("map", trip.map());
    o.put("start", List.of(trip.start().lat(), trip.start().lon()));
    o.put("budget_minutes", trip.budgetMinutes());
    o.put("walk_minutes", round(trip.walkMinutes()));
    o.put("visit_minutes", round(trip.visitMinutes()));
    o.put("total_minutes", round(trip.totalMinutes()));
    o.put("return_walk_minutes", round(trip.returnWalkMinutes()));
    o.put("back_at", trip.back().toString());
    o.put("bound", trip.bound());
    Map<String, Double> w = new LinkedHashMap<>();
    weights.forEach((k, v) -> { if (v > 0) { w.put(k.code(), v); } });
    o.put("desire_weights", w);
    o.put("candidates", trip.candidates());
    o.put("solver", trip.solver());
    o.put("seed", trip.seed());
    List<Map<String, Object>> stops = new ArrayList<>();
    for (TripStop s : trip.stops()) {
      Map<String, Object> stop = new LinkedHashMap<>();
      stop.put("name", s.place().name());
      stop.put("category", s.place().category().code());
      stop.put("osm_id", s.place().osmId());
      stop.put("lat", s.place().at().lat());
      stop.put("lon", s.place().at().lon());
      stop.put("arrival", s.arrival().toString());
      stop.put("walk_minutes", round(s.walkMinutes()));
      stop.put("visit_minutes", s.visitMinutes());
      stop.put("score", round(s.score()));
      stop.put("why", s.why());
      stops.add(stop);
    }
    o.put("stops", stops);
    o.put("attribution", MapOptions.ATTRIBUTION);
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void print(PrintWriter out, Trip trip) {
    out.printf(Locale.ROOT, "Walking trip on %s from %s (%d candidate places, %s, seed %d)%n",
        trip.map(), trip.start(), trip.candidates(), trip.solver(), trip.seed());
    out.printf(Locale.ROOT, "%3s  %-6s %6s %6s  %-36s %-10s %s%n", "#", "arrive", "walk", "stay", "place", "category", "why");
    int i = 1;
    for (TripStop s : trip.stops()) {
      out.printf(Locale.ROOT, "%3d  %-6s %3.0f min %3d min  %-36s %-10s %s%n", i++,
          s.arrival().toString().substring(0, 5), s.walkMinutes(), s.visitMinutes(), clip(s.place().name(), 36),
          s.place().category().code(), s.why());
    }
    out.printf(Locale.ROOT, "Back at the start at %s (%.0f min walk back).%n", trip.back(), trip.returnWalkMinutes());
    out.printf(Locale.ROOT, "Walking %.0f min + visits %.0f min = %.0f of %.0f min.%n",
        trip.walkMinutes(), trip.visitMinutes(), trip.totalMinutes(), trip.budgetMinutes());
    out.println("Bound: " + trip.bound());
    out.println(MapOptions.ATTRIBUTION);
  }

  static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }
}
