package dev.autonomy.plan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.plan.map.LatLon;
import dev.autonomy.plan.map.OsmMap;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlannerTest {
  static final LatLon ANDORRA = new LatLon(42.5078, 1.5211);
  @TempDir static Path cache;
  static OsmMap map;

  @BeforeAll
  static void open() {
    Optional<Path> file = SharedData.dataset("osm-graphhopper/andorra.osm.pbf");
    assumeTrue(file.isPresent(), "needs ../shared/data/osm-graphhopper/andorra.osm.pbf");
    map = OsmMap.open(file.get(), cache);
  }

  @AfterAll
  static void close() {
    if (map != null) {
      map.close();
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 1", "5, 2", "5, 3", "3, 4", "10, 5"})
  void loop_isWithinTenPercentOfTheDistanceAndClosed(double km, long seed) {
    RunLoop loop = new RunPlanner(map).plan(RunRequest.of(ANDORRA, km, seed));
    assertThat(loop.meters()).isBetween(km * 1000 * 0.9, km * 1000 * 1.1);
    assertThat(loop.withinTolerance()).isTrue();
    assertThat(loop.points().get(0).metersTo(ANDORRA)).isLessThan(OsmMap.MAX_SNAP_METERS);
    assertThat(loop.points().get(0).metersTo(loop.points().get(loop.points().size() - 1))).isLessThan(1.0);
    assertThat(loop.repeatedShare()).isBetween(0.0, 0.5);
  }

  @Test
  void loop_sameSeedSameLoop() {
    RunLoop a = new RunPlanner(map).plan(RunRequest.of(ANDORRA, 5, 9));
    RunLoop b = new RunPlanner(map).plan(RunRequest.of(ANDORRA, 5, 9));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void gpx_holdsEveryPoint() {
    RunLoop loop = new RunPlanner(map).plan(RunRequest.of(ANDORRA, 3, 1));
    String gpx = loop.toGpx(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(gpx).startsWith("<?xml").contains("<gpx version=\"1.1\"").endsWith("</gpx>\n");
    assertThat(gpx.split("<trkpt ", -1)).hasSize(loop.points().size() + 1);
  }

  @Test
  void loop_rejectsAStartOffTheMap() {
    assertThatThrownBy(() -> new RunPlanner(map).plan(RunRequest.of(new LatLon(43.7384, 7.4246), 5, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("off the map 'andorra'");
  }
}
