package dev.autonomy.federate.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class RdpAccountantPropertyTest {
  private final RdpAccountant accountant = new RdpAccountant();

  @Property(tries = 30)
  void epsilon_growsWithStepsAndSamplingRate_andFallsWithNoise(
      @ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(6) double q,
      @ForAll @DoubleRange(min = 0.6, max = 5.0) double sigma,
      @ForAll @IntRange(min = 1, max = 5_000) int steps) {
    double epsilon = accountant.epsilon(new SampledGaussian(q, sigma), steps, 1e-5).epsilon();

    assertThat(accountant.epsilon(new SampledGaussian(q, sigma), steps * 2L, 1e-5).epsilon())
        .isGreaterThanOrEqualTo(epsilon);
    assertThat(
            accountant
                .epsilon(new SampledGaussian(Math.min(1.0, q * 1.5), sigma), steps, 1e-5)
                .epsilon())
        .isGreaterThanOrEqualTo(epsilon);
    assertThat(accountant.epsilon(new SampledGaussian(q, sigma * 1.5), steps, 1e-5).epsilon())
        .isLessThanOrEqualTo(epsilon);
  }

  @Property(tries = 30)
  void withoutSampling_rdpIsTheGaussianClosedForm(
      @ForAll @DoubleRange(min = 0.3, max = 20) double sigma,
      @ForAll @IntRange(min = 1, max = 1_000) int steps) {
    double[] rdp = accountant.rdp(new SampledGaussian(1.0, sigma), steps);

    for (int i = 0; i < rdp.length; i++) {
      double order = accountant.orders().get(i);
      assertThat(rdp[i]).isCloseTo(steps * order / (2 * sigma * sigma), within(1e-12 * rdp[i]));
    }
  }

  @Property(tries = 40)
  void integration_agreesWithTheBinomialExpansionAtIntegerOrders(
      @ForAll @DoubleRange(min = 0.0001, max = 0.9) @Scale(6) double q,
      @ForAll @DoubleRange(min = 0.3, max = 10) double sigma,
      @ForAll @IntRange(min = 2, max = 40) int order) {
    double binomial = RdpAccountant.logAIntegerOrder(q, sigma, order);
    double integrated = RdpAccountant.logAByIntegration(q, sigma, order);

    // Both sum to 1 + log A in effect, so each carries an absolute error near 1e-16 when log A is
    // tiny; beyond that they agree to 1e-8.
    assertThat(integrated).isCloseTo(binomial, within(1e-8 * Math.abs(binomial) + 1e-15));
  }

  @Test
  void rdp_nearOrderOne_isNearTheNextOrder_fractionalOrdersJoinTheIntegerOnesSmoothly() {
    SampledGaussian mechanism = new SampledGaussian(0.02, 1.1);
    RdpAccountant around = new RdpAccountant(List.of(2.999, 3.0, 3.001), Conversion.TIGHT);

    double[] rdp = around.rdp(mechanism, 1);

    assertThat(rdp[0]).isLessThan(rdp[1]);
    assertThat(rdp[1]).isLessThan(rdp[2]);
    assertThat(rdp[2] - rdp[0]).isLessThan(1e-3 * rdp[1]);
  }

  @Test
  void ledger_composesRoundsWithDifferentSettingsByAddingTheirRdp() {
    SampledGaussian early = new SampledGaussian(0.05, 1.0);
    SampledGaussian late = new SampledGaussian(0.01, 2.0);
    PrivacyLedger ledger =
        PrivacyLedger.EMPTY.record(early, 100).record(late, 300).record(early, 50);

    double[] total = accountant.rdp(ledger);
    double[] expected = accountant.rdp(early, 150);
    double[] lateRdp = accountant.rdp(late, 300);
    for (int i = 0; i < total.length; i++) {
      assertThat(total[i]).isCloseTo(expected[i] + lateRdp[i], within(1e-12 * total[i]));
    }
    assertThat(ledger.steps()).isEqualTo(450);
    assertThat(accountant.epsilon(ledger, 1e-5).epsilon())
        .isGreaterThan(accountant.epsilon(early, 150, 1e-5).epsilon())
        .isGreaterThan(accountant.epsilon(late, 300, 1e-5).epsilon());
    assertThat(accountant.epsilon(PrivacyLedger.EMPTY, 1e-5).epsilon()).isZero();
  }

  @Test
  void noiseMultiplier_isTheSmallestThatMeetsTheTarget() {
    // Opacus accountants_test.py test_get_noise_multiplier_rdp_epochs: eps 8, delta 1e-5, q 0.04,
    // 90 epochs (2250 steps) gives 1.416 with its bisection's epsilon tolerance of 0.01.
    double sigma = accountant.noiseMultiplier(8.0, 1e-5, 0.04, 2250);

    assertThat(sigma).isCloseTo(1.416, within(0.01));
    assertThat(accountant.epsilon(new SampledGaussian(0.04, sigma), 2250, 1e-5).epsilon())
        .isLessThanOrEqualTo(8.0)
        .isCloseTo(8.0, within(1e-4));
    assertThat(accountant.epsilon(new SampledGaussian(0.04, sigma * 0.999), 2250, 1e-5).epsilon())
        .isGreaterThan(8.0);
  }

  @Test
  void tightConversion_isBelowTheClassicOne() {
    RdpAccountant classic = new RdpAccountant(RdpAccountant.DEFAULT_ORDERS, Conversion.CLASSIC);
    SampledGaussian mechanism = new SampledGaussian(0.01, 1.1);

    assertThat(accountant.epsilon(mechanism, 1000, 1e-5).epsilon())
        .isLessThan(classic.epsilon(mechanism, 1000, 1e-5).epsilon());
  }

  @Test
  void edges_noSamplingSpendsNothing_noNoiseSpendsEverything() {
    assertThat(accountant.epsilon(new SampledGaussian(0.0, 1.0), 1000, 1e-5).epsilon()).isZero();
    assertThat(accountant.epsilon(new SampledGaussian(0.1, 0.0), 1, 1e-5).epsilon()).isInfinite();
  }

  @Test
  void badArguments_areRefusedNamingTheValue() {
    assertThatThrownBy(() -> new SampledGaussian(1.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sampled Gaussian: samplingRate must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> accountant.epsilon(new SampledGaussian(0.1, 1.0), 10, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RDP accountant: delta must be in (0, 1), was 0.0");
    assertThatThrownBy(() -> new RdpAccountant(List.of(1.0), Conversion.TIGHT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RDP accountant: every order must be a finite number > 1, was 1.0");
    assertThatThrownBy(() -> PrivacyLedger.EMPTY.record(new SampledGaussian(0.1, 1.0), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ledger entry: steps must be > 0, was 0");
  }
}
