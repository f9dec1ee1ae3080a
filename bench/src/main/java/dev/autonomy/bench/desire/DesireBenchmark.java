package dev.autonomy.bench.desire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.engine.desire.DesireEvaluation;
import dev.autonomy.engine.desire.DesireTrainer;
import dev.autonomy.engine.desire.DesireTrainerSettings;
import dev.autonomy.engine.desire.Goals;
import dev.autonomy.engine.desire.PairedBootstrap;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.quality.CleanResult;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Desire-model error against the naive baselines (training mean, training median, yesterday) for
 * every person of a Fitabase export: each person's signals are cleaned, featurised, and evaluated by
 * {@link DesireEvaluation} (train on the first days, test on the last {@code testDays}; each row
 * with its bootstrap intervals over those days and its verdict). No stated goals, so no prior. The
 * mean over persons comes with intervals from resampling persons.
 *
 * <p>Run: {@code ./autonomy bench desires --data ../shared/data/fitbit-fitabase-2016}
 */
public final class DesireBenchmark {
  /** Desires reported, in order; the others have no labels in Fitabase data. */
  public static final List<DesireType> REPORTED = List.of(DesireType.MOVE, DesireType.REST, DesireType.EXPLORE);

  private DesireBenchmark() {}

  /** One person's rows; persons with too little data are listed with a reason. */
  public record Person(String id, int days, List<DesireEvaluation.Row> rows, String skipped, double l2) {
    public Person {
      rows = List.copyOf(rows);
      skipped = skipped == null ? "" : skipped;
    }

    DesireEvaluation.Row row(DesireType type) {
      return rows.stream().filter(r -> r.desire().equals(type.code())).findFirst().orElse(null);
    }
  }

  /**
   * Mean over persons that have the desire, with the paired difference model minus each baseline
   * resampled over persons (95% percentile bootstrap, {@link PairedBootstrap#DEFAULT}), the verdict
   * over persons, and how many single persons got each verdict on their own test days.
   */
  public record Mean(
      String desire,
      int persons,
      @JsonProperty("model_mae") double modelMae,
      @JsonProperty("baseline_mean_mae") double baselineMeanMae,
      @JsonProperty("baseline_yesterday_mae") double baselineYesterdayMae,
      @JsonProperty("baseline_median_mae") double baselineMedianMae,
      @JsonUnwrapped(prefix = "diff_mean_ci_") PairedBootstrap.Interval diffMeanCi,
      @JsonUnwrapped(prefix = "diff_median_ci_") PairedBootstrap.Interval diffMedianCi,
      @JsonUnwrapped(prefix = "diff_yesterday_ci_") PairedBootstrap.Interval diffYesterdayCi,
      String verdict,
      @JsonProperty("person_verdicts") Map<String, Integer> personVerdicts) {
    public Mean {
      personVerdicts = Collections.unmodifiableMap(new TreeMap<>(personVerdicts));
    }

    /** The point estimates alone: below the mean and the yesterday baselines (the original target). */
    @JsonProperty("beats_both")
    public boolean beatsBoth() {
      return modelMae < baselineMeanMae && modelMae < baselineYesterdayMae;
    }

    static Mean over(String desire, List<DesireEvaluation.Row> rows) {
      List<double[]> series = List.of(
          rows.stream().mapToDouble(DesireEvaluation.Row::modelMae).toArray(),
          rows.stream().mapToDouble(DesireEvaluation.Row::baselineMeanMae).toArray(),
          rows.stream().mapToDouble(DesireEvaluation.Row::baselineMedianMae).toArray(),
          rows.stream().mapToDouble(DesireEvaluation.Row::baselineYesterdayMae).toArray());
      double[] mean = series.stream().mapToDouble(x -> Arrays.stream(x).average().orElseThrow()).toArray();
      PairedBootstrap.Result ci = PairedBootstrap.DEFAULT.run(series);
      DesireEvaluation.Row overPersons = new DesireEvaluation.Row(desire, rows.size(), mean[0], mean[1], mean[3],
          mean[2], ci.means().get(0), ci.means().get(1), ci.means().get(2), ci.means().get(3), ci.difference(1),
          ci.difference(2), ci.difference(3));
      Map<String, Integer> verdicts = new TreeMap<>();
      rows.forEach(r -> verdicts.merge(r.verdict(), 1, Integer::sum));
      return new Mean(desire, rows.size(), mean[0], mean[1], mean[3], mean[2], ci.difference(1), ci.difference(2),
          ci.difference(3), overPersons.verdict(), verdicts);
    }
  }

  public record Report(int testDays, boolean nested, List<Person> persons, List<Mean> means) {
    public Report {
      persons = List.copyOf(persons);
      means = List.copyOf(means);
    }

    public String toMarkdown() {
      StringBuilder out = new StringBuilder();
      out.append(nested ? "| person | days | l2 |" : "| person | days |");
      for (DesireType t : REPORTED) {
        String c = t.code();
        out.append(' ').append(c).append(" model | ").append(c).append(" mean | ").append(c).append(" median | ")
            .append(c).append(" yesterday | ").append(c).append(" verdict |");
      }
      out.append('\n').append(nested ? "|---|---:|---:|" : "|---|---:|");
      out.append("---:|---:|---:|---:|---|".repeat(REPORTED.size()));
      out.append('\n');
      for (Person p : persons) {
        out.append("| ").append(p.id()).append(" | ").append(p.days()).append(" |");
        if (nested) {
          out.append(Double.isNaN(p.l2()) ? " - |" : String.format(Locale.ROOT, " %.0f |", p.l2()));
        }
        for (DesireType t : REPORTED) {
          DesireEvaluation.Row r = p.row(t);
          if (r == null) {
            out.append(" - | - | - | - | - |");
          } else {
            out.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f | %.3f | %s |",
                r.modelMae(), r.baselineMeanMae(), r.baselineMedianMae(), r.baselineYesterdayMae(), r.verdict()));
          }
        }
        if (!p.skipped().isEmpty()) {
          out.append(" (").append(p.skipped()).append(')');
        }
        out.append('\n');
      }
      out.append(nested ? "| **mean over persons** | | |" : "| **mean over persons** | |");
      for (DesireType t : REPORTED) {
        Mean m = means.stream().filter(x -> x.desire().equals(t.code())).findFirst().orElse(null);
        out.append(m == null ? " - | - | - | - | - |" : String.format(Locale.ROOT, " **%.4f** | %.4f | %.4f | %.4f | %s |",
            m.modelMae(), m.baselineMeanMae(), m.baselineMedianMae(), m.baselineYesterdayMae(), m.verdict()));
      }
      out.append('\n').append('\n');
      for (Mean m : means) {
        out.append(String.format(Locale.ROOT,
            "%s: %d persons, model MAE %.4f vs mean baseline %.4f and yesterday baseline %.4f: %s; median baseline"
                + " %.4f%n",
            m.desire(), m.persons(), m.modelMae(), m.baselineMeanMae(), m.baselineYesterdayMae(),
            m.beatsBoth() ? "beats both" : "does NOT beat both", m.baselineMedianMae()));
        out.append(String.format(Locale.ROOT,
            "  model - baseline, 95%% interval over persons: mean %s, median %s, yesterday %s: %s; single persons: %s%n",
            interval(m.diffMeanCi()), interval(m.diffMedianCi()), interval(m.diffYesterdayCi()), m.verdict(),
            m.personVerdicts()));
      }
      return out.toString();
    }

    private static String interval(PairedBootstrap.Interval i) {
      return String.format(Locale.ROOT, "[%+.4f, %+.4f]", i.low(), i.high());
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test_days", testDays);
      m.put("nested_l2", nested);
      m.put("persons", persons);
      m.put("means", means);
      return m;
    }
  }

  /** Ridge penalties tried by the nested selection. */
  public static final List<Double> L2_CANDIDATES = List.of(3.0, 10.0, 30.0, 100.0, 300.0);
  static final int INNER_TEST_DAYS = 5;

  /**
   * Picks l2 for one person without looking at the test days: the training days are split again
   * (the last {@value #INNER_TEST_DAYS} held out), each candidate is scored by move + rest MAE there,
   * and the best is used for the real split.
   */
  static DesireTrainerSettings selectL2(DailyTable table, int testDays, DesireTrainerSettings settings) {
    DailyTable training = table.until(table.lastDate().orElseThrow().minusDays(testDays));
    ContextFeatures features = new ContextFeatures(training);
    DesireTrainerSettings best = settings;
    double bestError = Double.POSITIVE_INFINITY;
    for (double l2 : L2_CANDIDATES) {
      DesireTrainerSettings candidate = settings.withL2(l2);
      DesireEvaluation.Result r =
          DesireEvaluation.evaluate(features, new DesireTrainer(candidate), Goals.none(), INNER_TEST_DAYS);
      double error = r.rows().stream().filter(x -> x.desire().equals("move") || x.desire().equals("rest"))
          .mapToDouble(DesireEvaluation.Row::modelMae).sum();
      if (error < bestError) {
        bestError = error;
        best = candidate;
      }
    }
    return best;
  }

  public static Report run(Path dir, int testDays, DesireTrainerSettings settings) throws IOException {
    return run(dir, testDays, settings, false);
  }

  /** With {@code nestedL2}, each person's l2 is chosen on their training days only ({@link #selectL2}). */
  public static Report run(Path dir, int testDays, DesireTrainerSettings settings, boolean nestedL2)
      throws IOException {
    Requires.positive(testDays, "testDays");
    Map<String, List<Signal>> all = FitabaseReader.read(dir);
    Cleaner cleaner = Cleaner.withDefaults();
    List<Person> persons = new ArrayList<>();
    for (Map.Entry<String, List<Signal>> e : all.entrySet()) {
      CleanResult clean = cleaner.clean(e.getValue());
      ContextFeatures features = new ContextFeatures(clean.table());
      int days = clean.table().firstDate().map(f -> (int) (clean.table().lastDate().orElseThrow().toEpochDay()
          - f.toEpochDay() + 1)).orElse(0);
      if (days < testDays + 7) {
        persons.add(new Person(e.getKey(), days, List.of(), "fewer than " + (testDays + 7) + " days", Double.NaN));
        continue;
      }
      DesireTrainerSettings chosen = nestedL2 ? selectL2(clean.table(), testDays, settings) : settings;
      DesireEvaluation.Result result =
          DesireEvaluation.evaluate(features, new DesireTrainer(chosen), Goals.none(), testDays);
      persons.add(new Person(e.getKey(), days, result.rows(), "", chosen.l2()));
    }
    List<Mean> means = new ArrayList<>();
    for (DesireType t : REPORTED) {
      List<DesireEvaluation.Row> rows = persons.stream().map(p -> p.row(t)).filter(r -> r != null).toList();
      if (!rows.isEmpty()) {
        means.add(Mean.over(t.code(), rows));
      }
    }
    return new Report(testDays, nestedL2, persons, means);
  }
}
