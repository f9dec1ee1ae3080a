package dev.autonomy.engine.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.autonomy.core.Requires;
import java.time.LocalDate;
import java.util.List;

/**
 * The quality of one kind of signal, after cleaning.
 *
 * @param kind the kind's code ("steps")
 * @param count signals read
 * @param daysCovered days with observed data
 * @param coveragePercent observed days over days in the span, 0..100
 * @param firstDate first day with data (null when none survived)
 * @param lastDate last day with data (null when none survived)
 * @param gaps runs of missing days inside the span
 * @param longestGapDays the longest such run
 * @param duplicatesRemoved exact and cross-source duplicates removed
 * @param impossibleRemoved signals (or daily totals) outside the physical bounds, removed
 * @param nonWearDays days with zero steps, taken as "device not worn" and set missing
 * @param outliersFlagged daily values flagged by the Hampel filter (kept, flagged)
 * @param daysImputed missing days filled in and marked imputed
 * @param actions what was done, in words
 */
public record KindQuality(
    String kind,
    long count,
    @JsonProperty("days_covered") int daysCovered,
    @JsonProperty("coverage_percent") double coveragePercent,
    @JsonProperty("first_date") @JsonSerialize(using = ToStringSerializer.class) LocalDate firstDate,
    @JsonProperty("last_date") @JsonSerialize(using = ToStringSerializer.class) LocalDate lastDate,
    int gaps,
    @JsonProperty("longest_gap_days") int longestGapDays,
    @JsonProperty("duplicates_removed") long duplicatesRemoved,
    @JsonProperty("impossible_removed") long impossibleRemoved,
    @JsonProperty("non_wear_days") int nonWearDays,
    @JsonProperty("outliers_flagged") int outliersFlagged,
    @JsonProperty("days_imputed") int daysImputed,
    List<String> actions) {
  public KindQuality {
    Requires.nonBlank(kind, "kind");
    Requires.nonNegative(count, "count");
    Requires.nonNegative(daysCovered, "daysCovered");
    if (!(coveragePercent >= 0 && coveragePercent <= 100)) {
      throw new IllegalArgumentException("coveragePercent must be in [0, 100], was " + coveragePercent);
    }
    actions = List.copyOf(actions);
  }
}
