package dev.autonomy.federate.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShamirTest {
  private static final List<Integer> HOLDERS = List.of(1, 2, 3, 4, 5, 6, 7);

  @Property(tries = 50)
  void anyThresholdShares_rebuildTheSecret(
      @ForAll @IntRange(min = 2, max = 7) int threshold, @ForAll long seed) {
    byte[] secret = new byte[32];
    new Random(seed).nextBytes(secret);
    Map<Integer, BigInteger> shares = Shamir.split(secret, threshold, HOLDERS, Rounds.seeded(seed));

    List<Integer> holders = new ArrayList<>(HOLDERS);
    Collections.shuffle(holders, new Random(seed));
    Map<Integer, BigInteger> some = new TreeMap<>();
    holders.subList(0, threshold).forEach(h -> some.put(h, shares.get(h)));

    assertThat(Shamir.combine(some, threshold, "secret")).isEqualTo(secret);
    assertThat(Shamir.combine(shares, threshold, "secret")).isEqualTo(secret);
  }

  @Test
  void fewerThanThresholdShares_areRefused() {
    Map<Integer, BigInteger> shares = Shamir.split(new byte[32], 3, HOLDERS, Rounds.seeded(1));
    shares.keySet().retainAll(List.of(1, 2));

    assertThatThrownBy(() -> Shamir.combine(shares, 3, "seed of client 4"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("seed of client 4: 2 shares cannot rebuild it, the threshold is 3");
  }

  @Test
  void aCorruptSpareShare_isNoticed() {
    byte[] secret = new byte[32];
    secret[0] = 42;
    Map<Integer, BigInteger> shares = Shamir.split(secret, 3, HOLDERS, Rounds.seeded(2));
    shares.put(6, shares.get(6).add(BigInteger.ONE));

    assertThatThrownBy(() -> Shamir.combine(shares, 3, "key of client 2"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("key of client 2: the share held by client 6 disagrees with the others");
  }

  @Test
  void thresholdMinusOneShares_fitEverySecretEqually() {
    // Information-theoretic hiding, checked concretely: for 2 shares of a 3-of-n sharing, any
    // candidate secret is consistent with them (there is a degree-2 polynomial through
    // (0, candidate) and both shares), so two different secrets can produce the same 2 shares.
    Map<Integer, BigInteger> two =
        new TreeMap<>(Shamir.split(new byte[32], 3, HOLDERS, Rounds.seeded(3)));
    two.keySet().retainAll(List.of(1, 2));
    byte[] other = new byte[32];
    other[31] = 7;
    Map<Integer, BigInteger> withOther = new TreeMap<>(two);
    // Add the point (0, other) and interpolate a third share consistent with both: combining then
    // yields 'other'.
    BigInteger y0 = new BigInteger(1, other);
    BigInteger y1 = two.get(1);
    BigInteger y2 = two.get(2);
    BigInteger p = Shamir.PRIME;
    // Lagrange through x = 0, 1, 2 evaluated at 3: L0 = 1, L1 = -3, L2 = 3.
    BigInteger y3 =
        y0.subtract(y1.multiply(BigInteger.valueOf(3)))
            .add(y2.multiply(BigInteger.valueOf(3)))
            .mod(p);
    withOther.put(3, y3);

    assertThat(Shamir.combine(withOther, 3, "secret")).isEqualTo(other);
  }
}
