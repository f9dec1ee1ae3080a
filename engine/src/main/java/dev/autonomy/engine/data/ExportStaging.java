package dev.autonomy.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The hidden folder an export is written into before it is moved into place, and the leftovers of
 * exports that were killed half-way (kill -9, power cut), which hold personal data the person never
 * sees: each staging folder names the process writing it, and the next export beside it deletes
 * those whose process is gone.
 */
final class ExportStaging {
  static final String PREFIX = ".autonomy-export-";
  /** The file in a staging folder that holds the id of the process writing it. */
  static final String OWNER = ".writing-process";
  /** A staging folder without an owner (an export older than owner files) is a leftover after this long. */
  static final Duration UNOWNED_AFTER = Duration.ofMinutes(10);

  private ExportStaging() {}

  /** A new, owner-only staging folder in {@code parent}, owned by this process. */
  static Path create(Path parent) throws IOException {
    Path dir = Files.createTempDirectory(parent, PREFIX);
    Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
    return dir;
  }

  /** Makes {@code dir} hold the export only, just before it is moved into place. */
  static void release(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(OWNER));
  }

  /**
   * Deletes the staging folders in {@code parent} left by exports that were killed: the process
   * named in it has ended (or, unnamed, it is older than {@link #UNOWNED_AFTER}). A folder with
   * anything but plain files in it is not one of ours and stays. Returns what was deleted.
   */
  static List<Path> removeLeftovers(Path parent, Clock clock) throws IOException {
    List<Path> removed = new ArrayList<>();
    List<Path> candidates;
    try (Stream<Path> list = Files.list(parent)) {
      candidates = list.filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }
    for (Path dir : candidates) {
      if (isLeftover(dir, clock.instant()) && onlyPlainFiles(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
        removed.add(dir);
      }
    }
    return removed;
  }

  private static boolean isLeftover(Path dir, Instant now) throws IOException {
    OptionalLong pid = owner(dir);
    if (pid.isPresent()) {
      return ProcessHandle.of(pid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    }
    Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
    return modified.plus(UNOWNED_AFTER).isBefore(now);
  }

  private static OptionalLong owner(Path dir) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(dir.resolve(OWNER), StandardCharsets.US_ASCII).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean onlyPlainFiles(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.allMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    }
  }
}
