package dev.autonomy.engine.desire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.desire.PairedBootstrap.Interval;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.quality.DailyTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Held-out evaluation on the person's own history: train on every day before the last {@code
 * testDays}, then predict each test day from its start-of-day features (which see the days before
 * it, as a live forecast would) and compare with its implicit label. Label yardsticks are fitted on
 * the training days only. Baselines: the training mean of the label, its training median (the
 * honest constant under absolute error), and yesterday's label (the latest earlier label when
 * yesterday has none).
 *
 * <p>A handful of held-out days is a small sample, so every error comes with a seeded percentile
 * bootstrap interval over those days ({@link PairedBootstrap}, the same days drawn for the model
 * and every baseline), and so does the paired difference model minus each baseline; the verdict
 * says "cannot tell" unless those intervals exclude 0. Pure: no clock, the same data and bootstrap
 * give the same rows.
 */
public final class DesireEvaluation {
  /** Test days when the history is long enough (at least 5 times this). */
  public static final int DEFAULT_TEST_DAYS = 14;

  /** Baseline names, as in {@link Row#verdict()} and the JSON's {@code best_baseline}. */
  public static final String MEAN = "mean";

  public static final String MEDIAN = "median";
  public static final String YESTERDAY = "yesterday";
  static final List<String> BASELINES = List.of(MEAN, MEDIAN, YESTERDAY);

  /** Verdicts besides {@code "worse than <baseline>"}. */
  public static final String BEATS_ALL = "beats all";

  public static final String CANNOT_TELL = "cannot tell";

  /** Held-out days below which no verdict is given (a bootstrap of 1-4 days is overconfident). */
  public static final int VERDICT_MIN_DAYS = 5;

  /** Differences of MAE this close to 0 are ties. */
  public static final double TIE = 1e-9;

  private DesireEvaluation() {}

  /**
   * One desire's held-out errors, each with its bootstrap interval (days resampled, {@link
   * PairedBootstrap}), and the verdict. The JSON names are part of {@code desires --eval --json}:
   * {@code desire, days, model_mae, baseline_mean_mae, baseline_yesterday_mae, baseline_median_mae},
   * {@code <name>_ci_low/_ci_high} for {@code model, baseline_mean, baseline_median,
   * baseline_yesterday}, {@code diff_<baseline>_ci_low/_ci_high} for the paired difference model MAE
   * minus that baseline's MAE (below 0: the model is better), {@code best_baseline} and {@code
   * verdict}.
   */
  public record Row(
      String desire,
      int days,
      @JsonProperty("model_mae") double modelMae,
      @JsonProperty("baseline_mean_mae") double baselineMeanMae,
      @JsonProperty("baseline_yesterday_mae") double baselineYesterdayMae,
      @JsonProperty("baseline_median_mae") double baselineMedianMae,
      @JsonUnwrapped(prefix = "model_ci_") Interval modelCi,
      @JsonUnwrapped(prefix = "baseline_mean_ci_") Interval baselineMeanCi,
      @JsonUnwrapped(prefix = "baseline_median_ci_") Interval baselineMedianCi,
      @JsonUnwrapped(prefix = "baseline_yesterday_ci_") Interval baselineYesterdayCi,
      @JsonUnwrapped(prefix = "diff_mean_ci_") Interval diffMeanCi,
      @JsonUnwrapped(prefix = "diff_median_ci_") Interval diffMedianCi,
      @JsonUnwrapped(prefix = "diff_yesterday_ci_") Interval diffYesterdayCi) {
    public Row {
      Requires.nonBlank(desire, "desire");
      Requires.nonNegative(days, "days");
      Requires.nonNegative(modelMae, "modelMae");
      Requires.nonNegative(baselineMeanMae, "baselineMeanMae");
      Requires.nonNegative(baselineYesterdayMae, "baselineYesterdayMae");
      Requires.nonNegative(baselineMedianMae, "baselineMedianMae");
      Requires.nonNull(modelCi, "modelCi");
      Requires.nonNull(baselineMeanCi, "baselineMeanCi");
      Requires.nonNull(baselineMedianCi, "baselineMedianCi");
      Requires.nonNull(baselineYesterdayCi, "baselineYesterdayCi");
      Requires.nonNull(diffMeanCi, "diffMeanCi");
      Requires.nonNull(diffMedianCi, "diffMedianCi");
      Requires.nonNull(diffYesterdayCi, "diffYesterdayCi");
    }

    /** The baselines in a fixed order: mean, median, yesterday. */
    public List<String> baselines() {
      return BASELINES;
    }

    public double baselineMae(String baseline) {
      return switch (baseline) {
        case MEAN -> baselineMeanMae;
        case MEDIAN -> baselineMedianMae;
        case YESTERDAY -> baselineYesterdayMae;
        default -> throw new IllegalArgumentException("baseline must be one of " + BASELINES + ", was " + baseline);
      };
    }

    /** The interval of the paired difference model MAE minus {@code baseline}'s MAE. */
    public Interval difference(String baseline) {
      return switch (baseline) {
        case MEAN -> diffMeanCi;
        case MEDIAN -> diffMedianCi;
        case YESTERDAY -> diffYesterdayCi;
        default -> throw new IllegalArgumentException("baseline must be one of " + BASELINES + ", was " + baseline);
      };
    }

    /** The baseline with the smallest MAE (the first of mean, median, yesterday on a tie). */
    @JsonProperty("best_baseline")
    public String bestBaseline() {
      String best = MEAN;
      for (String b : BASELINES) {
        if (baselineMae(b) < baselineMae(best)) {
          best = b;
        }
      }
      return best;
    }

    /**
     * {@value #BEATS_ALL} when the difference's interval lies entirely below 0 against every
     * baseline; {@code "worse than <baseline>"} when it lies entirely above 0 against one (the best
     * such baseline is named); otherwise {@value #CANNOT_TELL}. Fewer than {@value
     * #VERDICT_MIN_DAYS} days cannot tell, and a difference within {@value #TIE} of 0 counts as 0
     * (a model shrunk to the person's mean ties that baseline).
     */
    @JsonProperty("verdict")
    public String verdict() {
      if (days < VERDICT_MIN_DAYS) {
        return CANNOT_TELL;
      }
      boolean beatsAll = BASELINES.stream().allMatch(b -> difference(b).high() < -TIE);
      if (beatsAll) {
        return BEATS_ALL;
      }
      String worseThan = null;
      for (String b : BASELINES) {
        if (difference(b).low() > TIE && (worseThan == null || baselineMae(b) < baselineMae(worseThan))) {
          worseThan = b;
        }
      }
      return worseThan == null ? CANNOT_TELL : "worse than " + worseThan;
    }
  }

  /** The split, the rows, and the model trained on the training days. */
  public record Result(LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom, LocalDate testTo,
      List<Row> rows, DesireModel model) {
    public Result {
      rows = List.copyOf(rows);
    }

    public java.util.Optional<Row> row(DesireType type) {
      return rows.stream().filter(r -> r.desire().equals(type.code())).findFirst();
    }
  }

  /** 14 days when there are 70 or more, else the last 20% of days (at least 1). */
  public static int defaultTestDays(int spanDays) {
    return spanDays >= 5 * DEFAULT_TEST_DAYS ? DEFAULT_TEST_DAYS : Math.max(1, (int) Math.round(0.2 * spanDays));
  }

  /** Evaluates with {@link #defaultTestDays} of the table's span. */
  public static Result evaluate(ContextFeatures features, DesireLearner trainer, Goals goals) {
    DailyTable table = features.table();
    LocalDate first = table.firstDate().orElseThrow(() -> new IllegalStateException("no data to evaluate on"));
    int span = (int) (table.lastDate().orElseThrow().toEpochDay() - first.toEpochDay() + 1);
    return evaluate(features, trainer, goals, defaultTestDays(span));
  }

  /** Evaluates with the {@link PairedBootstrap#DEFAULT} intervals. */
  public static Result evaluate(ContextFeatures features, DesireLearner trainer, Goals goals, int testDays) {
    return evaluate(features, trainer, goals, testDays, PairedBootstrap.DEFAULT);
  }

  public static Result evaluate(ContextFeatures features, DesireLearner trainer, Goals goals, int testDays,
      PairedBootstrap bootstrap) {
    Requires.positive(testDays, "testDays");
    Requires.nonNull(bootstrap, "bootstrap");
    DailyTable table = features.table();
    LocalDate first = table.firstDate().orElseThrow(() -> new IllegalStateException("no data to evaluate on"));
    LocalDate last = table.lastDate().orElseThrow();
    LocalDate testFrom = last.minusDays(testDays - 1L);
    LocalDate trainTo = testFrom.minusDays(1);
    if (trainTo.isBefore(first)) {
      throw new InvalidInputException("only " + (last.toEpochDay() - first.toEpochDay() + 1)
          + " days of data: cannot hold out the last " + testDays + " and train on the rest");
    }
    ImplicitLabels labels = new ImplicitLabels(table, LabelScale.fit(table, first, trainTo));
    DesireDataset train = DesireDataset.from(features, labels, first, trainTo);
    DesireModel model = trainer.train(train, goals);
    List<Row> rows = new ArrayList<>();
    for (DesireType type : DesireType.values()) {
      if (!model.types().contains(type) || train.count(type) == 0) {
        continue;
      }
      double[] trainLabels = train.days().stream().filter(d -> d.labels().containsKey(type))
          .mapToDouble(d -> d.labels().get(type)).toArray();
      double trainMean = Arrays.stream(trainLabels).average().orElseThrow();
      double trainMedian = median(trainLabels);
      double prev = lastLabelBefore(labels, type, testFrom, first).orElse(trainMean);
      List<double[]> errors = List.of(new double[testDays], new double[testDays], new double[testDays],
          new double[testDays]);
      int n = 0;
      for (LocalDate d = testFrom; !d.isAfter(last); d = d.plusDays(1)) {
        OptionalDouble y = labels.label(type, d);
        if (y.isPresent()) {
          double truth = y.getAsDouble();
          errors.get(0)[n] = Math.abs(model.predict(features.forDay(d, Map.of()), type).intensity() - truth);
          errors.get(1)[n] = Math.abs(trainMean - truth);
          errors.get(2)[n] = Math.abs(trainMedian - truth);
          errors.get(3)[n] = Math.abs(prev - truth);
          n++;
          prev = truth;
        }
      }
      if (n > 0) {
        rows.add(row(type, n, errors, bootstrap));
      }
    }
    return new Result(first, trainTo, testFrom, last, rows, model);
  }

  /** Errors per day of the model, then the mean, median and yesterday baselines (first n used). */
  private static Row row(DesireType type, int n, List<double[]> errors, PairedBootstrap bootstrap) {
    List<double[]> used = errors.stream().map(e -> Arrays.copyOf(e, n)).toList();
    double[] mae = used.stream().mapToDouble(e -> sumInOrder(e) / n).toArray();
    PairedBootstrap.Result ci = bootstrap.run(used);
    return new Row(type.code(), n, mae[0], mae[1], mae[3], mae[2], ci.means().get(0), ci.means().get(1),
        ci.means().get(2), ci.means().get(3), ci.difference(1), ci.difference(2), ci.difference(3));
  }

  private static double sumInOrder(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  /** The middle value, or the mean of the two middle values. */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median: values must not be empty");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static OptionalDouble lastLabelBefore(ImplicitLabels labels, DesireType type, LocalDate day, LocalDate first) {
    for (LocalDate d = day.minusDays(1); !d.isBefore(first); d = d.minusDays(1)) {
      OptionalDouble v = labels.label(type, d);
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }
}
