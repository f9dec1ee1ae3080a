package dev.autonomy.engine.moment;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.autonomy.core.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The moment model against two naive baselines on a person's last days, held out: train on the
 * days before them, predict each block of each held-out day from the data before that block. The
 * baselines are the person's mean for that block on the training days (block mean), and the same
 * block the day before (yesterday); the median for that block is reported beside the mean, since
 * the error is absolute. Each figure comes with a 95% interval from a bootstrap over the held-out
 * days (days resampled with replacement, blocks kept together), so a week of data says how sure
 * it is.
 */
public final class MomentEvaluation {
  /** Days held out when none are named: the last week. */
  public static final int DEFAULT_TEST_DAYS = 7;
  /** Bootstrap resamples. */
  static final int RESAMPLES = 2000;

  private MomentEvaluation() {}

  /**
   * The {@code --json} row of {@code desires --eval --blocks H}.
   *
   * @param ratio model MAE over the better of the block-mean and yesterday baselines
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Row(String desire, int blockHours, int days, double modelMae, double baselineBlockMeanMae,
      double baselineYesterdayMae, double baselineBlockMedianMae, double modelCiLow, double modelCiHigh,
      double ratio, double ratioCiLow, double ratioCiHigh, String verdict) {}

  /**
   * Evaluates on the last {@code testDays} days of the series that hold data.
   *
   * @param seed of the bootstrap; same series and seed, same intervals
   */
  public static Row evaluate(BlockSeries series, int testDays, long seed) {
    List<LocalDate> days = series.days().keySet().stream().toList();
    if (testDays < 1) {
      throw new InvalidInputException("held-out days must be at least 1, was " + testDays);
    }
    if (days.size() < testDays + MomentModel.MIN_DAYS) {
      throw new InvalidInputException("only " + days.size() + " days of timed step data: need "
          + (testDays + MomentModel.MIN_DAYS) + " to hold out " + testDays + " and train on the rest");
    }
    List<LocalDate> test = days.subList(days.size() - testDays, days.size());
    LocalDate trainTo = test.get(0).minusDays(1);
    MomentModel model = MomentModel.train(series, days.get(0), trainTo).orElseThrow();
    int blocks = series.blocksPerDay();
    double[] median = blockMedians(series, days.subList(0, days.size() - testDays), model.scale(), blocks);
    // Per held-out day: summed absolute errors of model, block mean, yesterday, block median.
    double[][] perDay = new double[test.size()][4];
    for (int i = 0; i < test.size(); i++) {
      LocalDate d = test.get(i);
      for (int b = 0; b < blocks; b++) {
        double truth = MomentInputs.intensity(series, model.scale(), d, b).orElseThrow();
        double yesterday = MomentInputs.intensity(series, model.scale(), d.minusDays(1), b).orElse(model.usual(b));
        perDay[i][0] += Math.abs(model.predict(series, d, b).intensity() - truth);
        perDay[i][1] += Math.abs(model.usual(b) - truth);
        perDay[i][2] += Math.abs(yesterday - truth);
        perDay[i][3] += Math.abs(median[b] - truth);
      }
    }
    double[] mae = maes(perDay, IntStream.range(0, test.size()).toArray(), blocks);
    SplittableRandom random = new SplittableRandom(seed);
    double[] modelDraws = new double[RESAMPLES];
    double[] ratioDraws = new double[RESAMPLES];
    int[] pick = new int[test.size()];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < pick.length; i++) {
        pick[i] = random.nextInt(pick.length);
      }
      double[] m = maes(perDay, pick, blocks);
      modelDraws[r] = m[0];
      double best = Math.min(m[1], m[2]);
      ratioDraws[r] = best > 0 ? m[0] / best : 1.0;
    }
    double best = Math.min(mae[1], mae[2]);
    double ratio = best > 0 ? mae[0] / best : 1.0;
    double ratioLow = percentile(ratioDraws, 0.025);
    double ratioHigh = percentile(ratioDraws, 0.975);
    String verdict = ratioHigh < 1 ? "beats both" : ratioLow > 1 ? "worse than the best baseline" : "cannot tell";
    return new Row("move", series.blockHours(), test.size(), mae[0], mae[1], mae[2], mae[3],
        percentile(modelDraws, 0.025), percentile(modelDraws, 0.975), ratio, ratioLow, ratioHigh, verdict);
  }

  private static double[] maes(double[][] perDay, int[] pick, int blocks) {
    double[] sums = new double[4];
    for (int i : pick) {
      for (int k = 0; k < 4; k++) {
        sums[k] += perDay[i][k];
      }
    }
    for (int k = 0; k < 4; k++) {
      sums[k] /= (double) pick.length * blocks;
    }
    return sums;
  }

  private static double[] blockMedians(BlockSeries series, List<LocalDate> train, double scale, int blocks) {
    double[] out = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      List<Double> v = new ArrayList<>();
      for (LocalDate d : train) {
        v.add(MomentInputs.intensity(series, scale, d, b).orElseThrow());
      }
      out[b] = MomentModel.quantile(v, 0.5);
    }
    return out;
  }

  static double percentile(double[] draws, double q) {
    return MomentModel.quantile(Arrays.stream(draws).boxed().toList(), q);
  }
}
