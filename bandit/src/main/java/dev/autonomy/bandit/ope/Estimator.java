package dev.autonomy.bandit.ope;

import java.util.Locale;

/** The off-policy estimators of a target policy's mean reward per decision. */
public enum Estimator {
  /** Inverse propensity scoring: mean of {@code w r}, {@code w = pi(a) / p}. Unbiased, high variance. */
  IPS,
  /** Self-normalised IPS: {@code sum w r / sum w}. Slightly biased, much lower variance when weights are large. */
  SNIPS,
  /** Direct method: the mean over decisions of {@code sum_a pi(a) q(a)}, {@code q} a ridge reward model fitted on the log. */
  DM,
  /** Doubly robust: DM plus {@code w (r - q(a))}; unbiased when the propensities are right, whatever {@code q}. */
  DR,
  /**
   * DR with optimistic shrinkage (Su et al. 2020): {@code w} replaced by {@code lambda w / (w^2 +
   * lambda)}, {@code lambda} picked on the log by the smallest estimated MSE (a high-confidence
   * bias bound squared plus the variance), so large weights are tamed when that pays.
   */
  DR_OS;

  /** The lower-case name used in tables and JSON ({@code dr-os}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
