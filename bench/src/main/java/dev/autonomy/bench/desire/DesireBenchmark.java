package dev.autonomy.bench.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.engine.desire.DesireEvaluation;
import dev.autonomy.engine.desire.DesireTrainer;
import dev.autonomy.engine.desire.DesireTrainerSettings;
import dev.autonomy.engine.desire.Goals;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.quality.CleanResult;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Desire-model error against the two naive baselines for every person of a Fitabase export: each
 * person's signals are cleaned, featurised, and evaluated by {@link DesireEvaluation} (train on the
 * first days, test on the last {@code testDays}). No stated goals, so no prior.
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

  /** Mean over persons that have the desire. */
  public record Mean(
      String desire,
      int persons,
      @com.fasterxml.jackson.annotation.JsonProperty("model_mae") double modelMae,
      @com.fasterxml.jackson.annotation.JsonProperty("baseline_mean_mae") double baselineMeanMae,
      @com.fasterxml.jackson.annotation.JsonProperty("baseline_yesterday_mae") double baselineYesterdayMae) {
    @com.fasterxml.jackson.annotation.JsonProperty("beats_both")
    public boolean beatsBoth() {
      return modelMae < baselineMeanMae && modelMae < baselineYesterdayMae;
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
        out.append(' ').append(t.code()).append(" model | ").append(t.code()).append(" mean | ")
            .append(t.code()).append(" yesterday |");
      }
      out.append('\n').append(nested ? "|---|---:|---:|" : "|---|---:|");
      out.append("---:|---:|---:|".repeat(REPORTED.size()));
      out.append('\n');
      for (Person p : persons) {
        out.append("| ").append(p.id()).append(" | ").append(p.days()).append(" |");
        if (nested) {
          out.append(Double.isNaN(p.l2()) ? " - |" : String.format(Locale.ROOT, " %.0f |", p.l2()));
        }
        for (DesireType t : REPORTED) {
          DesireEvaluation.Row r = p.row(t);
          if (r == null) {
            out.append(" - | - | - |");
          } else {
            out.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f |",
                r.modelMae(), r.baselineMeanMae(), r.baselineYesterdayMae()));
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
        out.append(m == null ? " - | - | - |" : String.format(Locale.ROOT, " **%.4f** | %.4f | %.4f |",
            m.modelMae(), m.baselineMeanMae(), m.baselineYesterdayMae()));
      }
      out.append('\n').append('\n');
      for (Mean m : means) {
        out.append(String.format(Locale.ROOT,
            "%s: %d persons, model MAE %.4f vs mean baseline %.4f and yesterday baseline %.4f: %s%n",
            m.desire(), m.persons(), m.modelMae(), m.baselineMeanMae(), m.baselineYesterdayMae(),
            m.beatsBoth() ? "beats both" : "does NOT beat both"));
      }
      return out.toString();
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
        means.add(new Mean(t.code(), rows.size(),
            rows.stream().mapToDouble(DesireEvaluation.Row::modelMae).average().orElseThrow(),
            rows.stream().mapToDouble(DesireEvaluation.Row::baselineMeanMae).average().orElseThrow(),
            rows.stream().mapToDouble(DesireEvaluation.Row::baselineYesterdayMae).average().orElseThrow()));
      }
    }
    return new Report(testDays, nestedL2, persons, means);
  }
}
