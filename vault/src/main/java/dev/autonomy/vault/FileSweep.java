package dev.autonomy.vault;

import dev.autonomy.core.data.Sealing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What opening an encrypted vault does to the files beside its database, so that none of them is
 * readable without the passphrase: every clear file under {@code models/} (written while the vault
 * was clear, before {@code passphrase set}) is sealed in place, and every map graph cached under
 * {@code maps/} is deleted (a cached graph names the area the person plans in; an encrypted vault
 * builds map graphs in memory instead). Each file is replaced atomically, so a sweep cut short is
 * finished by the next open.
 */
final class FileSweep {
  static final String MODELS = "models";
  static final String MAPS = "maps";
  private static final String SEALING = ".sealing";

  private FileSweep() {}

  /** What a sweep changed. */
  record Swept(int sealed, int mapCachesRemoved) {}

  static Swept run(Path home, Sealing sealing) {
    try {
      return new Swept(sealModels(home.resolve(MODELS), sealing), removeMapCaches(home.resolve(MAPS)));
    } catch (IOException | UncheckedIOException e) {
      throw new VaultException("cannot seal the encrypted vault's files in " + home + ": " + e.getMessage()
          + "; nothing is lost (each file is replaced whole); open the vault again to finish", e);
    }
  }

  private static int sealModels(Path models, Sealing sealing) throws IOException {
    if (!Files.isDirectory(models, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(models)) {
      // A ".sealing" file is another sweep's work in progress (or one cut short): left alone.
      files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.getFileName().toString().endsWith(SEALING)).toList();
    }
    int sealed = 0;
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      if (Sealing.isSealed(content)) {
        continue;
      }
      String name = file.getFileName().toString();
      Path tmp = Files.createTempFile(file.getParent(), name, SEALING);
      try {
        Files.write(tmp, sealing.seal(content, name));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      sealed++;
    }
    return sealed;
  }

  /** Folders under maps/ are the graph caches Autonomy built; the OSM files the person put there stay. */
  private static int removeMapCaches(Path maps) throws IOException {
    if (!Files.isDirectory(maps, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    List<Path> caches;
    try (Stream<Path> list = Files.list(maps)) {
      caches = list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }
    for (Path cache : caches) {
      try (Stream<Path> walk = Files.walk(cache)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return caches.size();
  }
}
