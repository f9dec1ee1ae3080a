package dev.autonomy.plan.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmMapTest {
  static Path osm(String name) {
    Optional<Path> file = SharedData.dataset("osm-graphhopper/" + name);
    assumeTrue(file.isPresent(), "needs ../shared/data/osm-graphhopper/" + name);
    return file.get();
  }

  @Test
  void open_buildsOnceThenLoadsFromTheCacheFolder(@TempDir Path cache) throws IOException {
    Path monaco = osm("monaco.osm.gz");
    Path first;
    List<Place> places;
    try (OsmMap map = OsmMap.open(monaco, cache)) {
      assertThat(map.builtNow()).isTrue();
      first = map.folder();
      places = map.places();
      assertThat(first.getParent()).isEqualTo(cache);
      assertThat(first.getFileName().toString()).matches("monaco-[0-9a-f]{16}");
    }
    long modified = Files.getLastModifiedTime(first.resolve("places.tsv")).toMillis();
    try (OsmMap map = OsmMap.open(monaco, cache)) {
      assertThat(map.builtNow()).isFalse();
      assertThat(map.folder()).isEqualTo(first);
      assertThat(map.places()).isEqualTo(places);
    }
    assertThat(Files.getLastModifiedTime(first.resolve("places.tsv")).toMillis()).isEqualTo(modified);
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries.toList()).containsExactly(first); // no second build, no leftovers
    }
  }

  @Test
  void inMemory_routesLikeTheCachedGraphAndLeavesNothingOnDisk(@TempDir Path cache) throws IOException {
    Path monaco = osm("monaco.osm.gz");
    LatLon a = new LatLon(43.7384, 7.4246);
    LatLon b = new LatLon(43.7311, 7.4197);
    Leg cachedLeg;
    List<Place> cachedPlaces;
    try (OsmMap map = OsmMap.open(monaco, cache)) {
      cachedLeg = map.route(Mode.FOOT, List.of(a, b));
      cachedPlaces = map.places();
    }
    Path folder;
    try (OsmMap map = OsmMap.inMemory(monaco)) {
      folder = map.folder();
      assertThat(map.isInMemory()).isTrue();
      // the cache keeps coordinates to 6 decimals; the same places, in the same order
      assertThat(map.places()).extracting(Place::osmId).isEqualTo(cachedPlaces.stream().map(Place::osmId).toList());
      assertThat(map.places()).extracting(Place::name).isEqualTo(cachedPlaces.stream().map(Place::name).toList());
      Leg leg = map.route(Mode.FOOT, List.of(a, b));
      assertThat(leg.meters()).isCloseTo(cachedLeg.meters(), offset(0.5));
      // GraphHopper keeps the graph in memory: nothing of it in the folder it was given
      try (Stream<Path> entries = Files.walk(folder)) {
        assertThat(entries.filter(Files::isRegularFile).filter(f -> {
          try {
            return Files.size(f) > 0;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).toList()).isEmpty();
      }
    }
    assertThat(folder).doesNotExist();
  }

  @Test
  void places_comeFromTheMapsTagsWithCategories(@TempDir Path cache) {
    try (OsmMap map = OsmMap.open(osm("monaco.osm.gz"), cache)) {
      assertThat(map.places()).hasSizeGreaterThan(10);
      assertThat(map.places()).extracting(Place::category)
          .contains(PlaceCategory.MUSEUM, PlaceCategory.PARK, PlaceCategory.CAFE, PlaceCategory.VIEWPOINT);
      assertThat(map.places()).extracting(Place::name).contains("Palais Princier de Monaco");
      assertThat(map.places()).extracting(Place::osmId).doesNotHaveDuplicates();
      for (Place p : map.places()) {
        assertThat(p.at().lat()).isBetween(43.7, 43.76);
        assertThat(p.at().lon()).isBetween(7.39, 7.45);
      }
    }
  }

  @Test
  void pbf_buildsAndRoutesOnFootAndBike(@TempDir Path cache) {
    try (OsmMap map = OsmMap.open(osm("andorra.osm.pbf"), cache)) {
      LatLon a = new LatLon(42.5078, 1.5211);
      LatLon b = new LatLon(42.5060, 1.5300);
      Leg foot = map.route(Mode.FOOT, List.of(a, b));
      Leg bike = map.route(Mode.BIKE, List.of(a, b));
      assertThat(foot.meters()).isGreaterThan(a.metersTo(b) * 0.9);
      assertThat(bike.seconds()).isLessThan(foot.seconds());
      TravelMatrix m = map.matrix(Mode.FOOT, List.of(a, b));
      assertThat(m.seconds()[0][1]).isEqualTo(foot.seconds(), org.assertj.core.data.Offset.offset(1.0));
      assertThat(m.seconds()[0][0]).isZero();
    }
  }

  @Test
  void open_rejectsAFileThatIsNotOsm(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("notes.osm.pbf");
    Files.writeString(text, "this is not a map\n");
    assertThatThrownBy(() -> OsmMap.open(text, dir.resolve("cache")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("notes.osm.pbf")
        .hasMessageContaining("not an OpenStreetMap file");
    Path gz = dir.resolve("x.osm.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("name,price\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> OsmMap.open(gz, dir.resolve("cache")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not hold OSM XML");
    assertThatThrownBy(() -> OsmMap.open(dir.resolve("missing.osm"), dir.resolve("cache")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such OSM file");
  }

  @Test
  void requireOnMap_rejectsPointsFarFromAnyRoad(@TempDir Path cache) {
    try (OsmMap map = OsmMap.open(osm("monaco.osm.gz"), cache)) {
      assertThat(map.requireOnMap(new LatLon(43.7384, 7.4246), "start")).isLessThan(OsmMap.MAX_SNAP_METERS);
      assertThatThrownBy(() -> map.requireOnMap(new LatLon(48.8566, 2.3522), "start"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("off the map 'monaco'");
    }
  }

  @Test
  void open_rejectsATruncatedPbfAndLeavesNoHalfBuiltCache(@TempDir Path dir) throws IOException {
    byte[] whole = Files.readAllBytes(osm("andorra.osm.pbf"));
    Path truncated = dir.resolve("cut.osm.pbf");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    Path cache = dir.resolve("cache");
    assertThatThrownBy(() -> OsmMap.open(truncated, cache))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cut.osm.pbf");
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries.toList()).isEmpty();
    }
  }
}
