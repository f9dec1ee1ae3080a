package dev.autonomy.plan.map;

import dev.autonomy.core.Requires;

/**
 * A place to visit read from the map.
 *
 * @param osmId the element it came from ({@code node/123}, {@code way/456})
 * @param name its name, or "unnamed museum" when the map gives none
 * @param named whether the map gave a name
 * @param category what kind of place it is
 * @param at where it is (a way's centre for areas)
 */
public record Place(String osmId, String name, boolean named, PlaceCategory category, LatLon at) {
  public Place {
    Requires.nonBlank(osmId, "osmId");
    Requires.nonBlank(name, "name");
    Requires.nonNull(category, "category");
    Requires.nonNull(at, "at");
  }
}
