package dev.autonomy.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The stored form of a signal's natural key: the first 16 bytes of its SHA-256, which keep the
 * unique index small with collisions out of reach. Inserting and re-keying must hash alike, so
 * both use this. Not thread-safe (one digest); make one per import.
 */
final class KeyHash {
  private final MessageDigest sha256;

  KeyHash() {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  byte[] of(String naturalKey) {
    return Arrays.copyOf(sha256.digest(naturalKey.getBytes(StandardCharsets.UTF_8)), 16);
  }
}
