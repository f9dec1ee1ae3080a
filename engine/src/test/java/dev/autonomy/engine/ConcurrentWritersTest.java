package dev.autonomy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.rank.RankingPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, concurrency: two imports and recommendations at once, each through its own Autonomy
 * over one vault (as two CLI processes and a server would be): no write is lost and no raw driver
 * error escapes; the vault holds exactly what importing the files one after the other gives.
 */
class ConcurrentWritersTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);

  @Test
  void twoImportsAndRecommendationsAtOnce_loseNothing(@TempDir Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"), SyntheticPerson.generate(LocalDate.now(CLOCK), 30,
        random.split()), PARIS, random.split());
    long expectedSignals;
    try (Autonomy sequential = Autonomy.open(dir.resolve("sequential"), CLOCK, new SplittableRandom(1))) {
      for (Path f : files.all()) {
        sequential.importPath(f, null, null);
      }
      expectedSignals = sequential.signalCount();
    }

    Path home = dir.resolve("home");
    int lists = 20;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> running = new ArrayList<>();
    try (Autonomy first = Autonomy.open(home, CLOCK, new SplittableRandom(2));
        Autonomy second = Autonomy.open(home, CLOCK, new SplittableRandom(3));
        Autonomy server = Autonomy.open(home, CLOCK, new SplittableRandom(4))) {
      running.add(pool.submit(importing(start, first, List.of(files.appleHealthZip(), files.weatherCsv()))));
      running.add(pool.submit(importing(start, second, List.of(files.eventsCsv(), files.runGpx()))));
      running.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < lists; i++) {
          server.recommend(new Situation(ZonedDateTime.now(CLOCK), Map.of("place", i % 2 == 0 ? "outdoor" : "indoor")),
              new RankingPolicy(3, 0.1));
        }
        return null;
      }));
      start.countDown();
      for (Future<?> f : running) {
        f.get(120, TimeUnit.SECONDS); // any exception, a raw SQLITE_BUSY included, fails the test here
      }
      assertThat(server.signalCount()).isEqualTo(expectedSignals);
      assertThat(first.sources()).hasSize(4);
      assertThat(server.log().report().size().lists()).isEqualTo(lists);
      assertThat(server.log().report().size().recommendations()).isEqualTo(lists * 3L);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Void> importing(CountDownLatch start, Autonomy autonomy, List<Path> paths) {
    return () -> {
      start.await();
      for (Path p : paths) {
        autonomy.importPath(p, null, null);
      }
      return null;
    };
  }
}
