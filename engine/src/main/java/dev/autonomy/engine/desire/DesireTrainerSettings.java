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
 */
public record DesireTrainerSettings(
    double l2, int epochs, double learningRate, long seed, double priorStrength, int minDays, List<String> inputs,
    Loss loss, boolean centreOnMedian) {
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
  }

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
    return new DesireTrainerSettings(30.0, 60, 0.1, seed, 7.0, 5, defaultInputs(), Loss.HUBER, false);
  }

  public DesireTrainerSettings withL2(double value) {
    return new DesireTrainerSettings(value, epochs, learningRate, seed, priorStrength, minDays, inputs, loss, centreOnMedian);
  }

  public DesireTrainerSettings withInputs(List<String> value) {
    return new DesireTrainerSettings(l2, epochs, learningRate, seed, priorStrength, minDays, value, loss, centreOnMedian);
  }

  public DesireTrainerSettings withLoss(Loss value, boolean median) {
    return new DesireTrainerSettings(l2, epochs, learningRate, seed, priorStrength, minDays, inputs, value, median);
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
    return m;
  }
}
