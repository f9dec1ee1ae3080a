package dev.autonomy.engine.desire;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a {@link PopulationPrior}: centrally from pooled persons (an upper bound no private system
 * reaches, for benchmarks), or one person's side of a federated round ({@link #localUpdate}) and
 * the coordinator's step ({@link #step}).
 *
 * <p>Each person's rows are standardised against their own days and the target is the label minus
 * their own centre ({@link PersonRows}), so what is learned is how context moves a person from
 * their usual, never anyone's level. Both ways solve ridge problems exactly (the dimension is a few
 * dozen): pooled, one ridge regression over every person's rows; federated, each person solves
 * their own rows with a proximal pull of strength {@code proximal} (in days' worth) toward the
 * current population weights (FedProx with the local problem solved exactly rather than by a few
 * gradient steps) and sends the difference.
 *
 * @param inputs the prior's inputs
 * @param types the desires it covers
 * @param l2 ridge penalty of the pooled fit, in days' worth per weight
 * @param proximal the pull toward the current population weights in a person's local fit, in days' worth
 * @param medianCentre whether targets are centred on each person's median (else their mean)
 */
public record PopulationTrainer(List<String> inputs, List<DesireType> types, double l2, double proximal,
    boolean medianCentre) {
  /** The desires every wearable's data labels: what a federation of such persons can learn. */
  public static final List<DesireType> WEARABLE_DESIRES = List.of(DesireType.MOVE, DesireType.REST, DesireType.EXPLORE);

  public PopulationTrainer {
    inputs = List.copyOf(inputs);
    types = List.copyOf(types);
    if (inputs.isEmpty() || types.isEmpty()) {
      throw new IllegalArgumentException("a population prior needs at least one input and one desire");
    }
    Requires.nonNegative(l2, "l2");
    Requires.nonNegative(proximal, "proximal");
  }

  /** The trainer's settings for a person's models: their inputs, every wearable desire, l2 30, proximal 10. */
  public static PopulationTrainer defaults(DesireTrainerSettings settings) {
    return new PopulationTrainer(settings.inputs(), WEARABLE_DESIRES, 30.0, 10.0, settings.centreOnMedian());
  }

  /** One person's data as the prior learns from it: per desire, their standardised rows. */
  public record PersonData(Map<DesireType, PersonRows> rows) {
    public PersonData {
      rows = java.util.Collections.unmodifiableMap(new EnumMap<>(rows));
    }

    /** Labelled days in all, over the desires. */
    public int days() {
      return rows.values().stream().mapToInt(PersonRows::size).max().orElse(0);
    }
  }

  public PersonData person(DesireDataset data) {
    Map<DesireType, PersonRows> rows = new EnumMap<>(DesireType.class);
    for (DesireType t : types) {
      PersonRows r = PersonRows.of(t, data.days(), inputs);
      if (r.size() >= 2) {
        rows.put(t, r);
      }
    }
    return new PersonData(rows);
  }

  /** The prior fitted centrally on every person's rows together. */
  public PopulationPrior pooled(List<PersonData> persons, PopulationPrior.Origin origin) {
    int p = inputs.size();
    double[] vector = new double[types.size() * p];
    for (int k = 0; k < types.size(); k++) {
      DesireType type = types.get(k);
      double[][] a = new double[p][p];
      double[] b = new double[p];
      for (PersonData person : persons) {
        PersonRows rows = person.rows().get(type);
        if (rows != null) {
          accumulate(rows, a, b);
        }
      }
      double[] w = solve(a, b, l2, new double[p]);
      System.arraycopy(w, 0, vector, k * p, p);
    }
    return PopulationPrior.zero(inputs, types, origin).with(vector, origin);
  }

  /**
   * One person's update in a federated round: their own ridge solution pulled toward {@code
   * global} by {@link #proximal} days' worth, minus {@code global}. Desires they have no days for
   * move nothing. Not clipped or noised here: that is the round's job.
   */
  public double[] localUpdate(PopulationPrior global, PersonData person) {
    checkShape(global);
    int p = inputs.size();
    double[] current = global.vector();
    double[] delta = new double[current.length];
    for (int k = 0; k < types.size(); k++) {
      PersonRows rows = person.rows().get(types.get(k));
      if (rows == null) {
        continue;
      }
      double[] start = java.util.Arrays.copyOfRange(current, k * p, (k + 1) * p);
      double[][] a = new double[p][p];
      double[] b = new double[p];
      accumulate(rows, a, b);
      double[] w = solve(a, b, proximal, start);
      for (int i = 0; i < p; i++) {
        delta[k * p + i] = w[i] - start[i];
      }
    }
    return delta;
  }

  /** The coordinator's step: the population weights moved by the mean update. */
  public PopulationPrior step(PopulationPrior global, double[] meanUpdate, PopulationPrior.Origin origin) {
    checkShape(global);
    double[] v = global.vector();
    if (meanUpdate.length != v.length) {
      throw new dev.autonomy.core.InvalidInputException("an update of " + meanUpdate.length
          + " values cannot move a population prior of " + v.length);
    }
    for (int i = 0; i < v.length; i++) {
      v[i] += meanUpdate[i];
    }
    return global.with(v, origin);
  }

  private void checkShape(PopulationPrior prior) {
    if (!prior.inputs().equals(inputs) || !prior.weights().keySet().equals(new java.util.HashSet<>(types))) {
      throw new dev.autonomy.core.InvalidInputException("the population prior has inputs " + prior.inputs()
          + " and desires " + prior.weights().keySet() + "; this trainer expects " + inputs + " and " + types);
    }
  }

  /**
   * Adds the normal equations of the rows (z standardised, target label minus centre) to {@code a}
   * and {@code b}. An input that did not vary has z = 0 and adds nothing.
   */
  private void accumulate(PersonRows rows, double[][] a, double[] b) {
    double centre = rows.centre(medianCentre);
    for (int r = 0; r < rows.size(); r++) {
      double[] z = rows.z(r);
      double target = rows.y()[r] - centre;
      for (int i = 0; i < z.length; i++) {
        b[i] += z[i] * target;
        for (int j = 0; j < z.length; j++) {
          a[i][j] += z[i] * z[j];
        }
      }
    }
  }

  /**
   * Solves {@code (a + penalty I) w = b + penalty * toward} by Gaussian elimination with partial
   * pivoting: the ridge solution pulled toward {@code toward}. The penalty keeps it well posed.
   */
  static double[] solve(double[][] a, double[] b, double penalty, double[] toward) {
    int p = b.length;
    double[][] m = new double[p][p + 1];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        m[i][j] = a[i][j] + (i == j ? Math.max(penalty, 1e-9) : 0.0);
      }
      m[i][p] = b[i] + penalty * toward[i];
    }
    for (int c = 0; c < p; c++) {
      int pivot = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] swap = m[c];
      m[c] = m[pivot];
      m[pivot] = swap;
      for (int r = 0; r < p; r++) {
        if (r != c && m[r][c] != 0.0) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= p; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] w = new double[p];
    for (int i = 0; i < p; i++) {
      w[i] = m[i][p] / m[i][i];
    }
    return w;
  }
}
