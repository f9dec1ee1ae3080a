package dev.autonomy.bench.federated;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autonomy.bench.desire.FitabaseReader;
import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.engine.desire.DesireDataset;
import dev.autonomy.engine.desire.DesireEvaluation;
import dev.autonomy.engine.desire.DesireLearner;
import dev.autonomy.engine.desire.DesireTrainer;
import dev.autonomy.engine.desire.DesireTrainerSettings;
import dev.autonomy.engine.desire.Goals;
import dev.autonomy.engine.desire.ImplicitLabels;
import dev.autonomy.engine.desire.LabelScale;
import dev.autonomy.engine.desire.PopulationPrior;
import dev.autonomy.engine.desire.PopulationTrainer;
import dev.autonomy.engine.federate.PrivateUpdate;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.quality.Cleaner;
import dev.autonomy.engine.quality.DailyTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * What a population prior learned across persons does for a new person's desire model, on real
 * persons' data. Persons of {@code --train-data} form the federation; the new persons are those of
 * {@code --test-data}, or, without it, each fold of a leave-persons-out split of the train data (the
 * prior then never saw them). A new person's last {@code testDays} are held out; their model trains
 * on the days before (all of them, or only the last {@code coldDays}: a cold start).
 *
 * <p>Rows: the person's training mean (the baseline), their own model alone, the population prior
 * alone (their centre moved by the prior), their model with the federated prior at each epsilon,
 * and with the prior trained centrally on pooled data (an upper bound no private system reaches).
 * Federated rounds are simulated in one process with the client code the engine uses: every
 * federation member solves its local problem, clips to {@code clip}, adds its share of the noise;
 * the mean moves the prior. Noise draws differ per repeat: the federated rows average {@code
 * repeats} trainings and show the range of their MAE.
 */
public final class FederatedBenchmark {
  public static final List<DesireType> REPORTED = List.of(DesireType.MOVE, DesireType.REST, DesireType.EXPLORE);

  private FederatedBenchmark() {}

  /**
   * @param testDays days held out at the end of each new person's history
   * @param coldDays training days of a new person (0: every day before the held-out ones)
   * @param folds leave-persons-out folds when no test data is given
   * @param rounds federated rounds
   * @param clip clip norm of an update
   * @param delta the DP delta
   * @param epsilons the epsilons of the federated rows (infinity: clipped, no noise)
   * @param repeats federated trainings per epsilon (different noise)
   * @param seed trainer and noise seed
   * @param proximal a member's pull toward the current population weights, in days' worth (FedProx's
   *     mu; near 0: each member's own least-squares fit, federated averaging run to convergence)
   */
  public record Settings(int testDays, int coldDays, int folds, int rounds, double clip, double delta,
      List<Double> epsilons, int repeats, long seed, double proximal) {
    public Settings {
      Requires.positive(testDays, "testDays");
      Requires.nonNegative(coldDays, "coldDays");
      Requires.positive(folds, "folds");
      Requires.positive(rounds, "rounds");
      Requires.positive(repeats, "repeats");
      Requires.nonNegative(proximal, "proximal");
      epsilons = List.copyOf(epsilons);
    }
  }

  /** One setting's MAE, the mean over new persons, per desire; {@code *_range} over repeats. */
  public record Row(String setting, Double epsilon, @JsonProperty("noise_multiplier") Double noiseMultiplier,
      int persons, @JsonProperty("move_mae") double moveMae, @JsonProperty("rest_mae") double restMae,
      @JsonProperty("explore_mae") double exploreMae, @JsonProperty("move_mae_range") double[] moveRange,
      @JsonProperty("rest_mae_range") double[] restRange) {}

  public record Report(Settings settings, int federation, List<String> skipped, List<Row> rows) {
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("settings", settings);
      m.put("federation_persons", federation);
      m.put("skipped", skipped);
      m.put("rows", rows);
      return m;
    }

    public String toMarkdown() {
      StringBuilder out = new StringBuilder();
      Row mean = rows.get(0);
      out.append("| setting | epsilon | noise z | persons | move MAE | rest MAE | explore MAE | move / mean | rest / mean |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Row r : rows) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.4f%s | %.4f%s | %.4f | %.3f | %.3f |%n",
            r.setting(), r.epsilon() == null ? "-" : r.epsilon().isInfinite() ? "inf" : String.format(Locale.ROOT, "%.3g", r.epsilon()),
            r.noiseMultiplier() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.noiseMultiplier()), r.persons(),
            r.moveMae(), range(r.moveRange()), r.restMae(), range(r.restRange()), r.exploreMae(),
            r.moveMae() / mean.moveMae(), r.restMae() / mean.restMae()));
      }
      return out.toString();
    }

    private static String range(double[] r) {
      return r == null ? "" : String.format(Locale.ROOT, " (%.4f-%.4f)", r[0], r[1]);
    }
  }

  /** A person's cleaned days. */
  record Person(String id, DailyTable table) {
    int span() {
      return table.firstDate().map(f -> (int) (table.lastDate().orElseThrow().toEpochDay() - f.toEpochDay() + 1)).orElse(0);
    }
  }

  static List<Person> read(Path dir) throws IOException {
    Map<String, List<Signal>> all = FitabaseReader.read(dir);
    Cleaner cleaner = Cleaner.withDefaults();
    List<Person> out = new ArrayList<>();
    all.forEach((id, signals) -> out.add(new Person(id, cleaner.clean(signals).table())));
    return out;
  }

  public static Report run(Path trainDir, Path testDir, Settings settings, DoubleUnaryOperator noiseForEpsilon)
      throws IOException {
    DesireTrainerSettings trainer = DesireTrainerSettings.defaults(settings.seed());
    PopulationTrainer defaults = PopulationTrainer.defaults(trainer);
    PopulationTrainer population = new PopulationTrainer(defaults.inputs(), defaults.types(), defaults.l2(),
        settings.proximal(), defaults.medianCentre());
    List<Person> train = read(trainDir);
    List<Person> test = testDir == null ? train : read(testDir);
    int need = settings.testDays() + Math.max(7, settings.coldDays());
    List<String> skipped = new ArrayList<>();
    List<Person> eligible = new ArrayList<>();
    for (Person p : test) {
      if (p.span() < need) {
        skipped.add(p.id() + " (" + p.span() + " days, fewer than " + need + ")");
      } else {
        eligible.add(p);
      }
    }
    List<List<Person>> foldsOfTest = new ArrayList<>();
    if (testDir == null) {
      for (int f = 0; f < settings.folds(); f++) {
        List<Person> fold = new ArrayList<>();
        for (int i = f; i < eligible.size(); i += settings.folds()) {
          fold.add(eligible.get(i));
        }
        foldsOfTest.add(fold);
      }
    } else {
      foldsOfTest.add(eligible);
    }
    List<String> names = new ArrayList<>(List.of("mean", "personal", "population"));
    settings.epsilons().forEach(e -> names.add("federated"));
    names.add("pooled");
    int settingsCount = names.size();
    // errors[setting][desire][repeat] summed over persons
    double[][][] sums = new double[settingsCount][REPORTED.size()][settings.repeats()];
    int persons = 0;
    int federation = 0;
    for (List<Person> fold : foldsOfTest) {
      if (fold.isEmpty()) {
        continue;
      }
      List<Person> members = train.stream().filter(p -> fold.stream().noneMatch(t -> t.id().equals(p.id()))).toList();
      federation = Math.max(federation, members.size());
      List<PopulationTrainer.PersonData> data = members.stream().map(p -> population.person(wholeHistory(p))).toList();
      PopulationPrior pooled = population.pooled(data, new PopulationPrior.Origin("pooled", data.size(), 0, null, null,
          "bench federated", 0.0));
      List<List<PopulationPrior>> federated = new ArrayList<>();
      for (int e = 0; e < settings.epsilons().size(); e++) {
        double eps = settings.epsilons().get(e);
        double z = Double.isInfinite(eps) ? 0.0 : noiseForEpsilon.applyAsDouble(eps);
        List<PopulationPrior> repeats = new ArrayList<>();
        for (int r = 0; r < settings.repeats(); r++) {
          repeats.add(federate(population, data, settings, eps, z, new Random(settings.seed() * 1000 + e * 100 + r)));
        }
        federated.add(repeats);
      }
      for (Person p : fold) {
        ContextFeatures features = new ContextFeatures(newPersonTable(p, settings));
        persons++;
        DesireEvaluation.Result personal = evaluate(features, new DesireTrainer(trainer), settings);
        add(sums[0], personal, true, -1);
        add(sums[1], personal, false, -1);
        add(sums[2], evaluate(features, DesireTrainer.populationOnly(trainer, pooled), settings), false, -1);
        for (int e = 0; e < federated.size(); e++) {
          for (int r = 0; r < settings.repeats(); r++) {
            add(sums[3 + e], evaluate(features, new DesireTrainer(trainer, federated.get(e).get(r)), settings), false, r);
          }
        }
        add(sums[settingsCount - 1], evaluate(features, new DesireTrainer(trainer, pooled), settings), false, -1);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < settingsCount; s++) {
      boolean fed = s >= 3 && s < 3 + settings.epsilons().size();
      Double eps = fed ? settings.epsilons().get(s - 3) : null;
      Double z = fed ? (eps.isInfinite() ? 0.0 : noiseForEpsilon.applyAsDouble(eps)) : null;
      double[] mae = new double[REPORTED.size()];
      double[][] range = new double[REPORTED.size()][];
      for (int d = 0; d < REPORTED.size(); d++) {
        int reps = fed ? settings.repeats() : 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double total = 0;
        for (int r = 0; r < reps; r++) {
          double m = sums[s][d][r] / persons;
          total += m;
          lo = Math.min(lo, m);
          hi = Math.max(hi, m);
        }
        mae[d] = total / reps;
        range[d] = fed && reps > 1 ? new double[] {lo, hi} : null;
      }
      rows.add(new Row(names.get(s), eps, z, persons, mae[0], mae[1], mae[2], range[0], range[1]));
    }
    return new Report(settings, federation, skipped, rows);
  }

  /** Adds a result's per-desire MAE (the model's, or the mean baseline's) into one repeat's sums (-1: all). */
  private static void add(double[][] sums, DesireEvaluation.Result result, boolean baseline, int repeat) {
    for (int d = 0; d < REPORTED.size(); d++) {
      DesireEvaluation.Row row = result.row(REPORTED.get(d)).orElse(null);
      if (row == null) {
        continue;
      }
      double v = baseline ? row.baselineMeanMae() : row.modelMae();
      for (int r = 0; r < sums[d].length; r++) {
        if (repeat < 0 || r == repeat) {
          sums[d][r] += v;
        }
      }
    }
  }

  private static DesireEvaluation.Result evaluate(ContextFeatures features, DesireLearner learner, Settings settings) {
    return DesireEvaluation.evaluate(features, learner, Goals.none(), settings.testDays());
  }

  /** A new person's days: all of them, or only the last coldDays before the held-out days, and those. */
  static DailyTable newPersonTable(Person p, Settings settings) {
    if (settings.coldDays() == 0) {
      return p.table();
    }
    LocalDate last = p.table().lastDate().orElseThrow();
    return p.table().since(last.minusDays(settings.testDays() + settings.coldDays() - 1L));
  }

  /** A federation member's labelled days: their whole history, as their own vault holds it. */
  static DesireDataset wholeHistory(Person p) {
    DailyTable table = p.table();
    LocalDate first = table.firstDate().orElseThrow();
    LocalDate last = table.lastDate().orElseThrow();
    return DesireDataset.from(new ContextFeatures(table), new ImplicitLabels(table, LabelScale.fit(table, first, last)),
        first, last);
  }

  /** Federated rounds in one process: each member's local solution, clipped and noised; the mean moves the prior. */
  static PopulationPrior federate(PopulationTrainer trainer, List<PopulationTrainer.PersonData> members,
      Settings settings, double epsilon, double z, Random random) {
    PopulationPrior.Origin origin = new PopulationPrior.Origin("federated", members.size(), 0,
        Double.isInfinite(epsilon) ? null : epsilon, Double.isInfinite(epsilon) ? null : settings.delta(), "bench federated",
        0.0);
    PopulationPrior global = PopulationPrior.zero(trainer.inputs(), trainer.types(), origin);
    for (int round = 1; round <= settings.rounds(); round++) {
      double[] sum = new double[global.dimension()];
      for (PopulationTrainer.PersonData member : members) {
        PrivateUpdate pu = PrivateUpdate.of(trainer.localUpdate(global, member), settings.clip(), z, members.size(), random);
        double[] update = pu.values();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += update[i];
        }
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] /= members.size();
      }
      double noiseSd = PrivateUpdate.noiseAfterRound(global.origin().noiseSd(), z, settings.clip(), members.size());
      PopulationPrior.Origin now = new PopulationPrior.Origin("federated", members.size(), round, origin.epsilon(),
          origin.delta(), origin.source(), noiseSd);
      global = trainer.step(global, sum, now);
    }
    return global;
  }
}
