package dev.autonomy.bench.recommend;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.option.OptionCatalogue;
import dev.autonomy.engine.rank.RankingPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Recommendation latency with 100 candidate options after a year of data: a seeded synthetic
 * person's 365 days are written as real files and imported, the model is trained, then warm
 * calls are timed one by one: ranking alone (score, rules, explanations), and the whole
 * {@code recommend} (ranking plus logging the decision in the vault, one SQLite transaction).
 *
 * <p>Run: {@code ./autonomy bench recommend [--calls 2000]}.
 */
public final class RecommendLatencyBenchmark {
  /** One measured path: its percentiles in milliseconds. */
  public record Row(String path, int calls, double p50, double p90, double p99, double max) {}

  private RecommendLatencyBenchmark() {}

  public static List<Row> run(Path work, int days, int options, int calls, long seed, PrintWriter progress) throws IOException {
    Clock clock = Clock.systemDefaultZone();
    SplittableRandom random = new SplittableRandom(seed);
    progress.printf("generating %d days of a synthetic person...%n", days);
    progress.flush();
    var files = DemoFiles.write(work.resolve("files"), SyntheticPerson.generate(LocalDate.now(clock), days, random.split()),
        clock.getZone(), random.split());
    List<Row> rows = new ArrayList<>();
    try (Autonomy autonomy = Autonomy.open(work.resolve("vault"), clock, random.split())) {
      for (Path f : files.all()) {
        autonomy.importPath(f, null, null);
      }
      progress.printf("imported %d signals; training...%n", autonomy.signalCount());
      progress.flush();
      autonomy.addRule("never swim");
      autonomy.addRule("max 45 minutes on weekdays");
      List<Option> candidates = candidates(options, new SplittableRandom(seed + 1));
      Situation situation = new Situation(ZonedDateTime.now(clock), Map.of("place", "outdoor", "free_minutes", "60"));
      RankingPolicy policy = new RankingPolicy(5, 0.1);
      autonomy.desires(situation); // trains and caches the model
      for (int i = 0; i < 300; i++) {
        autonomy.rank(situation, policy, candidates);
      }
      double[] rank = new double[calls];
      for (int i = 0; i < calls; i++) {
        long t = System.nanoTime();
        autonomy.rank(situation, policy, candidates);
        rank[i] = (System.nanoTime() - t) / 1e6;
      }
      rows.add(row("rank 100 options (score, rules, explain)", rank));
      autonomy.addOptions(writeCsv(work.resolve("options.csv"), candidates.subList(OptionCatalogue.builtIn().size(), candidates.size())));
      int logged = Math.min(calls, 1000);
      for (int i = 0; i < 100; i++) {
        autonomy.recommend(situation, policy);
      }
      double[] full = new double[logged];
      for (int i = 0; i < logged; i++) {
        long t = System.nanoTime();
        autonomy.recommend(situation, policy);
        full[i] = (System.nanoTime() - t) / 1e6;
      }
      rows.add(row("recommend (rank + log decision in vault)", full));
    }
    return rows;
  }

  /** The built-in catalogue plus generated options, {@code n} in all. */
  static List<Option> candidates(int n, SplittableRandom random) {
    List<Option> out = new ArrayList<>(OptionCatalogue.builtIn().all());
    String[] activities = {"run", "walk", "cycle", "strength", "yoga", "climb", "shop", "cook", "read", "museum"};
    int i = 0;
    while (out.size() < n) {
      DesireType desire = DesireType.values()[random.nextInt(DesireType.values().length)];
      Place place = Place.values()[random.nextInt(Place.values().length)];
      String activity = activities[random.nextInt(activities.length)];
      out.add(new Option("gen-" + i, "Generated option " + i, desire, place, 10 + random.nextInt(110), random.nextInt(11),
          random.nextInt(50), activity, Set.of("generated")));
      i++;
    }
    return out;
  }

  static Path writeCsv(Path file, List<Option> options) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(OptionCatalogue.COLUMNS.toArray(String[]::new)).get();
    try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file), format)) {
      for (Option o : options) {
        out.printRecord(o.id(), o.name(), o.desire().code(), o.place().code(), Integer.toString(o.minutes()),
            Double.toString(o.effort()), Double.toString(o.cost()), o.activity(), String.join(";", o.tags()));
      }
    }
    return file;
  }

  private static Row row(String name, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return new Row(name, ms.length, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1]);
  }

  private static double pct(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  public static String table(List<Row> rows) {
    StringBuilder sb = new StringBuilder("| path | calls | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", r.path(), r.calls(), r.p50(), r.p90(), r.p99(), r.max()));
    }
    return sb.toString();
  }
}
