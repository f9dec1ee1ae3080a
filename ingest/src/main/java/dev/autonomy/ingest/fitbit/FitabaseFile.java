package dev.autonomy.ingest.fitbit;

import java.util.Locale;

/** The Fitabase CSV files Autonomy reads, recognised by the start of their names. */
enum FitabaseFile {
  DAILY_ACTIVITY("dailyactivity_merged"),
  SLEEP_DAY("sleepday_merged"),
  HOURLY_STEPS("hourlysteps_merged"),
  HOURLY_INTENSITIES("hourlyintensities_merged"),
  HOURLY_CALORIES("hourlycalories_merged"),
  WEIGHT_LOG("weightloginfo_merged");

  private final String prefix;

  FitabaseFile(String prefix) {
    this.prefix = prefix;
  }

  /** The file kind of a name such as "dailyActivity_merged.csv", or null. */
  static FitabaseFile of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv")) {
      return null;
    }
    for (FitabaseFile kind : values()) {
      if (name.startsWith(kind.prefix)) {
        return kind;
      }
    }
    return null;
  }

  /** Whether the name looks like any Fitabase export file, read or not ("dailySteps_merged.csv"). */
  static boolean looksLikeFitabase(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.contains("_merged.csv");
  }
}
