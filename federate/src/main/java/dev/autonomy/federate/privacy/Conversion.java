package dev.autonomy.federate.privacy;

/**
 * How a Renyi-DP guarantee (order alpha, divergence rdp) becomes (epsilon, delta)-DP. Both are
 * valid for every order; the accountant takes the smallest epsilon over its orders.
 */
public enum Conversion {
  /**
   * Mironov 2017, "Renyi Differential Privacy", Proposition 3: {@code rdp +
   * log(1/delta)/(alpha-1)}.
   */
  CLASSIC {
    @Override
    double epsilon(double order, double rdp, double delta) {
      return rdp + Math.log(1.0 / delta) / (order - 1.0);
    }
  },
  /**
   * Canonne, Kamath and Steinke 2020 (Proposition 12) and Balle et al. 2020 (Theorem 21): {@code
   * rdp + log((alpha-1)/alpha) - (log(delta) + log(alpha))/(alpha-1)}, smaller than {@link
   * #CLASSIC} at every alpha > 1 by {@code log(alpha/(alpha-1)) + log(alpha)/(alpha-1)}; the
   * conversion TensorFlow Privacy's {@code dp_accounting} and Opacus use, and the default here.
   */
  TIGHT {
    @Override
    double epsilon(double order, double rdp, double delta) {
      return rdp + Math.log1p(-1.0 / order) - (Math.log(delta) + Math.log(order)) / (order - 1.0);
    }
  };

  abstract double epsilon(double order, double rdp, double delta);
}
