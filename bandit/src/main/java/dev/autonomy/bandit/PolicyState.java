package dev.autonomy.bandit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A policy's saved state: plain numbers, so any JSON mapper can write and read it. A learned
 * policy keeps sufficient statistics (sums), not derived inverses, so a restored policy is the
 * same model computed afresh and rounding errors do not travel with the file.
 *
 * @param kind {@link Policy#name()}
 * @param version number of updates learned from
 * @param settings the hyper-parameters, by name ({@code lambda}, {@code alpha}, {@code discount}, ...)
 * @param prior the prior mean (the hand weights) of the shared model, or a fixed policy's weights
 * @param a the shared model's precision matrix, {@code lambda I + sum x x^T} (empty for a fixed policy)
 * @param b the shared model's {@code lambda w0 + sum r x} (empty for a fixed policy)
 * @param armFeatures hybrid only: which features also get a per-arm coefficient
 * @param arms hybrid only: each arm's statistics, by arm id
 */
public record PolicyState(String kind, long version, Map<String, Double> settings, double[] prior, double[][] a,
    double[] b, int[] armFeatures, Map<String, ArmState> arms) {

  /**
   * One arm of a hybrid model (Li et al. 2010): over the arm's features {@code x} and the shared
   * features {@code z} of its observations.
   *
   * @param a {@code armLambda I + sum x x^T}
   * @param cross {@code sum x z^T} (rows: arm features, columns: shared features)
   * @param b {@code sum r x}
   */
  public record ArmState(double[][] a, double[][] cross, double[] b) {
    public ArmState {
      if (a == null || cross == null || b == null) {
        throw new IllegalArgumentException("arm state: a, cross and b must not be null");
      }
    }
  }

  public PolicyState {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("kind must not be blank");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, was " + version);
    }
    if (prior == null || prior.length == 0) {
      throw new IllegalArgumentException("prior must have at least one weight");
    }
    settings = Map.copyOf(settings == null ? Map.of() : settings);
    a = a == null ? new double[0][] : a;
    b = b == null ? new double[0] : b;
    armFeatures = armFeatures == null ? new int[0] : armFeatures;
    arms = arms == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(arms));
  }

  /** A setting that must be there. */
  double setting(String name) {
    Double value = settings.get(name);
    if (value == null) {
      throw new IllegalArgumentException(kind + " state: setting '" + name + "' is missing; has " + settings.keySet());
    }
    return value;
  }
}
