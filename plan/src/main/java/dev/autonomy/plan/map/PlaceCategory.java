package dev.autonomy.plan.map;

import dev.autonomy.core.desire.DesireType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kinds of place worth visiting, read from OpenStreetMap tags, each with how much it serves each
 * desire (0..1) and a typical visit time.
 */
public enum PlaceCategory {
  MUSEUM("tourism=museum", 60, Map.of(DesireType.EXPLORE, 1.0, DesireType.REST, 0.2)),
  GALLERY("tourism=gallery", 40, Map.of(DesireType.EXPLORE, 0.9, DesireType.REST, 0.2)),
  ATTRACTION("tourism=attraction", 30, Map.of(DesireType.EXPLORE, 0.9, DesireType.MOVE, 0.2)),
  VIEWPOINT("tourism=viewpoint", 15, Map.of(DesireType.EXPLORE, 0.8, DesireType.MOVE, 0.4)),
  ARTWORK("tourism=artwork", 10, Map.of(DesireType.EXPLORE, 0.6)),
  HISTORIC("historic=*", 20, Map.of(DesireType.EXPLORE, 0.8, DesireType.MOVE, 0.1)),
  PARK("leisure=park", 30, Map.of(DesireType.MOVE, 0.6, DesireType.REST, 0.7, DesireType.EXPLORE, 0.3)),
  GARDEN("leisure=garden", 25, Map.of(DesireType.REST, 0.7, DesireType.EXPLORE, 0.5, DesireType.MOVE, 0.3)),
  CAFE("amenity=cafe", 30, Map.of(DesireType.REST, 0.9, DesireType.BUY, 0.3));

  private final String tag;
  private final int visitMinutes;
  private final Map<DesireType, Double> serves;

  PlaceCategory(String tag, int visitMinutes, Map<DesireType, Double> serves) {
    this.tag = tag;
    this.visitMinutes = visitMinutes;
    EnumMap<DesireType, Double> all = new EnumMap<>(DesireType.class);
    for (DesireType type : DesireType.values()) {
      all.put(type, serves.getOrDefault(type, 0.0));
    }
    this.serves = Map.copyOf(all);
  }

  /** The OSM tag this category is read from ({@code tourism=museum}, {@code historic=*}). */
  String tag() {
    return tag;
  }

  /** Typical minutes spent at such a place. */
  public int visitMinutes() {
    return visitMinutes;
  }

  /** How much a visit serves {@code desire}, 0..1. */
  public double serves(DesireType desire) {
    return serves.get(desire);
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The category of an element with these tags, or {@code null} if it is no place to visit. */
  static PlaceCategory of(Map<String, Object> tags) {
    Object tourism = tags.get("tourism");
    if (tourism != null) {
      switch (tourism.toString()) {
        case "museum": return MUSEUM;
        case "gallery": return GALLERY;
        case "attraction": return ATTRACTION;
        case "viewpoint": return VIEWPOINT;
        case "artwork": return ARTWORK;
        default: break;
      }
    }
    Object historic = tags.get("historic");
    if (historic != null && !"no".equals(historic.toString())) {
      return HISTORIC;
    }
    Object leisure = tags.get("leisure");
    if ("park".equals(leisure)) {
      return PARK;
    }
    if ("garden".equals(leisure)) {
      return GARDEN;
    }
    if ("cafe".equals(tags.get("amenity"))) {
      return CAFE;
    }
    return null;
  }
}
