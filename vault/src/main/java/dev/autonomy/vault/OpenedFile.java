package dev.autonomy.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The database file a vault opened, told apart from a file put at the same path later. SQLite keeps
 * an open file even after it is unlinked, so a process whose vault was erased under it ('forget
 * --all' from another process) would go on reading the deleted data and writing into a file nobody
 * can open again; this says when the file at the path is no longer the one opened.
 */
final class OpenedFile {
  private final Path path;
  private final Object identity;

  private OpenedFile(Path path, Object identity) {
    this.path = path;
    this.identity = identity;
  }

  /** The file now at {@code path}. */
  static OpenedFile of(Path path) throws IOException {
    return new OpenedFile(path, identity(path));
  }

  /** Empty while the file at the path is the one opened; else what happened to it. */
  Optional<String> change() {
    try {
      return Objects.equals(identity, identity(path)) ? Optional.empty() : Optional.of("was replaced by another file");
    } catch (NoSuchFileException e) {
      return Optional.of("was deleted");
    } catch (IOException e) {
      return Optional.of("cannot be read (" + e.getMessage() + ")");
    }
  }

  /** The device and inode where the platform has them, else the creation time. */
  private static Object identity(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
  }
}
