package dev.autonomy.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.engine.Autonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, fault 8: an export killed half-way left a hidden folder of personal data (109 MB) beside
 * its target. The next export deletes such leftovers, and only those: not a staging folder of an
 * export still running, nor a folder of the person's that happens to share the prefix.
 */
class ExportLeftoversTest {
  @Test
  void export_deletesWhatAKilledExportLeft_andNothingElse(@TempDir Path home, @TempDir Path parent) throws Exception {
    Path killed = leftover(parent, ".autonomy-export-1111", "999999999"); // a process id that is not running
    Path killedBeforeOwners = leftover(parent, ".autonomy-export-2222", null);
    Files.setLastModifiedTime(killedBeforeOwners, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    Path running = leftover(parent, ".autonomy-export-3333", Long.toString(ProcessHandle.current().pid()));
    Path mine = parent.resolve(".autonomy-export-mine");
    Files.createDirectories(mine.resolve("photos"));

    try (Autonomy a = Autonomy.open(home, Clock.systemUTC(), new SplittableRandom(1))) {
      a.export(parent.resolve("export"));
    }

    assertThat(killed).doesNotExist();
    assertThat(killedBeforeOwners).doesNotExist();
    assertThat(running).exists();
    assertThat(mine.resolve("photos")).exists();
    assertThat(parent.resolve("export").resolve("signals.csv")).exists();
    assertThat(parent.resolve("export").resolve(ExportStaging.OWNER)).doesNotExist();
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("export", ".autonomy-export-3333", ".autonomy-export-mine");
    }
  }

  private static Path leftover(Path parent, String name, String owner) throws Exception {
    Path dir = Files.createDirectories(parent.resolve(name));
    Files.writeString(dir.resolve("signals.csv"), "kind,start\nsteps,2026-11-29T10:00:00Z\n");
    if (owner != null) {
      Files.writeString(dir.resolve(ExportStaging.OWNER), owner);
    }
    return dir;
  }
}
