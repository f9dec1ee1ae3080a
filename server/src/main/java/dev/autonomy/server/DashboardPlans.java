package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.engine.files.LocalFiles;
import dev.autonomy.engine.plan.RunOffer;
import dev.autonomy.engine.plan.TripOffer;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Mode;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.run.RunLoop;
import dev.autonomy.plan.run.RunRequest;
import dev.autonomy.plan.trip.Trip;
import dev.autonomy.plan.trip.TripRequest;
import dev.autonomy.plan.trip.TripStop;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trips and running loops planned from the page, on a map the person put in the vault's
 * {@code maps} folder (where {@code autonomy plan ... --map NAME} also looks): a request names the
 * map by its file name only, never a path, so no request reads a file anywhere else. Each plan is
 * offered and logged like any recommendation; the answer carries the coordinates the page draws.
 */
final class DashboardPlans {
  /** The vault's folder of maps: OSM files the person put there, and the graphs cached from them. */
  static final String MAPS = LocalFiles.MAPS;
  /** A map's file name: no separator, no leading dot, an OSM extension. */
  private static final Pattern MAP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(osm|osm\\.gz|osm\\.pbf|pbf)");
  /** Seed of the plans made from the page: same map, start and size, same plan. */
  private static final long SEED = 1;

  private final Endpoints endpoints;

  DashboardPlans(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** The body of {@code POST /plans/run}: the map's file name, the start ({@code "43.7384,7.4246"}) and the km. */
  record RunBody(String map, String start, Number km) {}

  /** The body of {@code POST /plans/trip}: the map's file name, the start and the hours available. */
  record TripBody(String map, String start, Number hours) {}

  void register(ScopedRoutes routes) {
    routes.get("/plans/maps", Scope.PLANS, RouteDoc.of("The OpenStreetMap files in the vault's maps folder",
        ApiSchemas.obj("the maps by file name")), ctx -> ctx.json(Map.of("maps", endpoints.locked(DashboardPlans::maps))));
    routes.post("/plans/run", Scope.PLANS, RouteDoc.of("A running loop on a map, under the person's rules",
        ApiSchemas.obj("the loop, its coordinates and its recommendation id"))
        .body(ApiSchemas.obj("where and how far", "map", ApiSchemas.str(), "start", ApiSchemas.str(), "km",
            ApiSchemas.num())), this::run);
    routes.post("/plans/trip", Scope.PLANS, RouteDoc.of("A walking trip among places on a map, under the person's rules",
        ApiSchemas.obj("the trip, its stops and its recommendation id"))
        .body(ApiSchemas.obj("where and how long", "map", ApiSchemas.str(), "start", ApiSchemas.str(), "hours",
            ApiSchemas.num())), this::trip);
  }

  private static List<String> maps(Autonomy a) {
    Path folder = a.files().maps();
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> MAP_NAME.matcher(n).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the maps in " + folder + ": " + e.getMessage(), e);
    }
  }

  private void run(Context ctx) {
    RunBody body = JsonBody.read(ctx, RunBody.class, "{\"map\":\"monaco.osm.gz\",\"start\":\"43.7384,7.4246\",\"km\":5}",
        List.of(mapCheck(RunBody::map), new JsonBody.Check<>("km", b -> b.km() != null, "km must be a number in [0.2, 200]"),
            new JsonBody.Check<>("start", b -> b.start() != null, "start must be \"LAT,LON\"")));
    LatLon start = LatLon.parse(body.start(), "start");
    RunRequest request = new RunRequest(start, body.km().doubleValue(), Mode.FOOT, SEED, 12);
    RunOffer offer = endpoints.locked(a -> {
      try (OsmMap map = open(a, body.map())) {
        return a.planRun(map, request, now(a));
      }
    });
    RunLoop loop = offer.loop();
    Map<String, Object> out = offered(offer.offered().id(), offer.offered().option().name(),
        offer.offered().explanation().summary(), loop.map(), start);
    out.put("km", loop.meters() / 1000);
    out.put("points", loop.points().stream().map(p -> List.of(p.lat(), p.lon())).toList());
    ScopedRoutes.detail(ctx, "run planned " + offer.offered().id());
    ctx.json(out);
  }

  private void trip(Context ctx) {
    TripBody body = JsonBody.read(ctx, TripBody.class, "{\"map\":\"monaco.osm.gz\",\"start\":\"43.7384,7.4246\",\"hours\":2}",
        List.of(mapCheck(TripBody::map),
            new JsonBody.Check<>("hours", b -> b.hours() != null && b.hours().doubleValue() > 0 && b.hours().doubleValue() <= 24,
                "hours must be a number in (0, 24]"),
            new JsonBody.Check<>("start", b -> b.start() != null, "start must be \"LAT,LON\"")));
    LatLon start = LatLon.parse(body.start(), "start");
    TripOffer offer = endpoints.locked(a -> {
      Situation outdoors = now(a).with("place", "outdoor");
      TripRequest request = new TripRequest(start, Duration.ofSeconds(Math.round(body.hours().doubleValue() * 3600)),
          outdoors.at().toLocalTime(), a.desireWeights(outdoors).orElse(TripRequest.DEFAULT_WEIGHTS), 35, SEED,
          Duration.ofSeconds(1));
      try (OsmMap map = open(a, body.map())) {
        return a.planTrip(map, request, outdoors);
      }
    });
    Trip trip = offer.trip();
    Map<String, Object> out = offered(offer.offered().id(), offer.offered().option().name(),
        offer.offered().explanation().summary(), trip.map(), start);
    List<Map<String, Object>> stops = new ArrayList<>();
    for (TripStop stop : trip.stops()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", stop.place().name());
      s.put("at", List.of(stop.place().at().lat(), stop.place().at().lon()));
      s.put("arrival", stop.arrival().toString());
      s.put("why", stop.why());
      stops.add(s);
    }
    out.put("stops", stops);
    out.put("removed_by_rule", offer.removedByRule());
    ScopedRoutes.detail(ctx, "trip planned " + offer.offered().id());
    ctx.json(out);
  }

  private static <T> JsonBody.Check<T> mapCheck(Function<T, String> map) {
    return new JsonBody.Check<>("map", b -> map.apply(b) != null && MAP_NAME.matcher(map.apply(b)).matches(),
        "map must be the file name of an OSM file in the vault's maps folder, like monaco.osm.gz");
  }

  /** The map {@code name} in the vault's maps folder, its graph cached beside it (in memory when the vault is encrypted). */
  private static OsmMap open(Autonomy a, String name) {
    Path folder = a.files().maps();
    Path file = folder.resolve(name);
    if (!file.getParent().equals(folder) || !Files.isRegularFile(file)) {
      throw new InvalidInputException("map '" + name + "' is not in " + folder + "; put the OSM file there (maps: "
          + maps(a) + ")");
    }
    return a.files().openMap(file);
  }

  private static Situation now(Autonomy a) {
    return new Situation(ZonedDateTime.now(a.clock()), Map.of());
  }

  private static Map<String, Object> offered(String id, String name, String summary, String map, LatLon start) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("name", name);
    out.put("summary", summary);
    out.put("map", map);
    out.put("start", List.of(start.lat(), start.lon()));
    return out;
  }
}
