package dev.autonomy.engine.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of what an import reads, streamed: a file's bytes; for a folder (Fitabase), each
 * regular file under it in name order, its relative path and length before its bytes.
 */
final class ContentHash {
  private ContentHash() {}

  static String of(Path path) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    try {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          sha256.update((path.relativize(f).toString().replace('\\', '/') + '\0' + Files.size(f) + '\0')
              .getBytes(StandardCharsets.UTF_8));
          digest(f, sha256);
        }
      } else {
        digest(path, sha256);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static void digest(Path file, MessageDigest sha256) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
