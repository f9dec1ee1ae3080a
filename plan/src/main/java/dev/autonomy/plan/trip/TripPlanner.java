package dev.autonomy.plan.trip;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.Mode;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.map.Place;
import dev.autonomy.plan.map.TravelMatrix;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Plans a walking trip as an orienteering problem: nodes are the start, the best candidate places
 * and the start again as the end; a place's prize is its desire-weighted score; the cost of an arc
 * is the walking time (the slower direction, so the plan holds both ways) plus half the visit time
 * at each end, so a route's cost is its walking plus its visits.
 */
public final class TripPlanner {
  /** Unnamed places (a bench marked only "viewpoint") count this much of a named one. */
  static final double UNNAMED_FACTOR = 0.6;
  /** Straight-line metres are multiplied by this to guess walking metres when picking candidates. */
  private static final double DETOUR = 1.3;
  private static final double WALK_METERS_PER_MINUTE = 80;

  private final OsmMap map;
  private final OrienteeringSolver solver;

  public TripPlanner(OsmMap map) {
    this(map, new AntColonySolver());
  }

  TripPlanner(OsmMap map, OrienteeringSolver solver) {
    this.map = map;
    this.solver = solver;
  }

  /**
   * Plans the trip.
   *
   * @throws InvalidInputException if the start is off the map or no place is within reach
   */
  public Trip plan(TripRequest request) {
    return plan(request, place -> true);
  }

  /**
   * Plans the trip among the places {@code allowed} accepts only: the person's rules ("never
   * museum") remove places before the solver sees them, so no stop can break one.
   *
   * @throws InvalidInputException if the start is off the map or no allowed place is within reach
   */
  public Trip plan(TripRequest request, Predicate<Place> allowed) {
    map.requireOnMap(request.start(), "start");
    double budget = request.budget().toSeconds() / 60.0;
    List<Place> candidates = candidates(request, budget, allowed);
    if (candidates.isEmpty()) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "no place to visit on the map '%s' is within reach of %s in %.0f minutes%s", map.name(), request.start(), budget,
          map.places().stream().anyMatch(allowed.negate()) ? " among those your rules allow" : ""));
    }
    List<LatLon> points = new ArrayList<>();
    points.add(request.start());
    candidates.forEach(p -> points.add(p.at()));
    TravelMatrix walk = map.matrix(Mode.FOOT, points);

    // keep the places the start reaches both ways
    List<Integer> keep = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      if (Double.isFinite(walk.seconds()[0][i]) && Double.isFinite(walk.seconds()[i][0])) {
        keep.add(i);
      }
    }
    int n = keep.size() + 2;
    int end = n - 1;
    int[] matrixIndex = new int[n];
    matrixIndex[0] = 0;
    matrixIndex[end] = 0;
    for (int k = 0; k < keep.size(); k++) {
      matrixIndex[k + 1] = keep.get(k);
    }
    double[] visit = new double[n];
    double[] prize = new double[n];
    Place[] place = new Place[n];
    for (int k = 1; k < end; k++) {
      place[k] = candidates.get(matrixIndex[k] - 1);
      visit[k] = place[k].category().visitMinutes();
      prize[k] = 100 * score(place[k], request);
    }
    double[][] walkMinutes = new double[n][n];
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int a = matrixIndex[i];
        int b = matrixIndex[j];
        double w = a == b ? 0 : Math.max(walk.seconds()[a][b], walk.seconds()[b][a]) / 60.0;
        if (!Double.isFinite(w)) {
          w = 1e6; // unreachable pair between two places: never chosen within a budget
        }
        walkMinutes[i][j] = w;
        cost[i][j] = i == j ? 0 : w + visit[i] / 2 + visit[j] / 2;
      }
    }
    int[] route = solver.solve(cost, prize, 0, end, budget, request.solverTime(), request.seed());
    route = checked(route, cost, budget, 0, end);

    List<TripStop> stops = new ArrayList<>();
    double clock = 0;
    double walked = 0;
    double visited = 0;
    for (int r = 1; r < route.length - 1; r++) {
      int from = route[r - 1];
      int at = route[r];
      double legWalk = walkMinutes[from][at];
      clock += legWalk;
      walked += legWalk;
      LocalTime arrival = request.startAt().plusSeconds(Math.round(clock * 60));
      stops.add(new TripStop(place[at], arrival, legWalk, (int) visit[at], prize[at] / 100, why(place[at], request)));
      clock += visit[at];
      visited += visit[at];
    }
    double back = walkMinutes[route[route.length - 2]][end];
    walked += back;
    clock += back;
    String bound = bound(route, cost, prize, budget, walked + visited);
    return new Trip(map.name(), request.start(), stops, walked, visited, budget, back,
        request.startAt().plusSeconds(Math.round(clock * 60)), bound, n - 2, solver.name(), request.seed());
  }

  /** The best places by score per distance that could be reached and left within the budget. */
  private List<Place> candidates(TripRequest request, double budget, Predicate<Place> allowed) {
    record Scored(Place place, double meters, double rank) {}
    List<Scored> scored = new ArrayList<>();
    for (Place p : map.places()) {
      if (!allowed.test(p)) {
        continue;
      }
      double meters = request.start().metersTo(p.at());
      double minutes = 2 * meters * DETOUR / WALK_METERS_PER_MINUTE + p.category().visitMinutes();
      double s = score(p, request);
      if (minutes <= budget && s > 0) {
        scored.add(new Scored(p, meters, s / (1 + meters / 2000)));
      }
    }
    return scored.stream()
        .sorted(Comparator.comparingDouble(Scored::rank).reversed().thenComparing(s -> s.place().osmId()))
        .limit(request.maxPlaces())
        .map(Scored::place)
        .toList();
  }

  /** Desire-weighted score of a place, 0..1 for weights summing to 1. */
  static double score(Place place, TripRequest request) {
    double s = 0;
    for (DesireType d : DesireType.values()) {
      s += request.desireWeights().get(d) * place.category().serves(d);
    }
    return place.named() ? s : s * UNNAMED_FACTOR;
  }

  private static String why(Place place, TripRequest request) {
    List<String> parts = new ArrayList<>();
    DesireType[] types = DesireType.values();
    List<DesireType> order = new ArrayList<>(List.of(types));
    order.sort(Comparator.comparingDouble(
        (DesireType d) -> -request.desireWeights().get(d) * place.category().serves(d)));
    for (DesireType d : order) {
      double w = request.desireWeights().get(d);
      double serves = place.category().serves(d);
      if (w * serves > 0) {
        parts.add(String.format(Locale.ROOT, "%s %.2f x %s %.2f", d.code(), w, place.category().code(), serves));
      }
    }
    String text = String.join(" + ", parts);
    if (!place.named()) {
      text += String.format(Locale.ROOT, " (x%.1f: unnamed on the map)", UNNAMED_FACTOR);
    }
    return text;
  }

  /** Verifies the solver's route: start first, end last, each place once, within the budget. */
  static int[] checked(int[] route, double[][] cost, double budget, int start, int end) {
    if (route.length < 2 || route[0] != start || route[route.length - 1] != end) {
      throw new IllegalStateException("solver returned a route that does not run from start to end");
    }
    boolean[] seen = new boolean[cost.length];
    double length = 0;
    for (int i = 0; i < route.length; i++) {
      if (seen[route[i]]) {
        throw new IllegalStateException("solver visited node " + route[i] + " twice");
      }
      seen[route[i]] = true;
      if (i > 0) {
        length += cost[route[i - 1]][route[i]];
      }
    }
    if (length > budget + 1e-6) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "solver returned a route of %.1f minutes over the %.1f-minute budget", length, budget));
    }
    return route;
  }

  private static String bound(int[] route, double[][] cost, double[] prize, double budget, double used) {
    boolean[] on = new boolean[prize.length];
    for (int v : route) {
      on[v] = true;
    }
    double cheapest = Double.POSITIVE_INFINITY;
    int left = 0;
    for (int v = 0; v < prize.length; v++) {
      if (on[v] || prize[v] <= 0) {
        continue;
      }
      left++;
      for (int k = 1; k < route.length; k++) {
        int a = route[k - 1];
        int b = route[k];
        cheapest = Math.min(cheapest, cost[a][v] + cost[v][b] - cost[a][b]);
      }
    }
    if (left == 0) {
      return String.format(Locale.ROOT,
          "none: every candidate place fits (%.0f of %.0f minutes used)", used, budget);
    }
    return String.format(Locale.ROOT,
        "time budget: %.0f of %.0f minutes used; the cheapest of the %d places left needs %.0f more",
        used, budget, left, cheapest);
  }
}
