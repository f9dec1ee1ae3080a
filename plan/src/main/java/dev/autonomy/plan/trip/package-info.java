/**
 * Walking trips: places from the map, scored by the person's desires, chosen and ordered within a
 * time budget as an orienteering problem ({@link dev.autonomy.plan.trip.TripPlanner}).
 */
package dev.autonomy.plan.trip;
