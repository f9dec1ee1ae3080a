package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyLedgerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path home;

  private static PrivacyLedger.Entry entry(double epsilon, double cumulative) {
    return new PrivacyLedger.Entry(0, CLOCK.instant(), "http://127.0.0.1:8766/", 3, 2, 4321, 0.2, 1.1, 1.0, 1e-5,
        epsilon, cumulative, "sent: masked update of 60 values");
  }

  @Test
  void entriesAreKeptInOrderWithTheirIdsAndAnInfiniteEpsilonSurvivesTheRoundTrip() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      PrivacyLedger.Entry first = vault.privacy().append(entry(1.5, 1.5));
      vault.privacy().append(entry(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
      assertThat(first.id()).isEqualTo(1);
    }
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.privacy().entries()).hasSize(2);
      assertThat(vault.privacy().entries().get(0)).isEqualTo(new PrivacyLedger.Entry(1, CLOCK.instant(),
          "http://127.0.0.1:8766/", 3, 2, 4321, 0.2, 1.1, 1.0, 1e-5, 1.5, 1.5, "sent: masked update of 60 values"));
      assertThat(vault.privacy().entries().get(1).epsilon()).isInfinite();
      assertThat(vault.privacy().entries().get(1).cumulativeEpsilon()).isInfinite();
    }
  }

  @Test
  void theBudgetIsAPositiveFiniteEpsilon() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.privacy().budget()).isEmpty();
      vault.privacy().setBudget(4.0);
      assertThat(vault.privacy().budget()).hasValue(4.0);
      assertThatThrownBy(() -> vault.privacy().setBudget(0)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("epsilon > 0");
      assertThatThrownBy(() -> vault.privacy().setBudget(Double.POSITIVE_INFINITY))
          .isInstanceOf(InvalidInputException.class);
      assertThat(vault.privacy().budget()).hasValue(4.0);
    }
  }
}
