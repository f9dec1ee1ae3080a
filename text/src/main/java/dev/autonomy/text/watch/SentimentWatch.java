package dev.autonomy.text.watch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Tracks the share of negative headlines per day and flags days that spike above their recent
 * level by a {@link WatchRule}. The classifier is passed in (a whole batch of texts to labels), so
 * the watch is the same for a transformer model and a test fake.
 */
public final class SentimentWatch {
  private final WatchRule rule;

  public SentimentWatch(WatchRule rule) {
    this.rule = rule;
  }

  public WatchRule rule() {
    return rule;
  }

  /** One row per day with headlines, in date order. */
  public List<DayShare> watch(List<Headline> headlines, Function<List<String>, List<String>> classify) {
    List<String> labels = classify.apply(headlines.stream().map(Headline::text).toList());
    if (labels.size() != headlines.size()) {
      throw new IllegalStateException("classifier returned " + labels.size() + " labels for " + headlines.size() + " headlines");
    }
    TreeMap<LocalDate, int[]> days = new TreeMap<>();
    for (int i = 0; i < headlines.size(); i++) {
      int[] c = days.computeIfAbsent(headlines.get(i).date(), d -> new int[2]);
      c[0]++;
      c[1] += rule.negativeLabel().equals(labels.get(i)) ? 1 : 0;
    }
    List<DayShare> out = new ArrayList<>();
    for (Map.Entry<LocalDate, int[]> day : days.entrySet()) {
      LocalDate date = day.getKey();
      int n = day.getValue()[0];
      int neg = day.getValue()[1];
      double share = (double) neg / n;
      List<Double> history = new ArrayList<>();
      for (int[] c : days.subMap(date.minusDays(rule.window()), true, date, false).values()) {
        history.add((double) c[1] / c[0]);
      }
      double mean = Double.NaN;
      double sd = Double.NaN;
      boolean alert = false;
      if (history.size() >= rule.minHistory()) {
        mean = history.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double m = mean;
        sd = Math.sqrt(history.stream().mapToDouble(s -> (s - m) * (s - m)).average().orElseThrow());
        alert = n >= rule.minHeadlines() && share > mean + Math.max(rule.sigmas() * sd, rule.minJump());
      }
      out.add(new DayShare(date, n, neg, share, mean, sd, alert));
    }
    return out;
  }
}
