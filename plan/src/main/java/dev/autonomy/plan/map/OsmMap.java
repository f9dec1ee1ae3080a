package dev.autonomy.plan.map;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.Profile;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.Parameters;
import com.graphhopper.util.PointList;
import com.graphhopper.util.details.PathDetail;
import com.graphhopper.util.exceptions.PointNotFoundException;
import com.graphhopper.util.shapes.BBox;
import com.graphhopper.util.shapes.GHPoint;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A routable OpenStreetMap extract: a GraphHopper graph with foot and bike profiles, built once per
 * file content and cached in {@code <cacheRoot>/<name>-<hash>/}, plus the places to visit read from
 * the map's tags. Close it to release the graph.
 */
public final class OsmMap implements AutoCloseable {
  /** Farther than this from any road, a point counts as off the map. */
  public static final double MAX_SNAP_METERS = 500;

  private static final String PLACES_FILE = "places.tsv";
  private static final String DONE_FILE = "autonomy-map.done";
  private static final String ENCODED_VALUES =
      "foot_access, foot_priority, foot_average_speed, hike_rating, mtb_rating, "
          + "bike_access, bike_priority, bike_average_speed, roundabout";

  private final GraphHopper hopper;
  private final Path folder;
  private final String name;
  private final boolean builtNow;
  private final List<Place> places;
  private final boolean inMemory;

  private OsmMap(GraphHopper hopper, Path folder, String name, boolean builtNow, List<Place> places, boolean inMemory) {
    this.hopper = hopper;
    this.folder = folder;
    this.name = name;
    this.builtNow = builtNow;
    this.places = places;
    this.inMemory = inMemory;
  }

  /**
   * Opens the map of {@code osmFile}, building its graph under {@code cacheRoot} the first time
   * this file content is seen and loading it afterwards.
   *
   * @throws InvalidInputException if the file is missing or is not an OSM file
   */
  public static OsmMap open(Path osmFile, Path cacheRoot) {
    OsmFiles.requireOsm(osmFile);
    String name = OsmFiles.baseName(osmFile);
    Path folder = cacheRoot.resolve(name + "-" + OsmFiles.contentHash(osmFile));
    boolean builtNow = false;
    if (!Files.isRegularFile(folder.resolve(DONE_FILE))) {
      build(osmFile, cacheRoot, folder);
      builtNow = true;
    }
    GraphHopper hopper = configure(folder);
    if (!hopper.load()) {
      throw new AutonomyFailure("cached map graph in " + folder + " cannot be loaded; delete the folder to rebuild it");
    }
    try {
      return new OsmMap(hopper, folder, name, builtNow, PlaceReader.load(folder.resolve(PLACES_FILE)), false);
    } catch (IOException e) {
      hopper.close();
      throw new AutonomyFailure("cached places in " + folder + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the map of {@code osmFile} with its graph built in memory and nothing written to disk that
   * outlives it (an encrypted vault's maps: a cached graph would name the area the person plans in).
   * Costs a build each time (under a second for a city extract, see docs/benchmarks.md).
   * GraphHopper still wants a folder; it gets a new owner-only one in the system's temporary folder,
   * which holds no graph and is deleted on {@link #close}.
   *
   * @throws InvalidInputException if the file is missing or is not an OSM file
   */
  public static OsmMap inMemory(Path osmFile) {
    OsmFiles.requireOsm(osmFile);
    Path folder;
    try {
      folder = Files.createTempDirectory("autonomy-map-");
    } catch (IOException e) {
      throw new AutonomyFailure("cannot create a temporary folder for the map graph: " + e.getMessage(), e);
    }
    GraphHopper hopper = configure(folder).setStoreOnFlush(false).setOSMFile(osmFile.toString());
    boolean ok = false;
    try {
      List<Place> places = PlaceReader.read(osmFile);
      try {
        hopper.importOrLoad();
      } catch (RuntimeException e) {
        throw new InvalidInputException(osmFile + ": cannot build a route graph: " + e.getMessage(), e);
      }
      OsmMap map = new OsmMap(hopper, folder, OsmFiles.baseName(osmFile), true, places, true);
      ok = true;
      return map;
    } finally {
      if (!ok) {
        hopper.close();
        deleteQuietly(folder);
      }
    }
  }

  /** Builds into a temporary folder beside the target and moves it in place when complete. */
  private static void build(Path osmFile, Path cacheRoot, Path folder) {
    Path temp;
    try {
      Files.createDirectories(cacheRoot);
      temp = Files.createTempDirectory(cacheRoot, folder.getFileName() + ".building-");
    } catch (IOException e) {
      throw new AutonomyFailure("cannot create map cache under " + cacheRoot + ": " + e.getMessage(), e);
    }
    try {
      List<Place> places = PlaceReader.read(osmFile);
      GraphHopper hopper = configure(temp).setOSMFile(osmFile.toString());
      try {
        hopper.importOrLoad();
      } catch (RuntimeException e) {
        throw new InvalidInputException(osmFile + ": cannot build a route graph: " + e.getMessage(), e);
      } finally {
        hopper.close();
      }
      PlaceReader.write(places, temp.resolve(PLACES_FILE));
      Files.writeString(temp.resolve(DONE_FILE), osmFile.getFileName() + "\n");
      try {
        Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
        if (!Files.isRegularFile(folder.resolve(DONE_FILE))) {
          throw e;
        }
        // another process finished the same map first; use theirs
      }
    } catch (IOException e) {
      throw new AutonomyFailure("cannot write map cache " + folder + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static GraphHopper configure(Path folder) {
    GraphHopper hopper = new GraphHopper();
    hopper.setGraphHopperLocation(folder.toString());
    hopper.setEncodedValuesString(ENCODED_VALUES);
    List<Profile> profiles = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      profiles.add(new Profile(mode.profile()).setCustomModel(GHUtility.loadCustomModelFromJar(mode.customModelResource())));
    }
    hopper.setProfiles(profiles);
    return hopper;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // leave it; a later build uses a new temporary folder
    }
  }

  /** The folder the graph is cached in (for a graph {@link #inMemory}: the empty folder GraphHopper was given). */
  public Path folder() {
    return folder;
  }

  /** The map's name (the file name without extensions). */
  public String name() {
    return name;
  }

  /** Whether this call built the graph (false: it was loaded from the cache). */
  public boolean builtNow() {
    return builtNow;
  }

  /** Every place to visit the map tags, in file order. */
  public List<Place> places() {
    return places;
  }

  /** Whether the map has elevation (these extracts do not; climbs are then unknown). */
  boolean hasElevation() {
    return hopper.hasElevation();
  }

  /**
   * Checks that {@code point} is on the map: inside its bounds and within {@link
   * #MAX_SNAP_METERS} of a road.
   *
   * @return the distance in metres to the nearest road
   * @throws InvalidInputException naming {@code what} when it is not
   */
  public double requireOnMap(LatLon point, String what) {
    BBox bounds = hopper.getBaseGraph().getBounds();
    String box = String.format(Locale.ROOT, "lat %.4f..%.4f, lon %.4f..%.4f",
        bounds.minLat, bounds.maxLat, bounds.minLon, bounds.maxLon);
    if (!bounds.contains(point.lat(), point.lon())) {
      throw new InvalidInputException(what + " " + point + " is off the map '" + name + "' (" + box + ")");
    }
    Snap snap = hopper.getLocationIndex().findClosest(point.lat(), point.lon(), edge -> true);
    if (!snap.isValid() || snap.getQueryDistance() > MAX_SNAP_METERS) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "%s %s has no road within %.0f m on the map '%s' (%s)", what, point, MAX_SNAP_METERS, name, box));
    }
    return snap.getQueryDistance();
  }

  /**
   * The best route through {@code points} in order.
   *
   * @throws InvalidInputException if a point is off the map or no route connects them
   */
  public Leg route(Mode mode, List<LatLon> points) {
    GHRequest request = new GHRequest(points.stream().map(p -> new GHPoint(p.lat(), p.lon())).toList())
        .setProfile(mode.profile())
        .setPathDetails(List.of(Parameters.Details.EDGE_ID));
    request.putHint(Parameters.Routing.INSTRUCTIONS, false);
    return leg(request, "route through " + points);
  }

  /**
   * GraphHopper's round trip: a loop from {@code start} of about {@code meters}, heading roughly
   * {@code headingDegrees} (NaN for any), varied by {@code seed}; it avoids the edges it already
   * used where it can.
   */
  public Leg roundTrip(Mode mode, LatLon start, double meters, long seed, double headingDegrees) {
    GHRequest request = new GHRequest(List.of(new GHPoint(start.lat(), start.lon())))
        .setProfile(mode.profile())
        .setAlgorithm(Parameters.Algorithms.ROUND_TRIP)
        .setPathDetails(List.of(Parameters.Details.EDGE_ID));
    if (!Double.isNaN(headingDegrees)) {
      request.setHeadings(List.of(headingDegrees));
    }
    request.putHint(Parameters.Algorithms.RoundTrip.DISTANCE, meters);
    request.putHint(Parameters.Algorithms.RoundTrip.SEED, seed);
    request.putHint(Parameters.Routing.INSTRUCTIONS, false);
    return leg(request, "round trip from " + start);
  }

  private Leg leg(GHRequest request, String what) {
    GHResponse response = hopper.route(request);
    if (response.hasErrors()) {
      Throwable first = response.getErrors().get(0);
      if (first instanceof PointNotFoundException || first instanceof IllegalArgumentException) {
        throw new InvalidInputException(what + " on map '" + name + "': " + first.getMessage());
      }
      throw new InvalidInputException(what + " on map '" + name + "' failed: " + first.getMessage());
    }
    ResponsePath path = response.getBest();
    PointList pl = path.getPoints();
    List<LatLon> points = new ArrayList<>(pl.size());
    for (int i = 0; i < pl.size(); i++) {
      points.add(new LatLon(pl.getLat(i), pl.getLon(i)));
    }
    List<Leg.Segment> segments = new ArrayList<>();
    for (PathDetail detail : path.getPathDetails().getOrDefault(Parameters.Details.EDGE_ID, List.of())) {
      double meters = 0;
      for (int i = detail.getFirst(); i < detail.getLast(); i++) {
        meters += points.get(i).metersTo(points.get(i + 1));
      }
      segments.add(new Leg.Segment(((Number) detail.getValue()).intValue(), meters));
    }
    double ascend = hopper.hasElevation() ? path.getAscend() : Double.NaN;
    return new Leg(path.getDistance(), path.getTime() / 1000.0, ascend, points, segments);
  }

  /**
   * Travel times and lengths between every ordered pair of {@code points}, one route per pair;
   * pairs no route connects are infinite.
   */
  public TravelMatrix matrix(Mode mode, List<LatLon> points) {
    int n = points.size();
    double[][] seconds = new double[n][n];
    double[][] meters = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        GHRequest request = new GHRequest(
            new GHPoint(points.get(i).lat(), points.get(i).lon()),
            new GHPoint(points.get(j).lat(), points.get(j).lon()))
            .setProfile(mode.profile());
        request.putHint(Parameters.Routing.INSTRUCTIONS, false);
        request.putHint(Parameters.Routing.CALC_POINTS, false);
        GHResponse response = hopper.route(request);
        if (response.hasErrors()) {
          seconds[i][j] = Double.POSITIVE_INFINITY;
          meters[i][j] = Double.POSITIVE_INFINITY;
        } else {
          seconds[i][j] = response.getBest().getTime() / 1000.0;
          meters[i][j] = response.getBest().getDistance();
        }
      }
    }
    return new TravelMatrix(points, seconds, meters);
  }

  @Override
  public void close() {
    hopper.close();
    if (inMemory) {
      deleteQuietly(folder);
    }
  }

  /** Whether the graph lives in memory only ({@link #inMemory}), not in a cache folder. */
  public boolean isInMemory() {
    return inMemory;
  }

  @Override
  public String toString() {
    return "OsmMap[" + name + ", " + places.size() + " places, " + folder + "]";
  }

}
