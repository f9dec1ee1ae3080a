package dev.autonomy.engine.quality;

/** Whether a day's value in a {@link DailyTable} was seen, filled in, or is unknown. */
public enum DayStatus {
  /** Aggregated from cleaned signals of that day. */
  OBSERVED,
  /** Filled in by the cleaner (weekday median of the previous weeks); never a measurement. */
  IMPUTED,
  /** No usable data and nothing imputed. */
  MISSING
}
