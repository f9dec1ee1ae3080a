package dev.autonomy.bench.moment;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.engine.moment.BlockSeries;
import dev.autonomy.engine.moment.MomentEvaluation;
import dev.autonomy.ingest.Importers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The moment model on every person of a Fitabase export: each person's files go through the same
 * Fitbit importer a person would use, their hourly steps become blocks, the last days are held out
 * ({@link MomentEvaluation}). The mean over persons comes with a 95% interval from a bootstrap over
 * persons.
 */
public final class MomentBenchmark {
  static final int RESAMPLES = 2000;

  private MomentBenchmark() {}

  /** One person's row, or why they were left out. */
  public record Person(String id, int days, Optional<MomentEvaluation.Row> row, String skipped) {}

  /** The table and its means. */
  public record Report(int blockHours, int testDays, List<Person> persons, double modelMae, double blockMeanMae,
      double yesterdayMae, double blockMedianMae, double ratio, double ratioCiLow, double ratioCiHigh,
      double ratioToMedian) {

    public String table() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Moment model, %d-hour blocks, last %d days of each person held out%n%n",
          blockHours, testDays));
      out.append("| person | days | model MAE [95% CI] | block mean | block median | yesterday | ratio to best [95% CI] | verdict |\n");
      out.append("|---|---|---|---|---|---|---|---|\n");
      for (Person p : persons) {
        if (p.row().isEmpty()) {
          out.append(String.format(Locale.ROOT, "| %s | %d | skipped: %s | | | | | |%n", p.id(), p.days(), p.skipped()));
          continue;
        }
        MomentEvaluation.Row r = p.row().get();
        out.append(String.format(Locale.ROOT, "| %s | %d | %.4f [%.4f, %.4f] | %.4f | %.4f | %.4f | %.3f [%.3f, %.3f] | %s |%n",
            p.id(), p.days(), r.modelMae(), r.modelCiLow(), r.modelCiHigh(), r.baselineBlockMeanMae(),
            r.baselineBlockMedianMae(), r.baselineYesterdayMae(), r.ratio(), r.ratioCiLow(), r.ratioCiHigh(), r.verdict()));
      }
      out.append(String.format(Locale.ROOT, "| **mean over %d persons** | | %.4f | %.4f | %.4f | %.4f | %.3f [%.3f, %.3f] | |%n",
          evaluated(), modelMae, blockMeanMae, blockMedianMae, yesterdayMae, ratio, ratioCiLow, ratioCiHigh));
      out.append(String.format(Locale.ROOT,
          "%nRatio of mean model MAE to the better baseline (block mean or yesterday): %.3f [%.3f, %.3f], bootstrap over persons;"
              + " to the block median: %.3f.%n", ratio, ratioCiLow, ratioCiHigh, ratioToMedian));
      return out.toString();
    }

    public long evaluated() {
      return persons.stream().filter(p -> p.row().isPresent()).count();
    }

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("block_hours", blockHours);
      m.put("test_days", testDays);
      m.put("persons", persons.stream().map(p -> p.row().<Object>map(r -> r).orElse(Map.of("id", p.id(), "skipped", p.skipped()))).toList());
      m.put("model_mae", modelMae);
      m.put("baseline_block_mean_mae", blockMeanMae);
      m.put("baseline_yesterday_mae", yesterdayMae);
      m.put("baseline_block_median_mae", blockMedianMae);
      m.put("ratio", ratio);
      m.put("ratio_ci_low", ratioCiLow);
      m.put("ratio_ci_high", ratioCiHigh);
      m.put("ratio_to_block_median", ratioToMedian);
      return m;
    }
  }

  public static Report run(Path dir, int blockHours, int testDays, long seed) throws IOException {
    List<Person> persons = new ArrayList<>();
    for (String id : personIds(dir.resolve("hourlySteps_merged.csv"))) {
      List<Signal> signals = new ArrayList<>();
      Importers.forFormat("fitbit").read(dir, new ImportOptions(Optional.of(id), ZoneOffset.UTC, "fitabase"), signals::add);
      BlockSeries series = BlockSeries.of(signals, blockHours);
      int days = series.days().size();
      try {
        persons.add(new Person(id, days, Optional.of(MomentEvaluation.evaluate(series, testDays, seed)), ""));
      } catch (InvalidInputException tooShort) {
        persons.add(new Person(id, days, Optional.empty(), tooShort.getMessage()));
      }
    }
    List<MomentEvaluation.Row> rows = persons.stream().flatMap(p -> p.row().stream()).toList();
    double[] means = means(rows, IntStream.range(0, rows.size()).toArray());
    SplittableRandom random = new SplittableRandom(seed);
    double[] draws = new double[RESAMPLES];
    int[] pick = new int[rows.size()];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < pick.length; i++) {
        pick[i] = random.nextInt(pick.length);
      }
      double[] m = means(rows, pick);
      draws[r] = m[0] / Math.min(m[1], m[2]);
    }
    Arrays.sort(draws);
    return new Report(blockHours, testDays, persons, means[0], means[1], means[2], means[3],
        means[0] / Math.min(means[1], means[2]), draws[(int) (0.025 * (RESAMPLES - 1))],
        draws[(int) Math.ceil(0.975 * (RESAMPLES - 1))], means[0] / means[3]);
  }

  private static double[] means(List<MomentEvaluation.Row> rows, int[] pick) {
    double[] m = new double[4];
    for (int i : pick) {
      MomentEvaluation.Row r = rows.get(i);
      m[0] += r.modelMae() / pick.length;
      m[1] += r.baselineBlockMeanMae() / pick.length;
      m[2] += r.baselineYesterdayMae() / pick.length;
      m[3] += r.baselineBlockMedianMae() / pick.length;
    }
    return m;
  }

  private static List<String> personIds(Path hourlySteps) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    try (Reader in = Files.newBufferedReader(hourlySteps, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        ids.add(r.get("Id"));
      }
    }
    return List.copyOf(ids);
  }
}
