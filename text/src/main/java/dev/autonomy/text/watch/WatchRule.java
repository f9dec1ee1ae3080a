package dev.autonomy.text.watch;

import dev.autonomy.core.Requires;

/**
 * When a day's negative share is an alert: the day has at least {@code minHeadlines} headlines,
 * at least {@code minHistory} of the {@code window} calendar days before it have headlines, and
 * its share exceeds the mean of those days' shares by more than {@code max(sigmas * sd, minJump)}
 * (sd: population standard deviation).
 */
public record WatchRule(String negativeLabel, int window, double sigmas, double minJump, int minHeadlines, int minHistory) {
  public WatchRule {
    Requires.nonBlank(negativeLabel, "negativeLabel");
    Requires.positive(window, "window");
    Requires.nonNegative(sigmas, "sigmas");
    Requires.unitInterval(minJump, "minJump");
    Requires.positive(minHeadlines, "minHeadlines");
    Requires.positive(minHistory, "minHistory");
    if (minHistory > window) {
      throw new IllegalArgumentException("minHistory must be <= window, was " + minHistory + " > " + window);
    }
  }

  /** share > mean + max(2 sd, 0.10) of the previous 7 days (3 of them with headlines), n >= 5. */
  public static WatchRule standard() {
    return new WatchRule("negative", 7, 2.0, 0.10, 5, 3);
  }

  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "alert when a day's '%s' share > mean + max(%.1f sd, %.2f) of the previous %d days"
            + " (at least %d of them with headlines) and the day has at least %d headlines",
        negativeLabel, sigmas, minJump, window, minHistory, minHeadlines);
  }
}
