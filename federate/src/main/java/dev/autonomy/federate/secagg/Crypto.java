package dev.autonomy.federate.secagg;

import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK primitives the protocol is built from, each used one way: X25519 key pairs and agreement,
 * HKDF-SHA256 (RFC 5869) to turn an agreed secret into a key for one purpose and round, AES-256-CTR
 * as the pseudo-random generator that expands a 32-byte seed into a mask, and AES-256-GCM for the
 * shares sent between clients through the server.
 */
final class Crypto {
  static final String MASK_PURPOSE = "autonomy secagg pairwise mask";
  static final String SHARE_PURPOSE = "autonomy secagg share encryption";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Crypto() {}

  static KeyPair newX25519(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
      generator.initialize(NamedParameterSpec.X25519, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AutonomyFailure("this JDK cannot make X25519 keys: " + e.getMessage(), e);
    }
  }

  /** The 32-byte scalar of an X25519 private key: what gets secret-shared. */
  static byte[] scalar(PrivateKey key) {
    return ((XECPrivateKey) key)
        .getScalar()
        .orElseThrow(() -> new AutonomyFailure("this JDK's X25519 key does not expose its scalar"));
  }

  static PrivateKey privateKey(byte[] scalar) {
    try {
      return KeyFactory.getInstance("XDH")
          .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
    } catch (GeneralSecurityException e) {
      throw new AutonomyFailure("cannot rebuild an X25519 private key: " + e.getMessage(), e);
    }
  }

  static PublicKey publicKey(byte[] encoded, String whose) {
    try {
      return KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new InvalidInputException(whose + " is not an X.509-encoded X25519 public key");
    }
  }

  /**
   * A 32-byte key for one purpose in one round, agreed between two clients: X25519, then HKDF with
   * the round id as salt, so keys from different rounds or purposes never coincide.
   */
  static byte[] agree(PrivateKey mine, PublicKey theirs, long roundId, String purpose) {
    byte[] shared;
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(mine);
      agreement.doPhase(theirs, true);
      shared = agreement.generateSecret();
    } catch (GeneralSecurityException e) {
      // The JDK refuses small-order public keys (an all-zero secret): a malicious key.
      throw new InvalidInputException("X25519 agreement failed: " + e.getMessage());
    }
    return hkdf(shared, ByteBuffer.allocate(Long.BYTES).putLong(roundId).array(), purpose);
  }

  /** HKDF-SHA256 extract-then-expand to one 32-byte block (RFC 5869, L = 32). */
  static byte[] hkdf(byte[] inputKey, byte[] salt, String info) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] pseudoRandomKey = mac.doFinal(inputKey);
      mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
      mac.update(info.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 1);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new AutonomyFailure("this JDK lacks HmacSHA256: " + e.getMessage(), e);
    }
  }

  /**
   * Adds {@code sign * PRG(seed)} to {@code target}, coordinate by coordinate, mod 2^64. The PRG is
   * AES-256-CTR under the seed from a zero counter: each seed is used for one stream only.
   */
  static void addMask(long[] target, byte[] seed, int sign) {
    byte[] stream;
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(seed, "AES"), new IvParameterSpec(new byte[16]));
      stream = cipher.doFinal(new byte[target.length * Long.BYTES]);
    } catch (GeneralSecurityException e) {
      throw new AutonomyFailure("this JDK lacks AES-CTR: " + e.getMessage(), e);
    }
    ByteBuffer words = ByteBuffer.wrap(stream);
    for (int i = 0; i < target.length; i++) {
      target[i] += sign * words.getLong();
    }
  }

  static byte[] seal(byte[] key, byte[] associated, byte[] plaintext, SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associated);
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new AutonomyFailure("this JDK lacks AES-GCM: " + e.getMessage(), e);
    }
  }

  static byte[] open(byte[] key, byte[] associated, byte[] sealed, String what) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new InvalidInputException(
          what + ": ciphertext too short (" + sealed.length + " bytes)");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(associated);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new InvalidInputException(
          what + ": does not decrypt (altered, or not sealed for this client and round)");
    } catch (GeneralSecurityException e) {
      throw new AutonomyFailure("this JDK lacks AES-GCM: " + e.getMessage(), e);
    }
  }
}
