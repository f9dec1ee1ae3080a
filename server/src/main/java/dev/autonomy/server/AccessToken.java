package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The bearer token an app presents to act for the person: whoever holds it has the person's
 * consent. Generated from {@link SecureRandom} (32 bytes, hex) or kept in a file only the owner can
 * read. Its {@code toString} never shows the secret.
 *
 * @param value the secret: 16 to 256 visible ASCII characters
 */
public record AccessToken(String value) {
  /** Bytes of randomness in a generated token. */
  public static final int RANDOM_BYTES = 32;

  public AccessToken {
    if (value == null || value.length() < 16 || value.length() > 256 || !value.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new InvalidInputException("token must be 16 to 256 visible ASCII characters without spaces, was "
          + (value == null ? "null" : value.length() + " characters"));
    }
  }

  /** A fresh token: {@value #RANDOM_BYTES} random bytes as 64 hex digits. */
  public static AccessToken generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new AccessToken(HexFormat.of().formatHex(bytes));
  }

  /**
   * The token kept in {@code file}; when the file does not exist, a generated one written there
   * with owner-only permissions (rw-------), so the same app can reconnect after a restart. An
   * existing file that others on the machine may read is refused: the token is the person's consent.
   */
  public static AccessToken fromFile(Path file, SecureRandom random) {
    try {
      if (Files.exists(file)) {
        refuseIfOthersCanRead(file);
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
          throw new InvalidInputException(file + ": token file is empty; delete it to have one generated");
        }
        try {
          return new AccessToken(text);
        } catch (InvalidInputException e) {
          throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
      }
      AccessToken token = generate(random);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(ownerOnly(file), (token.value() + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
      return token;
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(file + ": token file appeared while it was being created; run again", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create token file " + file + ": " + e.getMessage(), e);
    }
  }

  /** On a POSIX file system, refuses a token file its group or others have any permission on. */
  static void refuseIfOthersCanRead(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> open = new HashSet<>(Files.getPosixFilePermissions(file));
    open.retainAll(EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
    if (!open.isEmpty()) {
      throw new InvalidInputException(file + ": token file is open to others on this machine ("
          + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
          + "); run 'chmod 600 " + file + "' or delete it to have a new one generated");
    }
  }

  private static Path ownerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<Set<PosixFilePermission>> rw = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      return Files.createFile(file, rw);
    }
    Path created = Files.createFile(file);
    var f = created.toFile();
    // Not POSIX (Windows): take read and write from everyone, then give them back to the owner only.
    if (!(f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(false, false) && f.setWritable(true, true))) {
      throw new IOException("cannot restrict the permissions of " + file + " to its owner");
    }
    return created;
  }

  /** Whether {@code presented} is this token, compared in constant time. */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AccessToken[hidden]";
  }
}
