/**
 * Real maps: {@link dev.autonomy.plan.map.OsmMap} builds a GraphHopper graph (foot and bike
 * profiles with GraphHopper's own custom models) from an OpenStreetMap file once per file content,
 * caches it in a folder the caller names (the CLI uses {@code <home>/maps}), reads the places to
 * visit from the map's tags, and answers routes, round trips and travel-time matrices.
 */
package dev.autonomy.plan.map;
