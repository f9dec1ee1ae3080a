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
  public record Person(String id, int days, List<DesireEvaluation.Row> rows, String skipped) {
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

  public record Report(int testDays, List<Person> persons, List<Mean> means) {
    public Report {
      persons = List.copyOf(persons);
      means = List.copyOf(means);
    }

    public String toMarkdown() {
      StringBuilder out = new StringBuilder();
      out.append("| person | days |");
      for (DesireType t : REPORTED) {
        out.append(' ').append(t.code()).append(" model | ").append(t.code()).append(" mean | ")
            .append(t.code()).append(" yesterday |");
      }
      out.append('\n').append("|---|---:|");
      out.append("---:|---:|---:|".repeat(REPORTED.size()));
      out.append('\n');
      for (Person p : persons) {
        out.append("| ").append(p.id()).append(" | ").append(p.days()).append(" |");
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
      out.append("| **mean over persons** | |");
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
      m.put("persons", persons);
      m.put("means", means);
      return m;
    }
  }

  public static Report run(Path dir, int testDays, DesireTrainerSettings settings) throws IOException {
    Requires.positive(testDays, "testDays");
    Map<String, List<Signal>> all = FitabaseReader.read(dir);
    Cleaner cleaner = Cleaner.withDefaults();
    DesireTrainer trainer = new DesireTrainer(settings);
    List<Person> persons = new ArrayList<>();
    for (Map.Entry<String, List<Signal>> e : all.entrySet()) {
      CleanResult clean = cleaner.clean(e.getValue());
      ContextFeatures features = new ContextFeatures(clean.table());
      int days = clean.table().firstDate().map(f -> (int) (clean.table().lastDate().orElseThrow().toEpochDay()
          - f.toEpochDay() + 1)).orElse(0);
      if (days < testDays + 7) {
        persons.add(new Person(e.getKey(), days, List.of(), "fewer than " + (testDays + 7) + " days"));
        continue;
      }
      DesireEvaluation.Result result = DesireEvaluation.evaluate(features, trainer, Goals.none(), testDays);
      persons.add(new Person(e.getKey(), days, result.rows(), ""));
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
    return new Report(testDays, persons, means);
  }
}
