package dev.autonomy.text.watch;

import java.time.LocalDate;

/**
 * One day of the watch.
 *
 * @param baselineMean mean negative share of the previous window's days (NaN without history)
 * @param baselineSd their population standard deviation (NaN without history)
 * @param alert whether the rule fired
 */
public record DayShare(
    LocalDate date, int headlines, int negatives, double share, double baselineMean, double baselineSd, boolean alert) {}
