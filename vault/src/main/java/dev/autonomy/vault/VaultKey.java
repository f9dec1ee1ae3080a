package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.nio.file.Path;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sqlite.SQLiteConfig;
import org.sqlite.mc.SQLiteMCChacha20Config;

/**
 * The 256-bit key of an encrypted vault, derived from the passphrase (never stored), and the
 * SQLite settings that open the database with it: SQLite3 Multiple Ciphers' ChaCha20-Poly1305
 * scheme (sqleet), which encrypts and authenticates every page of the database and of its
 * write-ahead log, given the raw key so that its own (weaker, PBKDF2) derivation is not used.
 */
final class VaultKey {
  private static final byte[] CHECK_LABEL = "autonomy vault key check v1".getBytes(StandardCharsets.US_ASCII);
  private static final int SALT_BYTES = 16;
  private static final int CHECK_BYTES = 16;

  private final byte[] key;

  private VaultKey(byte[] key) {
    this.key = key;
  }

  /** A new key from {@code passphrase} with a fresh salt, and the key file that derives it again. */
  static Made make(Passphrase passphrase, Argon2id settings, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    VaultKey key = new VaultKey(settings.derive(passphrase, salt));
    return new Made(key, KeyFile.of(settings, salt, key.check()));
  }

  record Made(VaultKey key, KeyFile file) {}

  /** The key {@code passphrase} derives under {@code file}'s settings and salt, when it is the one the file was made for. */
  static Optional<VaultKey> derive(Passphrase passphrase, KeyFile file) {
    VaultKey key = new VaultKey(file.settings().derive(passphrase, file.saltBytes()));
    return key.matches(file) ? Optional.of(key) : Optional.empty();
  }

  /**
   * The key {@code passphrase} derives under {@code file}'s settings and salt.
   *
   * @throws InvalidInputException when it is not the passphrase the key file was made with
   */
  static VaultKey unlock(Passphrase passphrase, KeyFile file, Path where) {
    return derive(passphrase, file).orElseThrow(() -> new InvalidInputException("wrong passphrase for the encrypted vault "
        + where + "; nothing was read or changed; give its passphrase (AUTONOMY_PASSPHRASE, or typed when asked)"));
  }

  /** Whether this key is the one {@code file} was made for (compared in constant time). */
  boolean matches(KeyFile file) {
    return MessageDigest.isEqual(check(), file.checkBytes());
  }

  private byte[] check() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(CHECK_LABEL), CHECK_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }

  /** SQLite settings that open the database with this key (other settings are added by the caller). */
  SQLiteConfig sqliteConfig() {
    return SQLiteMCChacha20Config.getDefault().withRawUnsaltedKey(key).build();
  }

  /** The statement that re-encrypts an open database under this key ({@code PRAGMA rekey}). */
  String rekeyPragma() {
    return "PRAGMA rekey = 'raw:" + HexFormat.of().formatHex(key) + "'";
  }
}
