package dev.autonomy.federate.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renyi-DP accounting for the Poisson-subsampled Gaussian mechanism: how much (epsilon, delta)
 * privacy a run of DP-SGD or DP federated averaging has spent, and how much noise a target budget
 * needs.
 *
 * <p>For each Renyi order alpha of its list the accountant computes the mechanism's RDP, {@code
 * log(A_alpha) / (alpha - 1)} with {@code A_alpha = E_{z ~ N(0, sigma^2)}[((1 - q) + q exp((2z - 1)
 * / (2 sigma^2)))^alpha]} (Mironov, Talwar and Zhang 2019, "Renyi Differential Privacy of the
 * Sampled Gaussian Mechanism", Section 3.3): for integer alpha by the finite binomial expansion
 * {@code A_alpha = sum_k C(alpha, k) (1 - q)^(alpha - k) q^k exp((k^2 - k) / (2 sigma^2))} in log
 * space; for fractional alpha by integrating the expectation numerically (trapezoid rule in log
 * space on a grid fine enough for the integrand's analytic strip). With q = 1 it is the Gaussian
 * mechanism's {@code alpha / (2 sigma^2)}. RDP adds up over steps and over a {@link
 * PrivacyLedger}'s entries; epsilon is the smallest over the orders of the {@link Conversion}.
 *
 * <p>No Java library on Maven Central offers this (Google's differential-privacy Java library has
 * noise and aggregations; its accounting is Python's {@code dp_accounting}), hence this class. The
 * reference values it is tested against are TensorFlow Privacy's, {@code dp_accounting}'s and
 * Opacus'.
 */
public final class RdpAccountant {
  /**
   * TensorFlow Privacy's orders for DP-SGD: 1.25 to 4.5 by quarters and halves, every integer from
   * 5 to 63, and 128, 256, 512.
   */
  public static final List<Double> DEFAULT_ORDERS = defaultOrders();

  private final List<Double> orders;
  private final Conversion conversion;

  /** The {@link #DEFAULT_ORDERS} and the {@link Conversion#TIGHT} conversion. */
  public RdpAccountant() {
    this(DEFAULT_ORDERS, Conversion.TIGHT);
  }

  /**
   * @param orders the Renyi orders to evaluate, each > 1 and finite
   * @param conversion how RDP becomes (epsilon, delta)
   */
  public RdpAccountant(List<Double> orders, Conversion conversion) {
    if (orders == null || orders.isEmpty()) {
      throw new IllegalArgumentException("RDP accountant: orders must not be empty");
    }
    for (double order : orders) {
      if (!(order > 1.0) || Double.isInfinite(order)) {
        throw new IllegalArgumentException(
            "RDP accountant: every order must be a finite number > 1, was " + order);
      }
    }
    if (conversion == null) {
      throw new IllegalArgumentException("RDP accountant: conversion must not be null");
    }
    this.orders = List.copyOf(orders);
    this.conversion = conversion;
  }

  public List<Double> orders() {
    return orders;
  }

  /** The RDP of {@code steps} runs of {@code mechanism} at each of this accountant's orders. */
  public double[] rdp(SampledGaussian mechanism, long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("RDP accountant: steps must be >= 0, was " + steps);
    }
    double[] rdp = new double[orders.size()];
    for (int i = 0; i < rdp.length; i++) {
      rdp[i] = steps == 0 ? 0.0 : steps * rdpOfOneStep(mechanism, orders.get(i));
    }
    return rdp;
  }

  /** The RDP of everything on the ledger, at each order: RDP composes by addition. */
  public double[] rdp(PrivacyLedger ledger) {
    double[] total = new double[orders.size()];
    for (PrivacyLedger.Entry entry : ledger.entries()) {
      double[] rdp = rdp(entry.mechanism(), entry.steps());
      for (int i = 0; i < total.length; i++) {
        total[i] += rdp[i];
      }
    }
    return total;
  }

  /** The epsilon spent by everything on the ledger, at {@code delta}. */
  public PrivacySpent epsilon(PrivacyLedger ledger, double delta) {
    return epsilonOf(rdp(ledger), delta);
  }

  /** The epsilon of {@code steps} runs of one mechanism, at {@code delta}. */
  public PrivacySpent epsilon(SampledGaussian mechanism, long steps, double delta) {
    return epsilonOf(rdp(mechanism, steps), delta);
  }

  /** The smallest epsilon over the orders, given the RDP at each. */
  public PrivacySpent epsilonOf(double[] rdp, double delta) {
    if (!(delta > 0.0 && delta < 1.0)) {
      throw new IllegalArgumentException("RDP accountant: delta must be in (0, 1), was " + delta);
    }
    if (rdp.length != orders.size()) {
      throw new IllegalArgumentException(
          "RDP accountant: expected "
              + orders.size()
              + " RDP values, one per order, got "
              + rdp.length);
    }
    if (Arrays.stream(rdp).allMatch(value -> value == 0.0)) {
      // Nothing was revealed (no step, or q = 0): (0, 0)-DP, which the conversions, loose at
      // rdp = 0, would not say.
      return new PrivacySpent(0.0, delta, Double.NaN);
    }
    double best = Double.POSITIVE_INFINITY;
    double bestOrder = Double.NaN;
    for (int i = 0; i < rdp.length; i++) {
      double epsilon = conversion.epsilon(orders.get(i), rdp[i], delta);
      if (epsilon < best) {
        best = epsilon;
        bestOrder = orders.get(i);
      }
    }
    // A negative bound means the guarantee holds at epsilon 0.
    return new PrivacySpent(Math.max(0.0, best), delta, bestOrder);
  }

  /**
   * The smallest noise multiplier (to within {@code 1e-6} relative) for which {@code steps} runs at
   * sampling rate {@code samplingRate} spend at most {@code targetEpsilon} at {@code delta}, found
   * by bisection: epsilon falls as the noise multiplier grows.
   */
  public double noiseMultiplier(
      double targetEpsilon, double delta, double samplingRate, long steps) {
    if (!(targetEpsilon > 0.0) || Double.isInfinite(targetEpsilon)) {
      throw new IllegalArgumentException(
          "RDP accountant: target epsilon must be a finite number > 0, was " + targetEpsilon);
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("RDP accountant: steps must be > 0, was " + steps);
    }
    double low = 0.0;
    double high = 1.0;
    while (epsilon(new SampledGaussian(samplingRate, high), steps, delta).epsilon()
        > targetEpsilon) {
      low = high;
      high *= 2;
      if (high > 1e6) {
        throw new IllegalArgumentException(
            "RDP accountant: no noise multiplier up to 1e6 reaches epsilon "
                + targetEpsilon
                + " at delta "
                + delta
                + " over "
                + steps
                + " steps at sampling rate "
                + samplingRate);
      }
    }
    while (high - low > 1e-6 * high) {
      double middle = (low + high) / 2;
      if (epsilon(new SampledGaussian(samplingRate, middle), steps, delta).epsilon()
          > targetEpsilon) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return high;
  }

  /** The RDP at {@code order} of one run of the sampled Gaussian mechanism. */
  static double rdpOfOneStep(SampledGaussian mechanism, double order) {
    double q = mechanism.samplingRate();
    double sigma = mechanism.noiseMultiplier();
    if (q == 0.0) {
      return 0.0;
    }
    if (sigma == 0.0) {
      return Double.POSITIVE_INFINITY;
    }
    if (q == 1.0) {
      return order / (2 * sigma * sigma);
    }
    double logA =
        order == Math.rint(order)
            ? logAIntegerOrder(q, sigma, (long) order)
            : logAByIntegration(q, sigma, order);
    return logA / (order - 1);
  }

  /** log A_alpha for integer alpha: the binomial expansion, each term in log space. */
  static double logAIntegerOrder(double q, double sigma, long order) {
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double[] logTerms = new double[Math.toIntExact(order) + 1];
    double logBinomial = 0.0; // log C(order, 0)
    for (int k = 0; k <= order; k++) {
      if (k > 0) {
        logBinomial += Math.log((double) (order - k + 1)) - Math.log(k);
      }
      logTerms[k] =
          logBinomial
              + k * logQ
              + (order - k) * log1mQ
              + ((double) k * k - k) / (2 * sigma * sigma);
    }
    return logSumExp(logTerms);
  }

  /**
   * log A_alpha for any alpha > 1, by the trapezoid rule over z. The integrand is analytic in a
   * strip of half-width pi sigma^2 around the real line (the nearest singularity of {@code ((1 - q)
   * + q e^w)^alpha}), so a step well under that converges geometrically; the range covers 14
   * standard deviations beyond both places the mass can sit (near 0 and near alpha). It sums {@code
   * A - 1} rather than {@code A}, each term through expm1 and log1p, because for small q, A is 1
   * plus something tiny that a sum of A's terms would round away.
   */
  static double logAByIntegration(double q, double sigma, double order) {
    double variance = sigma * sigma;
    double step = Math.min(sigma / 40, Math.PI * variance / 16);
    double from = -14 * sigma;
    double to = order + 14 * sigma;
    int points = (int) Math.ceil((to - from) / step) + 1;
    double logNormaliser = -0.5 * Math.log(2 * Math.PI * variance);
    // A - 1 = sum of phi(z) * ((1 + q (e^x - 1))^alpha - 1), x = (2z - 1) / (2 sigma^2). Terms that
    // would overflow in linear space (z far out, where mix^alpha is huge) go to a log-space sum.
    double linear = 0.0;
    List<Double> huge = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      double z = from + i * step;
      double weight = (i == 0 || i == points - 1) ? 0.5 : 1.0;
      double logPhi = logNormaliser - z * z / (2 * variance) + Math.log(weight * step);
      double x = (2 * z - 1) / (2 * variance);
      double logMix =
          x > 30
              ? x + Math.log(q) + Math.log1p((1 - q) * Math.exp(-x) / q)
              : Math.log1p(q * Math.expm1(x));
      double logPowered = order * logMix;
      if (logPhi + logPowered > -700 && logPowered > 30) {
        huge.add(logPhi + logPowered);
        linear -= Math.exp(logPhi);
      } else {
        linear += Math.exp(logPhi) * Math.expm1(logPowered);
      }
    }
    if (huge.isEmpty()) {
      return Math.log1p(linear);
    }
    double logHuge = logSumExp(huge.stream().mapToDouble(Double::doubleValue).toArray());
    return logAddExp(logHuge, Math.log1p(linear));
  }

  private static double logAddExp(double a, double b) {
    double max = Math.max(a, b);
    return max + Math.log1p(Math.exp(Math.min(a, b) - max));
  }

  private static double logSumExp(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      max = Math.max(max, value);
    }
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double sum = 0.0;
    for (double value : values) {
      sum += Math.exp(value - max);
    }
    return max + Math.log(sum);
  }

  private static List<Double> defaultOrders() {
    List<Double> orders =
        new ArrayList<>(List.of(1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 4.5));
    for (int order = 5; order < 64; order++) {
      orders.add((double) order);
    }
    orders.addAll(List.of(128.0, 256.0, 512.0));
    return List.copyOf(orders);
  }
}
