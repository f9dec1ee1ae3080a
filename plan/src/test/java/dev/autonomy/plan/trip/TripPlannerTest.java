package dev.autonomy.plan.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.plan.map.Place;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TripPlannerTest {
  static final LatLon MONACO = new LatLon(43.7384, 7.4246);
  @TempDir static Path cache;
  static OsmMap map;

  @BeforeAll
  static void open() {
    Optional<Path> file = SharedData.dataset("osm-graphhopper/monaco.osm.gz");
    assumeTrue(file.isPresent(), "needs ../shared/data/osm-graphhopper/monaco.osm.gz");
    map = OsmMap.open(file.get(), cache);
  }

  @AfterAll
  static void close() {
    if (map != null) {
      map.close();
    }
  }

  @Test
  void trip_fitsItsBudgetAndVisitsEachPlaceOnce() {
    for (int hours : new int[] {1, 3, 6}) {
      Trip trip = new TripPlanner(map).plan(TripRequest.of(MONACO, Duration.ofHours(hours), 7));
      assertThat(trip.stops()).isNotEmpty();
      assertThat(trip.totalMinutes()).isLessThanOrEqualTo(hours * 60.0 + 1e-6);
      Set<String> ids = new HashSet<>();
      double walked = 0;
      double visited = 0;
      LocalTime last = LocalTime.of(10, 0);
      for (TripStop stop : trip.stops()) {
        assertThat(ids.add(stop.place().osmId())).as("visited once: %s", stop.place()).isTrue();
        assertThat(stop.arrival()).isAfterOrEqualTo(last);
        assertThat(stop.why()).isNotBlank();
        last = stop.arrival();
        walked += stop.walkMinutes();
        visited += stop.visitMinutes();
      }
      assertThat(walked + trip.returnWalkMinutes()).isCloseTo(trip.walkMinutes(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(visited).isCloseTo(trip.visitMinutes(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(trip.bound()).isNotBlank();
    }
  }

  @Test
  void trip_moreTimeCollectsAtLeastAsMuch() {
    double shortScore = score(new TripPlanner(map).plan(TripRequest.of(MONACO, Duration.ofHours(2), 1)));
    double longScore = score(new TripPlanner(map).plan(TripRequest.of(MONACO, Duration.ofHours(6), 1)));
    assertThat(longScore).isGreaterThan(shortScore);
  }

  @Test
  void trip_followsTheDesireWeights() {
    TripRequest rest = new TripRequest(MONACO, Duration.ofHours(2), LocalTime.NOON, Map.of(DesireType.REST, 1.0), 35, 1, Duration.ofSeconds(1));
    Trip trip = new TripPlanner(map).plan(rest);
    assertThat(trip.stops()).extracting(s -> s.place().category().serves(DesireType.REST)).allMatch(v -> v > 0);
  }

  @Test
  void trip_rejectsAStartOffTheMap() {
    assertThatThrownBy(() -> new TripPlanner(map).plan(TripRequest.of(new LatLon(0, 0), Duration.ofHours(2), 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("start");
  }

  @Test
  void score_weighsCategoriesByDesire() {
    Place museum = map.places().stream().filter(p -> p.named() && p.category().code().equals("museum")).findFirst().orElseThrow();
    TripRequest explore = new TripRequest(MONACO, Duration.ofHours(1), LocalTime.NOON, Map.of(DesireType.EXPLORE, 1.0), 5, 1, Duration.ofSeconds(1));
    assertThat(TripPlanner.score(museum, explore)).isEqualTo(1.0);
  }

  private static double score(Trip trip) {
    return trip.stops().stream().mapToDouble(TripStop::score).sum();
  }
}
