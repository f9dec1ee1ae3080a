package dev.autonomy.vault;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.Sealing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals an encrypted vault's files with AES-256-GCM (the JDK's provider) under a random file key
 * kept in the vault's own database (table {@code file_keys}). The key is therefore encrypted by the
 * database's encryption: a change of passphrase re-keys the database and the files stay readable
 * without being rewritten, and erasing the vault erases the key. Each file: {@link Sealing#MAGIC},
 * a fresh 12-byte nonce, the ciphertext and its 16-byte tag; the file's name is the associated
 * data, so a sealed file renamed or put in another's place fails to open.
 */
final class FileSealer implements Sealing {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] LABEL = "autonomy sealed file v1\0".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final SecureRandom random;

  private FileSealer(byte[] key, SecureRandom random) {
    this.key = new SecretKeySpec(key, "AES");
    this.random = random;
  }

  /** The file key of {@code vault}'s database, made (and committed) the first time it is asked for. */
  static FileSealer of(Vault vault) {
    SecureRandom random = new SecureRandom();
    // Read first: opening must not wait for the write lock another process (the server) may hold.
    byte[] key = vault.read(FileSealer::stored);
    if (key == null) {
      key = vault.write(List.of(), c -> {
        byte[] made = new byte[KEY_BYTES];
        random.nextBytes(made);
        // Another process may have made it since: the first one made is the key.
        try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO file_keys(id, key, created) VALUES (1, ?, ?)")) {
          st.setBytes(1, made);
          st.setString(2, vault.clock().instant().toString());
          st.executeUpdate();
        }
        return stored(c);
      });
    }
    if (key == null || key.length != KEY_BYTES) {
      throw new VaultException("the vault's file key is damaged (" + (key == null ? 0 : key.length) + " bytes, expected "
          + KEY_BYTES + "); its sealed files cannot be read");
    }
    return new FileSealer(key, random);
  }

  private static byte[] stored(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT key FROM file_keys WHERE id = 1");
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getBytes(1) : null;
    }
  }

  @Override
  public boolean encrypts() {
    return true;
  }

  @Override
  public byte[] seal(byte[] clear, String name) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, name);
      ByteBuffer out = ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + cipher.getOutputSize(clear.length));
      out.put(MAGIC).put(nonce);
      cipher.doFinal(ByteBuffer.wrap(clear), out);
      return out.array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed while sealing " + name, e);
    }
  }

  @Override
  public byte[] open(byte[] stored, String name) {
    if (!Sealing.isSealed(stored)) {
      throw new InvalidInputException(name + " is not sealed, but this vault is encrypted and writes only sealed files:"
          + " it was not written by this vault; move it out of the vault's folder");
    }
    if (stored.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8) {
      throw new InvalidInputException(name + " is cut short (" + stored.length + " bytes); it cannot be opened");
    }
    byte[] nonce = Arrays.copyOfRange(stored, MAGIC.length, MAGIC.length + NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, name);
      int from = MAGIC.length + NONCE_BYTES;
      return cipher.doFinal(stored, from, stored.length - from);
    } catch (AEADBadTagException e) {
      throw new InvalidInputException(name + " does not open with this vault's key: it was changed, renamed, or sealed"
          + " by another vault; nothing was read");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed while opening " + name, e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String name) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(LABEL);
    cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
