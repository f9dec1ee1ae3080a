package dev.autonomy.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Objects;

/**
 * The clear file beside an encrypted database ({@code vault.db.crypt} beside {@code vault.db}, and
 * {@code FILE.crypt} beside a backup {@code FILE}) that says how to turn the passphrase into the
 * key: the cipher, the key derivation's settings, the random salt, and a check value that tells a
 * wrong passphrase before SQLite reads a byte. Never the key. Anyone who reads the folder can read
 * it: the salt and settings are not secret (they make each guess cost one Argon2id derivation),
 * and the check value is an HMAC of a constant under the key, which says no more about the
 * passphrase than the encrypted database itself does.
 */
record KeyFile(
    @JsonProperty("format") int format,
    @JsonProperty("cipher") String cipher,
    @JsonProperty("kdf") String kdf,
    @JsonProperty("memory_kib") int memoryKib,
    @JsonProperty("iterations") int iterations,
    @JsonProperty("parallelism") int parallelism,
    @JsonProperty("salt") String salt,
    @JsonProperty("check") String check) {
  static final int FORMAT = 1;
  static final String CIPHER = "chacha20-poly1305";
  static final String KDF = "argon2id";
  static final String SUFFIX = ".crypt";

  KeyFile {
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(kdf, "kdf");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(check, "check");
  }

  static KeyFile of(Argon2id settings, byte[] salt, byte[] check) {
    Base64.Encoder b64 = Base64.getEncoder();
    return new KeyFile(FORMAT, CIPHER, KDF, settings.memoryKib(), settings.iterations(), settings.parallelism(),
        b64.encodeToString(salt), b64.encodeToString(check));
  }

  /** The key file of the database {@code database}: its name with {@value #SUFFIX} added. */
  static Path beside(Path database) {
    return database.resolveSibling(database.getFileName() + SUFFIX);
  }

  Argon2id settings() {
    return new Argon2id(memoryKib, iterations, parallelism);
  }

  byte[] saltBytes() {
    return Base64.getDecoder().decode(salt);
  }

  byte[] checkBytes() {
    return Base64.getDecoder().decode(check);
  }

  /**
   * Reads the key file at {@code file}.
   *
   * @throws InvalidInputException naming the file when it cannot be read or is not one this Autonomy knows
   */
  static KeyFile read(Path file) {
    KeyFile read;
    try {
      read = Json.mapper().readValue(Files.readString(file), KeyFile.class);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("key file " + file + ": cannot be read (" + e.getMessage() + "); it says how the"
          + " passphrase unlocks the vault beside it: restore it from where the vault's backup is", e);
    }
    if (read.format() != FORMAT || !CIPHER.equals(read.cipher()) || !KDF.equals(read.kdf())) {
      throw new InvalidInputException("key file " + file + ": format " + read.format() + ", cipher " + read.cipher()
          + ", kdf " + read.kdf() + " are not what this Autonomy knows (format " + FORMAT + ", " + CIPHER + ", " + KDF
          + "); use a newer Autonomy");
    }
    try {
      read.settings();
      Base64.getDecoder().decode(read.salt());
      Base64.getDecoder().decode(read.check());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("key file " + file + ": " + e.getMessage(), e);
    }
    return read;
  }

  /**
   * Writes this key file at {@code file}, owner-only, in one step: a reader sees the old file or the
   * new one, never half of one.
   */
  void write(Path file) throws IOException {
    String json;
    try {
      json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write the key file " + file + ": " + e.getOriginalMessage(), e);
    }
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(partial, json);
    try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static boolean exists(Path file) {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }
}
