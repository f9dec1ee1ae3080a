package dev.autonomy.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.engine.Autonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, measured: an import, a {@code forget --source} and an export each run in a child
 * JVM ({@link CrashChild}) that is killed with SIGKILL ({@link Process#destroyForcibly()}) at
 * {@link #KILLS} (20) seeded random moments after it has opened the vault. After every kill the vault
 * must open, pass {@code PRAGMA integrity_check}, and hold the signals of before or of after the
 * operation, nothing in between; an export folder is either absent or complete.
 */
class KillNineTest {
  /** Kills per operation; -Dautonomy.crash.kills=N for more or fewer. */
  static final int KILLS = Integer.getInteger("autonomy.crash.kills", 20);
  private static final long SEED = 14;
  private static final int ROWS = 3_000;

  @TempDir static Path dir;
  private static Path base;
  private static Path events;
  private static Path kept;
  private static long baseCount;
  private static long importedCount;
  private static long keptCount;
  private static TreeSet<String> completeExport;
  private static long importMillis;
  private static long forgetMillis;
  private static long exportMillis;

  /**
   * A vault holding kept.csv and events.csv; the uninterrupted operations, timed, give the window
   * the kills are spread over and the counts and export files to check against.
   */
  @BeforeAll
  static void setUp() throws Exception {
    kept = write(dir.resolve("kept.csv"), 500, 0);
    events = write(dir.resolve("events.csv"), ROWS, 1_000);
    base = dir.resolve("base");
    try (Autonomy autonomy = open(base)) {
      autonomy.importPath(kept, "events", null);
      keptCount = autonomy.signalCount();
    }
    baseCount = keptCount;
    Path imported = copy(base, dir.resolve("imported"));
    importMillis = runToEnd("import", imported, events.toString());
    try (Autonomy autonomy = open(imported)) {
      importedCount = autonomy.signalCount();
    }
    assertThat(importedCount).isEqualTo(baseCount + ROWS);
    Path forgotten = copy(imported, dir.resolve("forgotten"));
    forgetMillis = runToEnd("forget", forgotten, "events.csv");
    try (Autonomy autonomy = open(forgotten)) {
      assertThat(autonomy.signalCount()).isEqualTo(keptCount);
    }
    Path exported = copy(imported, dir.resolve("exported"));
    Path target = dir.resolve("export-complete");
    exportMillis = runToEnd("export", exported, target.toString());
    completeExport = files(target);
    assertThat(completeExport).isNotEmpty();
    // Killed imports start from the base vault; killed forgets and exports from the imported one.
    Files.move(imported, dir.resolve("full"));
  }

  @Test
  void import_killedAnywhere_leavesTheVaultWholeAndTheImportAllOrNothing() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] seen = new int[2];
    for (int i = 0; i < KILLS; i++) {
      Path home = copy(base, dir.resolve("import-" + i));
      killAfter(delay(random, importMillis), "import", home, events.toString());
      long count = checkedCount(home);
      assertThat(count).as("signals after kill %d", i).isIn(baseCount, importedCount);
      seen[count == baseCount ? 0 : 1]++;
      delete(home);
    }
    System.out.printf("kill -9 during import (%d ms): %d of %d left the vault as before, %d as after%n", importMillis,
        seen[0], KILLS, seen[1]);
  }

  @Test
  void forget_killedAnywhere_leavesTheVaultWholeAndTheForgetAllOrNothing() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    Path full = dir.resolve("full");
    int[] seen = new int[2];
    for (int i = 0; i < KILLS; i++) {
      Path home = copy(full, dir.resolve("forget-" + i));
      killAfter(delay(random, forgetMillis), "forget", home, "events.csv");
      long count = checkedCount(home);
      assertThat(count).as("signals after kill %d", i).isIn(importedCount, keptCount);
      seen[count == importedCount ? 0 : 1]++;
      delete(home);
    }
    System.out.printf("kill -9 during forget (%d ms): %d of %d left the vault as before, %d as after%n", forgetMillis,
        seen[0], KILLS, seen[1]);
  }

  @Test
  void export_killedAnywhere_leavesNoPartialExportFolder() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    Path full = dir.resolve("full");
    int[] seen = new int[2];
    for (int i = 0; i < KILLS; i++) {
      Path home = copy(full, dir.resolve("export-" + i));
      Path target = dir.resolve("export-" + i + "-out").resolve("export");
      killAfter(delay(random, exportMillis), "export", home, target.toString());
      if (Files.exists(target)) {
        assertThat(files(target)).as("export folder after kill %d", i).isEqualTo(completeExport);
        seen[1]++;
      } else {
        seen[0]++;
      }
      assertThat(checkedCount(home)).isEqualTo(importedCount);
      delete(home);
      delete(target.getParent());
    }
    System.out.printf("kill -9 during export (%d ms): %d of %d left no folder, %d a complete one%n", exportMillis,
        seen[0], KILLS, seen[1]);
  }

  /** A kill moment within the operation's window and a quarter beyond, so that some kills find it done. */
  private static long delay(SplittableRandom random, long windowMillis) {
    return random.nextLong(windowMillis + windowMillis / 4 + 1);
  }

  /** Starts the child, waits for its "go" (the vault is open), sleeps, kills it with SIGKILL. */
  private static void killAfter(long millis, String operation, Path home, String argument) throws Exception {
    Process child = start(operation, home, argument);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertThat(first).as("child's first line").isEqualTo("go");
      Thread.sleep(millis);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Runs the operation uninterrupted; the milliseconds from the child's "go" to its "done". */
  private static long runToEnd(String operation, Path home, String argument) throws Exception {
    Process child = start(operation, home, argument);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("child's first line").isEqualTo("go");
      long start = System.nanoTime();
      assertThat(out.readLine()).as("child's last line").isEqualTo("done");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(child.waitFor()).as("%s exit code", operation).isZero();
      return millis;
    }
  }

  private static Process start(String operation, Path home, String argument) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), CrashChild.class.getName(), operation, home.toString(), argument)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The vault's signal count, after PRAGMA integrity_check has said ok. */
  private static long checkedCount(Path home) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
        Statement statement = db.createStatement();
        ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
      assertThat(check.next()).isTrue();
      assertThat(check.getString(1)).isEqualTo("ok");
    }
    try (Autonomy autonomy = open(home)) {
      return autonomy.signalCount();
    }
  }

  private static Autonomy open(Path home) {
    return Autonomy.open(home, Clock.systemUTC(), new SplittableRandom(7));
  }

  /**
   * An events CSV of notes, one a minute from ten days ago plus {@code offsetMinutes}: recent, so
   * that the history the export derives states from is days long, not years.
   */
  private static Path write(Path file, int rows, int offsetMinutes) throws IOException {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS).plusSeconds(60L * offsetMinutes);
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("time,kind,amount,unit,category,text\n");
      for (int i = 0; i < rows; i++) {
        out.write(start.plusSeconds(60L * i) + ",note,1,,crash,row " + i + "\n");
      }
    }
    return file;
  }

  /** Every file under the folder, by relative path (the sizes vary with the time written in some). */
  private static TreeSet<String> files(Path folder) throws IOException {
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.add(folder.relativize(p).toString());
      }
    }
    return files;
  }

  private static Path copy(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(from)) {
      all = new ArrayList<>(walk.toList());
    }
    for (Path p : all) {
      Path q = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(q);
      } else {
        Files.copy(p, q);
      }
    }
    return to;
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
