package dev.autonomy.engine.desire;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.quality.DailyTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Held-out evaluation on the person's own history: train on every day before the last {@code
 * testDays}, then predict each test day from its start-of-day features (which see the days before
 * it, as a live forecast would) and compare with its implicit label. Label yardsticks are fitted on
 * the training days only. Baselines: the training mean of the label, and yesterday's label (the
 * latest earlier label when yesterday has none).
 */
public final class DesireEvaluation {
  /** Test days when the history is long enough (at least 5 times this). */
  public static final int DEFAULT_TEST_DAYS = 14;

  private DesireEvaluation() {}

  /** One desire's held-out errors; the JSON names are part of {@code desires --eval --json}. */
  public record Row(
      String desire,
      int days,
      @JsonProperty("model_mae") double modelMae,
      @JsonProperty("baseline_mean_mae") double baselineMeanMae,
      @JsonProperty("baseline_yesterday_mae") double baselineYesterdayMae) {
    public Row {
      Requires.nonBlank(desire, "desire");
      Requires.nonNegative(days, "days");
    }
  }

  /** The split, the rows, and the model trained on the training days. */
  public record Result(LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom, LocalDate testTo,
      List<Row> rows, LinearDesireModel model) {
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
  public static Result evaluate(ContextFeatures features, DesireTrainer trainer, Goals goals) {
    DailyTable table = features.table();
    LocalDate first = table.firstDate().orElseThrow(() -> new IllegalStateException("no data to evaluate on"));
    int span = (int) (table.lastDate().orElseThrow().toEpochDay() - first.toEpochDay() + 1);
    return evaluate(features, trainer, goals, defaultTestDays(span));
  }

  public static Result evaluate(ContextFeatures features, DesireTrainer trainer, Goals goals, int testDays) {
    Requires.positive(testDays, "testDays");
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
    LinearDesireModel model = trainer.train(train, goals);
    List<Row> rows = new ArrayList<>();
    for (DesireType type : DesireType.values()) {
      if (!model.types().contains(type) || train.count(type) == 0) {
        continue;
      }
      double trainMean = train.days().stream().filter(d -> d.labels().containsKey(type))
          .mapToDouble(d -> d.labels().get(type)).average().orElseThrow();
      double prev = lastLabelBefore(labels, type, testFrom, first).orElse(trainMean);
      double model_ = 0;
      double mean = 0;
      double yesterday = 0;
      int n = 0;
      for (LocalDate d = testFrom; !d.isAfter(last); d = d.plusDays(1)) {
        OptionalDouble y = labels.label(type, d);
        if (y.isPresent()) {
          double truth = y.getAsDouble();
          model_ += Math.abs(model.predict(features.forDay(d, Map.of()), type).intensity() - truth);
          mean += Math.abs(trainMean - truth);
          yesterday += Math.abs(prev - truth);
          n++;
          prev = truth;
        }
      }
      if (n > 0) {
        rows.add(new Row(type.code(), n, model_ / n, mean / n, yesterday / n));
      }
    }
    return new Result(first, trainTo, testFrom, last, rows, model);
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
