package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded percentile bootstrap for small paired samples: the units (held-out days, or persons)
 * are resampled with replacement, one draw shared by every series, so the difference between two
 * series is paired. Gives a percentile interval for the mean of each series and for the first
 * series minus each other one. A pure function: the same series and settings give the same
 * intervals.
 *
 * <p>Units are treated as independent; consecutive days are not quite, so the intervals are, if
 * anything, too narrow.
 */
public record PairedBootstrap(int resamples, double level, long seed) {
  /** 2,000 resamples, 95% intervals, a fixed seed. */
  public static final PairedBootstrap DEFAULT = new PairedBootstrap(2000, 0.95, 20261130L);

  public PairedBootstrap {
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples must be >= 100, was " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    }
  }

  public PairedBootstrap withSeed(long newSeed) {
    return new PairedBootstrap(resamples, level, newSeed);
  }

  /** A closed interval {@code [low, high]}. */
  public record Interval(double low, double high) {
    public Interval {
      Requires.finite(low, "low");
      Requires.finite(high, "high");
      if (low > high) {
        throw new IllegalArgumentException("interval: low must be <= high, were " + low + " > " + high);
      }
    }

    public boolean contains(double x) {
      return low <= x && x <= high;
    }
  }

  /** The intervals of one run: {@code means.get(i)} for series i, {@code differences.get(k)} for series 0 minus series k+1. */
  public record Result(List<Interval> means, List<Interval> differences) {
    public Result {
      means = List.copyOf(means);
      differences = List.copyOf(differences);
    }

    /** Series 0 minus series {@code i} (i >= 1). */
    public Interval difference(int i) {
      return differences.get(i - 1);
    }
  }

  /**
   * Intervals for the mean of each series and for series 0 minus each other series.
   *
   * @param series at least one, all of the same length n >= 1 (value j of every series belongs to unit j)
   */
  public Result run(List<double[]> series) {
    Requires.nonNull(series, "series");
    if (series.isEmpty()) {
      throw new IllegalArgumentException("series must not be empty");
    }
    int n = series.get(0).length;
    if (n == 0) {
      throw new IllegalArgumentException("series must have at least one unit, had 0");
    }
    for (int s = 0; s < series.size(); s++) {
      double[] x = series.get(s);
      if (x.length != n) {
        throw new IllegalArgumentException("series must have the same length, series 0 has " + n + ", series "
            + s + " has " + x.length);
      }
      for (int j = 0; j < n; j++) {
        Requires.finite(x[j], "series " + s + " unit " + j);
      }
    }
    int k = series.size();
    double[][] means = new double[k][resamples];
    double[][] diffs = new double[k - 1][resamples];
    SplittableRandom random = new SplittableRandom(seed);
    int[] counts = new int[n];
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(counts, 0);
      for (int j = 0; j < n; j++) {
        counts[random.nextInt(n)]++;
      }
      for (int s = 0; s < k; s++) {
        double[] x = series.get(s);
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += counts[j] * x[j];
        }
        means[s][b] = sum / n;
      }
      double[] x0 = series.get(0);
      for (int s = 1; s < k; s++) {
        double[] x = series.get(s);
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += counts[j] * (x0[j] - x[j]);
        }
        diffs[s - 1][b] = sum / n;
      }
    }
    List<Interval> meanIntervals = new ArrayList<>();
    for (double[] values : means) {
      meanIntervals.add(percentile(values));
    }
    List<Interval> diffIntervals = new ArrayList<>();
    for (double[] values : diffs) {
      diffIntervals.add(percentile(values));
    }
    return new Result(meanIntervals, diffIntervals);
  }

  private Interval percentile(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double tail = (1 - level) / 2;
    return new Interval(quantile(sorted, tail), quantile(sorted, 1 - tail));
  }

  /** Linear interpolation between order statistics (Hyndman and Fan's type 7, R's default). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
