package dev.autonomy.engine.moment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The inputs of the moment model for block {@code b} of a day, from what is known when the block
 * starts: the person's usual for this time of day (one indicator per block), the block just
 * before, the blocks so far today, the same block yesterday and over the last week, and whether it
 * is a weekend. Steps are read as intensities on the person's own scale (steps / scale, at most
 * 1). An input whose data is missing (a day not synced) takes the person's usual for that block
 * instead and is named in {@link #missing}, so the explanation can say so.
 */
final class MomentInputs {
  static final String PREVIOUS = "steps_previous_block";
  static final String SO_FAR = "steps_so_far_today";
  static final String YESTERDAY = "steps_same_block_yesterday";
  static final String WEEK = "steps_same_block_7d";
  static final String WEEKEND = "weekend";
  static final int WEEK_DAYS = 7;

  final double[] values;
  final List<String> missing;

  private MomentInputs(double[] values, List<String> missing) {
    this.values = values;
    this.missing = List.copyOf(missing);
  }

  /** Names of the inputs, in the order of {@link #values}: the block indicators, then the five named ones. */
  static List<String> names(int blockHours) {
    List<String> names = new ArrayList<>();
    for (int b = 0; b < 24 / blockHours; b++) {
      names.add(blockName(blockHours, b));
    }
    names.addAll(List.of(PREVIOUS, SO_FAR, YESTERDAY, WEEK, WEEKEND));
    return names;
  }

  static String blockName(int blockHours, int b) {
    return String.format(Locale.ROOT, "usual_%02d_%02dh", b * blockHours, (b + 1) * blockHours);
  }

  /**
   * @param usual the person's usual intensity per block (the training mean), used where data is missing
   */
  static MomentInputs of(BlockSeries series, double scale, double[] usual, LocalDate day, int b) {
    int blocks = series.blocksPerDay();
    double[] x = new double[blocks + 5];
    List<String> missing = new ArrayList<>();
    x[b] = 1.0;
    Optional<Double> previous = b > 0 ? intensity(series, scale, day, b - 1) : intensity(series, scale, day.minusDays(1), blocks - 1);
    x[blocks] = previous.orElseGet(() -> {
      missing.add(PREVIOUS);
      return usual[(b + blocks - 1) % blocks];
    });
    if (b > 0) {
      if (series.days().containsKey(day)) {
        double sum = 0;
        for (int k = 0; k < b; k++) {
          sum += intensity(series, scale, day, k).orElseThrow();
        }
        x[blocks + 1] = sum / b;
      } else {
        missing.add(SO_FAR);
        double sum = 0;
        for (int k = 0; k < b; k++) {
          sum += usual[k];
        }
        x[blocks + 1] = sum / b;
      }
    }
    x[blocks + 2] = intensity(series, scale, day.minusDays(1), b).orElseGet(() -> {
      missing.add(YESTERDAY);
      return usual[b];
    });
    double sum = 0;
    int n = 0;
    for (int k = 1; k <= WEEK_DAYS; k++) {
      Optional<Double> v = intensity(series, scale, day.minusDays(k), b);
      if (v.isPresent()) {
        sum += v.get();
        n++;
      }
    }
    if (n == 0) {
      missing.add(WEEK);
    }
    x[blocks + 3] = n == 0 ? usual[b] : sum / n;
    DayOfWeek dow = day.getDayOfWeek();
    x[blocks + 4] = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 1.0 : 0.0;
    return new MomentInputs(x, missing);
  }

  /** Steps of a block on the person's scale, 0..1. */
  static Optional<Double> intensity(BlockSeries series, double scale, LocalDate day, int b) {
    return series.steps(day, b).map(steps -> Math.min(1.0, steps / scale));
  }
}
