package dev.autonomy.plan.trip;

import dev.autonomy.plan.map.Place;
import java.time.LocalTime;

/**
 * One place on a trip.
 *
 * @param place the place
 * @param arrival when the person gets there
 * @param walkMinutes walking from the previous stop (or the start)
 * @param visitMinutes time planned there
 * @param score its desire-weighted score (the solver's prize / 100)
 * @param why which desires and weights put it on the trip
 */
public record TripStop(Place place, LocalTime arrival, double walkMinutes, int visitMinutes, double score, String why) {}
