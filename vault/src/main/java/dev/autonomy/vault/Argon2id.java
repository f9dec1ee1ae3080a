package dev.autonomy.vault;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The settings of the memory-hard key derivation (Argon2id, RFC 9106, Bouncy Castle's
 * implementation). They are kept in the vault's clear key file, so a vault made with other
 * settings still opens, and a future Autonomy can raise them at the next passphrase change.
 *
 * @param memoryKib memory per derivation in KiB (what makes each guess of a passphrase costly on
 *     a GPU)
 * @param iterations passes over that memory
 * @param parallelism lanes
 */
public record Argon2id(int memoryKib, int iterations, int parallelism) {
  /**
   * 46 MiB, 1 pass, 1 lane: the first of OWASP's equivalent Argon2id settings (m=47104 KiB, t=1,
   * p=1), chosen by measuring: RFC 9106's 64 MiB with 2 passes took 0.3-0.4 s per derivation on
   * this project's 2-core machine when idle and 3 s under the load of five builds, paid by every
   * command that opens the vault; this costs about a third of that (docs/benchmarks.md).
   */
  public static final Argon2id DEFAULT = new Argon2id(46 * 1024, 1, 1);

  /** The key's length: 256 bits. */
  static final int KEY_BYTES = 32;

  public Argon2id {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("argon2id parallelism must be within 1..64, was " + parallelism);
    }
    if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
      throw new IllegalArgumentException("argon2id memory must be within 8 KiB per lane..4 GiB, was " + memoryKib + " KiB");
    }
    if (iterations < 1 || iterations > 100) {
      throw new IllegalArgumentException("argon2id iterations must be within 1..100, was " + iterations);
    }
  }

  /** The 256-bit key {@code passphrase} derives with {@code salt}. */
  byte[] derive(Passphrase passphrase, byte[] salt) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    char[] chars = passphrase.chars();
    try {
      byte[] key = new byte[KEY_BYTES];
      // Bouncy Castle turns the characters into UTF-8 bytes itself (Argon2Parameters' default).
      generator.generateBytes(chars, key);
      return key;
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  @Override
  public String toString() {
    return "argon2id (" + memoryKib / 1024 + " MiB, " + iterations + (iterations == 1 ? " pass, " : " passes, ") + parallelism
        + (parallelism == 1 ? " lane)" : " lanes)");
  }
}
