package dev.autonomy.cli.plan;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.files.LocalFiles;
import dev.autonomy.plan.map.OsmMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the map-based plan commands share: finding the map file, the vault's map cache, weights. */
public final class MapOptions {
  public static final String ATTRIBUTION = "Map data (c) OpenStreetMap contributors, ODbL.";

  private MapOptions() {}

  /**
   * Opens {@code map}: the path as given, else a file of that name in {@code <home>/maps} or in the
   * shared test data ({@code ../shared/data/osm-graphhopper}, found by {@link SharedData}); the graph
   * is cached in {@code <home>/maps}, or built in memory when the vault is encrypted.
   */
  public static OsmMap open(Autonomy autonomy, String map) {
    quietGraphHopper();
    LocalFiles files = autonomy.files();
    List<Path> tried = new ArrayList<>();
    Path given = Path.of(map);
    tried.add(given);
    if (!Files.isRegularFile(given) && given.getParent() == null) {
      tried.add(files.maps().resolve(map));
      SharedData.root().ifPresent(data -> tried.add(data.resolve("osm-graphhopper").resolve(map)));
    }
    for (Path candidate : tried) {
      if (Files.isRegularFile(candidate)) {
        return files.openMap(candidate);
      }
    }
    throw new InvalidInputException("--map: no such OSM file '" + map + "' (looked for " + tried + ")");
  }

  /** GraphHopper logs every import step at INFO; the CLI shows its warnings only. */
  private static void quietGraphHopper() {
    if (System.getProperty("org.slf4j.simpleLogger.log.com.graphhopper") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.com.graphhopper", "warn");
    }
  }

  /** Parses {@code explore=0.7,move=0.2}; desires not named weigh 0. */
  static Map<DesireType, Double> weights(String text, String option) {
    Map<DesireType, Double> weights = new EnumMap<>(DesireType.class);
    for (String part : text.split(",")) {
      String[] kv = part.split("=", -1);
      if (kv.length != 2) {
        throw new InvalidInputException(option + ": expected DESIRE=WEIGHT pairs like explore=0.7,move=0.3, was '" + text + "'");
      }
      DesireType type;
      try {
        type = DesireType.fromCode(kv[0]);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(option + ": " + e.getMessage());
      }
      double w;
      try {
        w = Double.parseDouble(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(option + ": weight of '" + kv[0].trim() + "' must be a number, was '" + kv[1].trim() + "'");
      }
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new InvalidInputException(option + ": weight of '" + kv[0].trim() + "' must be >= 0, was " + kv[1].trim());
      }
      weights.put(type, w);
    }
    if (weights.values().stream().allMatch(w -> w == 0)) {
      throw new InvalidInputException(option + ": at least one weight must be > 0");
    }
    return weights;
  }
}
