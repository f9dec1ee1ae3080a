package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, faults 7 and 8, at the engine: two Autonomy objects over one vault stand for a running
 * server and the CLI beside it. Every value the first derived and cached follows what the second
 * wrote; and a damaged vault refuses an import before reading the file into it.
 */
class AnotherProcessTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  private static DemoFiles.Written files(Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    return DemoFiles.write(dir, SyntheticPerson.generate(LocalDate.now(CLOCK), 45, random.split()), PARIS, random.split());
  }

  @Test
  void whatOneProcessCachedFollowsWhatAnotherWrote(@TempDir Path dir) throws Exception {
    DemoFiles.Written files = files(dir.resolve("files"));
    Path home = dir.resolve("home");
    Situation now = new Situation(ZonedDateTime.now(CLOCK), Map.of("place", "outdoor"));
    try (Autonomy server = Autonomy.open(home, CLOCK, new SplittableRandom(3));
        Autonomy cli = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      // The server derives and caches everything once, over the empty vault.
      server.quality();
      server.desiresNow(now);
      server.rules();
      server.options();
      server.goals();
      server.preferences();
      server.policies().live();

      for (Path f : files.all()) {
        cli.importPath(f, null, null);
      }
      cli.addRule("never swim");

      assertThat(server.signalCount()).isPositive().isEqualTo(cli.signalCount());
      assertThat(server.sources()).isEqualTo(cli.sources());
      assertThat(server.quality().toMap()).isEqualTo(cli.quality().toMap());
      assertThat(server.rules()).isEqualTo(cli.rules());
      assertThat(server.desires(now)).isEqualTo(cli.desires(now));
      assertThat(server.desiresNow(now).basis()).isEqualTo(cli.desiresNow(now).basis());
    }
  }

  @Test
  void aDamagedVaultRefusesAnImportBeforeReadingTheFile(@TempDir Path dir) throws Exception {
    DemoFiles.Written files = files(dir.resolve("files"));
    Path home = dir.resolve("home");
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      a.importPath(files.appleHealthZip(), null, null);
    }
    Path db = home.resolve("vault.db");
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      // a whole 16 KB page (the vault's page size): 4 KB of junk can land in a page's free space
      int page = 16384;
      byte[] junk = new byte[page];
      Arrays.fill(junk, (byte) 0x5a);
      f.seek((long) page * (f.length() / page / 2));
      f.write(junk);
    }
    try (Autonomy a = Autonomy.open(home, CLOCK, new SplittableRandom(3))) {
      byte[] before = Files.readAllBytes(db);
      assertThatThrownBy(() -> a.importPath(files.eventsCsv(), null, null))
          .isInstanceOf(AutonomyFailure.class)
          .hasMessageContaining("is damaged")
          .hasMessageContaining("nothing was written");
      assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
  }
}
