package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.ContextFeatures;
import dev.autonomy.engine.features.FeatureVector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;

/**
 * Learns a {@link LinearDesireModel} from labelled days with Tribuo's {@link LinearSGDTrainer}
 * (squared loss, AdaGrad, seeded shuffling). Per desire:
 *
 * <ol>
 *   <li>inputs are standardised with the training days' mean and standard deviation; inputs that
 *       did not vary are left out of the fit (weight 0);
 *   <li>the target is the label minus its training mean, so the intercept starts at the person's
 *       own mean;
 *   <li>L2 regularisation is added as ridge pseudo-rows (for each input, one example with that
 *       input at sqrt(l2) and target 0), which is exactly a penalty {@code l2 * w^2} on the squared
 *       loss and shrinks the model toward the person's mean when data is short;
 *   <li>the weights are read back from the Tribuo model into a plain {@link LinearHead} (checked
 *       against Tribuo's own prediction);
 *   <li>the fit is shrunk toward the person's training mean, {@code mean + lambda * (fit - mean)},
 *       with lambda chosen from the settings' grid by rolling-origin validation on the training
 *       days only (later days predicted by heads fitted on the days before them), so a desire whose
 *       data supports nothing more predicts the person's own mean; lambda is kept on the head;
 *   <li>the result is blended with the stated goal by data volume.
 * </ol>
 *
 * Every desire gets a head: one without labelled days and without a goal predicts a neutral 0.5
 * with confidence 0.
 *
 * <p>Holds only settings; one instance trains any number of models.
 */
public final class DesireTrainer implements DesireLearner {
  public static final String TRAINER =
      "tribuo-regression-sgd 4.3.2 LinearSGDTrainer(AdaGrad) with ridge pseudo-rows";
  private static final String TARGET = "intensity";
  /**
   * Tribuo reports each training run on java.util.logging at INFO; engines do not log, so its SGD
   * trainer's logger is held (JUL keeps loggers weakly) at WARNING.
   */
  private static final java.util.logging.Logger TRIBUO_SGD_LOG = quiet("org.tribuo.common.sgd.AbstractSGDTrainer");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }
  private final DesireTrainerSettings settings;
  private final PopulationPrior population;
  private final List<Double> kappaGrid;

  public DesireTrainer(DesireTrainerSettings settings) {
    this(settings, null);
  }

  /**
   * A trainer whose fits shrink toward {@code population} (null: toward the person's own mean
   * only). How far each desire follows the population, {@code kappa} of {@link #KAPPA_GRID}, is
   * chosen with the personal share by the same rolling-origin validation.
   */
  public DesireTrainer(DesireTrainerSettings settings, PopulationPrior population) {
    this(settings, population, KAPPA_GRID);
  }

  private DesireTrainer(DesireTrainerSettings settings, PopulationPrior population, List<Double> kappaGrid) {
    this.settings = Requires.nonNull(settings, "settings");
    this.population = population;
    this.kappaGrid = List.copyOf(kappaGrid);
  }

  /**
   * The population prior alone, for comparison: each desire predicts the person's own centre moved
   * by the whole prior, and nothing of the person's own fit.
   */
  public static DesireTrainer populationOnly(DesireTrainerSettings settings, PopulationPrior population) {
    Requires.nonNull(population, "population");
    return new DesireTrainer(settings.withShrinkGrid(List.of(0.0), settings.shrinkFolds()), population, List.of(1.0));
  }

  /** Shares of the population prior's weights tried per desire when there is one. */
  static final List<Double> KAPPA_GRID = List.of(0.0, 0.5, 1.0);

  /** The trainer with another population prior (null: none). */
  public DesireTrainer withPopulation(PopulationPrior prior) {
    return new DesireTrainer(settings, prior, kappaGrid);
  }

  public DesireTrainerSettings settings() {
    return settings;
  }

  /**
   * Trains on every day of a person's table: label yardsticks fitted on all of it, each labelled
   * day's start-of-day features. A table without data gives a model of the goals alone.
   */
  public LinearDesireModel train(ContextFeatures features, Goals goals) {
    Requires.nonNull(features, "features");
    var table = features.table();
    if (table.firstDate().isEmpty()) {
      return train(new DesireDataset(java.util.List.of()), goals);
    }
    java.time.LocalDate first = table.firstDate().orElseThrow();
    java.time.LocalDate last = table.lastDate().orElseThrow();
    ImplicitLabels labels = new ImplicitLabels(table, LabelScale.fit(table, first, last));
    return train(DesireDataset.from(features, labels, first, last), goals);
  }

  @Override
  public LinearDesireModel train(DesireDataset data, Goals goals) {
    Requires.nonNull(data, "data");
    Requires.nonNull(goals, "goals");
    Map<DesireType, LinearHead> heads = new EnumMap<>(DesireType.class);
    for (DesireType type : DesireType.values()) {
      List<DesireDataset.LabelledDay> rows =
          data.days().stream().filter(d -> d.labels().containsKey(type)).toList();
      heads.put(type, trainHead(type, rows, goals));
    }
    String from = data.days().isEmpty() ? "" : data.days().get(0).day().toString();
    String to = data.days().isEmpty() ? "" : data.days().get(data.days().size() - 1).day().toString();
    Map<String, String> described = new java.util.LinkedHashMap<>(settings.asText());
    if (population != null) {
      described.put("population_prior", population.origin().describe());
    }
    return new LinearDesireModel(heads,
        new ModelProvenance(TRAINER, described, settings.seed(), from, to, ModelProvenance.CURRENT_VERSION));
  }

  private LinearHead trainHead(DesireType type, List<DesireDataset.LabelledDay> rows, Goals goals) {
    double[] prior = population == null || !population.covers(type)
        ? null : population.weightsFor(type, settings.inputs());
    Shares shares = chooseShares(type, rows, prior);
    Fit fit = fitHead(type, rows, goals, shares.kappa(), prior);
    LinearHead head = fit.learned() ? fit.head().shrunkToward(fit.centre(), shares.lambda()) : fit.head();
    return fit.population() == null ? head : head.withPopulation(fit.population());
  }

  /**
   * A head fitted as it is, the training centre of its label, whether any personal weights were
   * learned, and the population prior's part of its weights (null when none applies).
   */
  private record Fit(LinearHead head, double centre, boolean learned, double[] population) {}

  /** How much of the population prior ({@code kappa}) and of the person's own fit ({@code lambda}) to keep. */
  private record Shares(double kappa, double lambda) {}

  /**
   * Rolling-origin validation inside the training days (time-ordered): the later half of the days
   * is cut into {@code shrinkFolds} blocks; each block is predicted by heads fitted on every day
   * before it, as mean + kappa * population + lambda * (fit - mean) for each kappa of {@link
   * #KAPPA_GRID} (only 0 without a population prior; the personal fit is refitted on what the
   * population leaves) and each lambda of the grid, and the pair with the smallest total absolute
   * error wins (ties: the smaller kappa, then the smaller lambda). With fewer than 2 days to
   * validate on, the data cannot show that the person's fit helps: the smallest lambda, and the
   * whole population prior where there is one (a new person starts from it).
   */
  private Shares chooseShares(DesireType type, List<DesireDataset.LabelledDay> rows, double[] prior) {
    List<Double> grid = settings.shrinkGrid().stream().sorted().toList();
    List<Double> kappas = prior == null ? List.of(0.0) : kappaGrid;
    int n = rows.size();
    int start = Math.max(Math.max(2, settings.minDays()), n / 2);
    if (n - start < 2 || (grid.size() == 1 && kappas.size() == 1)) {
      return new Shares(kappas.get(kappas.size() - 1), grid.get(0));
    }
    int block = (int) Math.ceil((n - start) / (double) settings.shrinkFolds());
    double[][] error = new double[kappas.size()][grid.size()];
    for (int origin = start; origin < n; origin += block) {
      for (int k = 0; k < kappas.size(); k++) {
        double kappa = kappas.get(k);
        Fit fold = fitHead(type, rows.subList(0, origin), Goals.none(), kappa, prior);
        for (int r = origin; r < Math.min(n, origin + block); r++) {
          FeatureVector x = rows.get(r).x();
          double fitted = fold.head().batch(x);
          double fromPopulation = fold.population() == null ? 0.0 : dot(fold.population(), fold.head().z(x));
          double truth = rows.get(r).labels().get(type);
          for (int g = 0; g < grid.size(); g++) {
            double personal = fold.learned() ? grid.get(g) * (fitted - fold.centre()) : 0.0;
            double p = Math.max(0.0, Math.min(1.0, fold.centre() + fromPopulation + personal));
            error[k][g] += Math.abs(p - truth);
          }
        }
      }
    }
    int bestK = 0;
    int bestG = 0;
    for (int k = 0; k < kappas.size(); k++) {
      for (int g = 0; g < grid.size(); g++) {
        if (error[k][g] < error[bestK][bestG] - 1e-12) {
          bestK = k;
          bestG = g;
        }
      }
    }
    return new Shares(kappas.get(bestK), grid.get(bestG));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * Fits one head: the person's own weights on what is left after {@code kappa} of the population
   * prior, which is then added to them (on the inputs that varied in these days; an input that did
   * not vary says nothing about this person). A population part is returned only when it applies
   * (a prior, kappa above 0, and at least two days with something varied).
   */
  private Fit fitHead(DesireType type, List<DesireDataset.LabelledDay> rows, Goals goals, double kappa,
      double[] prior) {
    List<String> inputs = settings.inputs();
    PersonRows data = PersonRows.of(type, rows, inputs);
    int n = data.size();
    int p = inputs.size();
    double[] mean = data.mean();
    double[] sd = data.sd();
    double[] y = data.y();
    double goal = goals.prior(type).orElse(Double.NaN);
    double yMean = n == 0 ? (Double.isNaN(goal) ? 0.5 : goal) : centre(y);
    double[] w = new double[p];
    double bias = yMean;
    List<Integer> varied = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      if (data.varied(i)) {
        varied.add(i);
      }
    }
    double[] fromPopulation = null;
    if (prior != null && kappa > 0 && n >= 2 && !varied.isEmpty()) {
      fromPopulation = new double[p];
      for (int i : varied) {
        fromPopulation[i] = kappa * prior[i];
      }
    }
    boolean learned = n >= Math.max(2, settings.minDays()) && !varied.isEmpty();
    if (learned) {
      double[] target = new double[n];
      for (int r = 0; r < n; r++) {
        target[r] = y[r] - yMean - (fromPopulation == null ? 0.0 : dot(fromPopulation, data.z(r)));
      }
      double[] fitted = fit(type, data.x(), target, mean, sd, varied, w);
      bias = yMean + fitted[0];
    }
    List<Double> means = new ArrayList<>();
    List<Double> scales = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      means.add(mean[i]);
      scales.add(sd[i]);
      weights.add(w[i]);
    }
    return new Fit(LinearHead.fitted(type, inputs, means, scales, weights, bias, goal, settings.priorStrength(), n),
        yMean, learned, fromPopulation);
  }

  private double centre(double[] y) {
    if (settings.centreOnMedian()) {
      return LabelScale.percentile(y, 0.5);
    }
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    return sum / y.length;
  }

  /** Fits the varied inputs to {@code target} (already centred) with Tribuo; fills {@code w}, returns {intercept}. */
  private double[] fit(DesireType type, double[][] x, double[] target, double[] mean, double[] sd,
      List<Integer> varied, double[] w) {
    RegressionFactory factory = new RegressionFactory();
    List<org.tribuo.Example<Regressor>> examples = new ArrayList<>();
    String[] names = new String[varied.size()];
    for (int k = 0; k < names.length; k++) {
      names[k] = settings.inputs().get(varied.get(k));
    }
    for (int r = 0; r < x.length; r++) {
      double[] z = new double[names.length];
      for (int k = 0; k < names.length; k++) {
        int i = varied.get(k);
        z[k] = (x[r][i] - mean[i]) / sd[i];
      }
      examples.add(new ArrayExample<>(new Regressor(TARGET, target[r]), names, z));
    }
    double ridge = Math.sqrt(settings.l2());
    if (ridge > 0) {
      for (String name : names) {
        examples.add(new ArrayExample<>(new Regressor(TARGET, 0.0), new String[] {name}, new double[] {ridge}));
      }
    }
    MutableDataset<Regressor> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
        new SimpleDataSourceProvenance("labelled days of desire " + type.code(), factory)));
    LinearSGDTrainer trainer = new LinearSGDTrainer(
        settings.loss().objective(), new AdaGrad(settings.learningRate(), 1e-6), settings.epochs(), -1, 1, settings.seed());
    LinearSGDModel model = trainer.train(dataset);
    DenseMatrix weights = model.getWeightsCopy();
    ImmutableFeatureMap featureMap = model.getFeatureIDMap();
    int biasColumn = weights.getDimension2Size() - 1;
    for (int k = 0; k < names.length; k++) {
      VariableInfo info = featureMap.get(names[k]);
      w[varied.get(k)] = info == null ? 0.0 : weights.get(0, featureMap.getID(names[k]));
    }
    double intercept = weights.get(0, biasColumn);
    checkAgainstTribuo(model, examples.get(0), names, varied, x[0], mean, sd, w, intercept);
    return new double[] {intercept};
  }

  private static void checkAgainstTribuo(LinearSGDModel model, org.tribuo.Example<Regressor> example,
      String[] names, List<Integer> varied, double[] row, double[] mean, double[] sd, double[] w, double intercept) {
    double ours = intercept;
    for (int k = 0; k < names.length; k++) {
      int i = varied.get(k);
      ours += w[i] * (row[i] - mean[i]) / sd[i];
    }
    double theirs = model.predict(example).getOutput().getValues()[0];
    if (Math.abs(ours - theirs) > 1e-6 * (1 + Math.abs(theirs))) {
      throw new IllegalStateException(
          "weights read from Tribuo do not reproduce its prediction: " + ours + " vs " + theirs);
    }
  }
}
