package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.engine.features.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of the {@link DesireTrainer}.
 *
 * @param l2 ridge penalty, in examples' worth per weight (added as pseudo-rows; larger shrinks
 *     harder toward the person's mean)
 * @param epochs passes of SGD over the data
 * @param learningRate AdaGrad's initial learning rate
 * @param seed the SGD shuffling seed
 * @param priorStrength days of data worth as much as a stated goal (the cold-start blend)
 * @param minDays fewer labelled days than this learn no weights, only the mean
 * @param inputs the feature names the models use
 * @param loss the loss minimised
 * @param centreOnMedian whether targets are centred on the training median (else the mean): the
 *     intercept then starts at, and shrinks toward, the person's median day
 * @param shrinkGrid the shares of the fitted model's departure from the training mean tried per
 *     desire (each in 0..1; {@code [1.0]} turns the choice off)
 * @param shrinkFolds rolling-origin validation folds inside the training days that choose the share
 */
public record DesireTrainerSettings(
    double l2, int epochs, double learningRate, long seed, double priorStrength, int minDays, List<String> inputs,
    Loss loss, boolean centreOnMedian, List<Double> shrinkGrid, int shrinkFolds) {
  public DesireTrainerSettings {
    Requires.nonNegative(l2, "l2");
    Requires.positive(epochs, "epochs");
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
    }
    Requires.nonNegative(priorStrength, "priorStrength");
    Requires.nonNegative(minDays, "minDays");
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("inputs must not be empty");
    }
    Requires.nonNull(loss, "loss");
    shrinkGrid = List.copyOf(shrinkGrid);
    if (shrinkGrid.isEmpty()) {
      throw new IllegalArgumentException("shrinkGrid must not be empty (use [1.0] to keep the fit as it is)");
    }
    shrinkGrid.forEach(v -> Requires.unitInterval(v, "shrinkGrid value"));
    Requires.positive(shrinkFolds, "shrinkFolds");
  }

  /** The shares tried by default: none, a quarter, half, three quarters or all of the fit. */
  public static final List<Double> DEFAULT_SHRINK_GRID = List.of(0.0, 0.25, 0.5, 0.75, 1.0);

  /** The inputs learned from by default: day of week, recent activity, sleep, spending, notes. */
  public static List<String> defaultInputs() {
    return List.of(
        Feature.DOW_SIN.code(), Feature.DOW_COS.code(), Feature.WEEKEND.code(),
        Feature.ACTIVE_MIN_YESTERDAY.code(), Feature.STEPS_YESTERDAY.code(),
        Feature.ACTIVE_MIN_7D_MEAN.code(), Feature.STEPS_7D_MEAN.code(),
        Feature.ACTIVE_MIN_SAME_WEEKDAY.code(), Feature.STEPS_SAME_WEEKDAY.code(),
        Feature.SLEEP_LAST_NIGHT.code(), Feature.SLEEP_SAME_WEEKDAY.code(),
        Feature.SPEND_7D.code(), Feature.TRIP_KM_7D.code(),
        Feature.NOTES_HEALTH.code(),
        Feature.PLACE_INDOOR.code(), Feature.PLACE_OUTDOOR.code(),
        Feature.WEATHER_RAIN.code(), Feature.WEATHER_SUN.code(),
        Feature.FREE_HOURS.code(), Feature.BUDGET_VS_DAILY_SPEND.code());
  }

  public static DesireTrainerSettings defaults(long seed) {
    return new DesireTrainerSettings(30.0, 60, 0.1, seed, 7.0, 5, defaultInputs(), Loss.HUBER, false,
        DEFAULT_SHRINK_GRID, 8);
  }

  public DesireTrainerSettings withL2(double value) {
    return new DesireTrainerSettings(value, epochs, learningRate, seed, priorStrength, minDays, inputs, loss, centreOnMedian,
        shrinkGrid, shrinkFolds);
  }

  public DesireTrainerSettings withInputs(List<String> value) {
    return new DesireTrainerSettings(l2, epochs, learningRate, seed, priorStrength, minDays, value, loss, centreOnMedian,
        shrinkGrid, shrinkFolds);
  }

  public DesireTrainerSettings withLoss(Loss value, boolean median) {
    return new DesireTrainerSettings(l2, epochs, learningRate, seed, priorStrength, minDays, inputs, value, median,
        shrinkGrid, shrinkFolds);
  }

  /** {@code grid} {@code [1.0]} keeps every fit as it is (no validated shrinkage). */
  public DesireTrainerSettings withShrinkGrid(List<Double> grid, int folds) {
    return new DesireTrainerSettings(l2, epochs, learningRate, seed, priorStrength, minDays, inputs, loss,
        centreOnMedian, grid, folds);
  }

  Map<String, String> asText() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("l2", String.valueOf(l2));
    m.put("epochs", String.valueOf(epochs));
    m.put("learning_rate", String.valueOf(learningRate));
    m.put("prior_strength", String.valueOf(priorStrength));
    m.put("min_days", String.valueOf(minDays));
    m.put("inputs", String.join(",", inputs));
    m.put("loss", loss.name().toLowerCase(java.util.Locale.ROOT));
    m.put("centre", centreOnMedian ? "median" : "mean");
    m.put("shrink_grid", shrinkGrid.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
    m.put("shrink_folds", String.valueOf(shrinkFolds));
    return m;
  }
}
