package dev.autonomy.engine.moment;

import dev.autonomy.core.desire.Contribution;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How much the person wants to move in the next block of hours, learned from when in the day they
 * moved: intensity = sum of weight_i x input_i over {@link MomentInputs}, fitted on their own step
 * blocks by least absolute deviations, clipped to 0..1. Immutable; {@link #train} builds it.
 */
final class MomentModel {
  /** Days of timed step data needed before the model says anything (else the daily model speaks). */
  public static final int MIN_DAYS = 7;
  /** The ridge penalty of the fit: small, it only keeps the solve stable when an input never varies. */
  static final double LAMBDA = 1.0;
  /** The share of block steps that maps to intensity 1: the 95th percentile of the person's blocks. */
  static final double SCALE_QUANTILE = 0.95;

  private final int blockHours;
  private final double scale;
  private final double[] usual;
  private final double[] weights;
  private final List<String> names;
  private final LocalDate trainedFrom;
  private final LocalDate trainedTo;
  private final int trainingDays;

  private MomentModel(int blockHours, double scale, double[] usual, double[] weights, LocalDate trainedFrom,
      LocalDate trainedTo, int trainingDays) {
    this.blockHours = blockHours;
    this.scale = scale;
    this.usual = usual.clone();
    this.weights = weights.clone();
    this.names = MomentInputs.names(blockHours);
    this.trainedFrom = trainedFrom;
    this.trainedTo = trainedTo;
    this.trainingDays = trainingDays;
  }

  /** One prediction: the intensity, the inputs behind it (largest effect first), and what data was missing. */
  public record Prediction(double intensity, List<Contribution> contributions, List<String> missing) {
    public Prediction {
      contributions = List.copyOf(contributions);
      missing = List.copyOf(missing);
    }
  }

  /**
   * Trains on the series' days from {@code from} to {@code to}; empty when fewer than
   * {@link #MIN_DAYS} of them hold timed step data.
   */
  public static Optional<MomentModel> train(BlockSeries series, LocalDate from, LocalDate to) {
    List<LocalDate> days = series.days().subMap(from, true, to, true).keySet().stream().toList();
    if (days.size() < MIN_DAYS) {
      return Optional.empty();
    }
    int blocks = series.blocksPerDay();
    List<Double> all = new ArrayList<>();
    for (LocalDate d : days) {
      for (double v : series.days().get(d)) {
        all.add(v);
      }
    }
    double scale = Math.max(1.0, quantile(all, SCALE_QUANTILE));
    double[] usual = new double[blocks];
    for (LocalDate d : days) {
      double[] steps = series.days().get(d);
      for (int b = 0; b < blocks; b++) {
        usual[b] += Math.min(1.0, steps[b] / scale) / days.size();
      }
    }
    double[][] x = new double[days.size() * blocks][];
    double[] y = new double[x.length];
    int row = 0;
    for (LocalDate d : days) {
      for (int b = 0; b < blocks; b++) {
        x[row] = MomentInputs.of(series, scale, usual, d, b).values;
        y[row] = MomentInputs.intensity(series, scale, d, b).orElseThrow();
        row++;
      }
    }
    double[] w = LeastAbsoluteDeviations.fit(x, y, LAMBDA);
    return Optional.of(new MomentModel(series.blockHours(), scale, usual, w, days.get(0), days.get(days.size() - 1),
        days.size()));
  }

  /** The intensity of block {@code b} of {@code day}, from the series' data before that block. */
  public Prediction predict(BlockSeries series, LocalDate day, int b) {
    if (series.blockHours() != blockHours) {
      throw new IllegalArgumentException("series has " + series.blockHours() + "-hour blocks, the model " + blockHours);
    }
    MomentInputs in = MomentInputs.of(series, scale, usual, day, b);
    double sum = 0;
    List<Contribution> parts = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * in.values[i];
      if (in.values[i] != 0) {
        parts.add(new Contribution(names.get(i), in.values[i], weights[i], meaning(names.get(i))));
      }
    }
    parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect())));
    return new Prediction(Math.max(0, Math.min(1, sum)), parts, in.missing);
  }

  /** The person's usual intensity for block {@code b}: the training mean, the block-mean baseline. */
  public double usual(int b) {
    return usual[b];
  }

  public int blockHours() {
    return blockHours;
  }

  public double scale() {
    return scale;
  }

  public LocalDate trainedFrom() {
    return trainedFrom;
  }

  public LocalDate trainedTo() {
    return trainedTo;
  }

  public int trainingDays() {
    return trainingDays;
  }

  private String meaning(String name) {
    return switch (name) {
      case MomentInputs.PREVIOUS -> "how much you moved in the " + blockHours + " hours before";
      case MomentInputs.SO_FAR -> "how much you moved so far today";
      case MomentInputs.YESTERDAY -> "how much you moved at this time yesterday";
      case MomentInputs.WEEK -> "how much you moved at this time over the last week";
      case MomentInputs.WEEKEND -> "it is a weekend day";
      default -> "your usual at " + name.substring("usual_".length()).replace('_', '-');
    };
  }

  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return 0;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
