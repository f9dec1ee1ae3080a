package dev.autonomy.federate.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accountant against values other libraries' own tests assert (read from their sources, not
 * copied; the library files are named with the commit read):
 *
 * <ul>
 *   <li>TensorFlow Privacy, {@code
 *       tensorflow_privacy/privacy/analysis/compute_dp_sgd_privacy_test.py} at commit 03035d5
 *       (2026-04-06), {@code test_compute_dp_sgd_privacy}: DP-SGD with Poisson sampling q =
 *       batch/n, steps = ceil(epochs * n / batch), TF Privacy's order list and the tight conversion
 *       of {@code dp_accounting};
 *   <li>{@code dp_accounting} (google/differential-privacy, {@code
 *       python/dp_accounting/dp_accounting/rdp/rdp_privacy_accountant_test.py}), {@code
 *       test_compute_rdp_poisson_sampled_gaussian} (RDP of 50 steps at q = 0.01, sigma = 2.5, rtol
 *       1e-4, at orders 2.5, 5, 50, 100; at 1.5 it asserts an upper bound, see below) and {@code
 *       test_compute_epsilon_delta_pure_dp} (the conversion alone);
 *   <li>Opacus ({@code opacus/tests/accountants_test.py} at commit 4d0ebc8, 2025-09-16), {@code
 *       test_rdp_accountant}: sigma = 1.5, q = 0.04, int(90 / 0.04) steps, delta = 1e-5, over
 *       Opacus' orders 1.1 to 10.9 by tenths and 12 to 63.
 * </ul>
 */
class RdpAccountantReferenceTest {
  private final RdpAccountant accountant = new RdpAccountant();

  private static PrivacySpent dpSgd(int n, int batch, double sigma, int epochs, double delta) {
    double q = (double) batch / n;
    long steps = (long) Math.ceil((double) epochs * n / batch);
    return new RdpAccountant().epsilon(new SampledGaussian(q, sigma), steps, delta);
  }

  @ParameterizedTest(name = "n={0} batch={1} sigma={2} epochs={3} delta={4}: eps {5} at order {6}")
  @CsvSource({
    // TF Privacy compute_dp_sgd_privacy_test.py, Test0 and Test1 (assertAlmostEqual: 7 places).
    "60000, 150, 1.3, 15, 1e-5, 0.7242234026109595, 19.0",
    "100000, 100, 1.0, 30, 1e-7, 1.4154988495444842, 13.0",
  })
  void epsilon_matchesTensorFlowPrivacy_atIntegerOptimalOrders(
      int n, int batch, double sigma, int epochs, double delta, double epsilon, double order) {
    PrivacySpent spent = dpSgd(n, batch, sigma, epochs, delta);

    assertThat(spent.epsilon()).isCloseTo(epsilon, offset(1e-7));
    assertThat(spent.order()).isEqualTo(order);
  }

  @Test
  void epsilon_matchesTensorFlowPrivacy_atAFractionalOptimalOrder() {
    // TF Privacy compute_dp_sgd_privacy_test.py, Test2: n = 1e8, batch 1024, sigma 0.1, 10 epochs,
    // delta 1e-7 gives eps 5907982.3113984 at order 1.25 (by its erfc series; ours integrates).
    PrivacySpent spent = dpSgd(100_000_000, 1024, 0.1, 10, 1e-7);

    assertThat(spent.order()).isEqualTo(1.25);
    assertThat(spent.epsilon()).isCloseTo(5907982.3113984, within(5907982.3113984 * 1e-9));
  }

  @Test
  void rdp_matchesDpAccountingForFiftySteps() {
    RdpAccountant orders = new RdpAccountant(List.of(2.5, 5.0, 50.0, 100.0), Conversion.TIGHT);

    double[] rdp = orders.rdp(new SampledGaussian(0.01, 2.5), 50);

    double[] expected = {1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02};
    for (int i = 0; i < expected.length; i++) {
      assertThat(rdp[i])
          .as("order %s", orders.orders().get(i))
          .isCloseTo(expected[i], within(expected[i] * 1e-4));
    }
  }

  @Test
  void rdp_atOrderOnePointFive_isTheExactExpectation_belowDpAccountingsBound() {
    // The same test asserts 6.70579741e-04 at order 1.5. Its fractional-order series adds the
    // absolute values of terms whose signs alternate, an upper bound; the expectation A_alpha
    // itself, by mpmath 1.3.0 quad at 30 digits over (-inf, 0, alpha, inf) (the check
    // dp_accounting's
    // test_compute_log_a_equals_mp makes), gives 50 * log(A_1.5) / 0.5 = 6.50070897186738705e-4.
    RdpAccountant order = new RdpAccountant(List.of(1.5), Conversion.TIGHT);

    double rdp = order.rdp(new SampledGaussian(0.01, 2.5), 50)[0];

    assertThat(rdp).isCloseTo(6.500708971867387e-4, within(6.5e-4 * 1e-9));
    assertThat(rdp).isLessThan(6.70579741e-04);
  }

  @Test
  void tightConversion_matchesDpAccountingOnAConstantRdp() {
    // dp_accounting test_compute_epsilon_delta_pure_dp: orders 2..32, rdp 1.1 each, delta 1e-5.
    List<Double> orders = new ArrayList<>();
    for (int order = 2; order <= 32; order++) {
      orders.add((double) order);
    }
    double[] rdp = orders.stream().mapToDouble(order -> 1.1).toArray();

    PrivacySpent spent = new RdpAccountant(orders, Conversion.TIGHT).epsilonOf(rdp, 1e-5);

    assertThat(spent.epsilon()).isCloseTo(1.32783806176, offset(1e-10));
    assertThat(spent.order()).isEqualTo(32.0);
  }

  @Test
  void epsilon_matchesOpacusRdpAccountant() {
    List<Double> opacusOrders = new ArrayList<>();
    for (int tenth = 1; tenth < 100; tenth++) {
      opacusOrders.add(1 + tenth / 10.0);
    }
    for (int order = 12; order < 64; order++) {
      opacusOrders.add((double) order);
    }
    RdpAccountant opacus = new RdpAccountant(opacusOrders, Conversion.TIGHT);

    PrivacySpent spent = opacus.epsilon(new SampledGaussian(0.04, 1.5), (long) (90 / 0.04), 1e-5);

    assertThat(spent.epsilon()).isCloseTo(7.32911117143, offset(1e-7));
  }

  @Test
  void epsilon_ofTheMnistTutorial_isTheReadmeFigureWithTheClassicConversion() {
    // TF Privacy tutorials/README.md: N = 60000, batch 256, sigma 1.1, 60 epochs, delta 1e-5
    // "satisfies differential privacy with eps = 3.01" - written (2019) when the accountant used
    // the classic conversion; the tight one gives less.
    RdpAccountant classic = new RdpAccountant(RdpAccountant.DEFAULT_ORDERS, Conversion.CLASSIC);
    SampledGaussian mnist = new SampledGaussian(256.0 / 60000, 1.1);
    long steps = (long) Math.ceil(60.0 * 60000 / 256);

    assertThat(classic.epsilon(mnist, steps, 1e-5).epsilon()).isCloseTo(3.01, offset(0.005));
    assertThat(accountant.epsilon(mnist, steps, 1e-5).epsilon()).isLessThan(3.0);
  }
}
