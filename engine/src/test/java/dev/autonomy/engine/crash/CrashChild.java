package dev.autonomy.engine.crash;

import dev.autonomy.engine.Autonomy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;

/**
 * The child JVM of {@link KillNineTest}: opens the vault in {@code HOME}, says "go" on stdout and
 * runs one operation, which the test kills at a random moment.
 *
 * <pre>
 *   CrashChild import HOME FILE     (an events file)
 *   CrashChild forget HOME SOURCE
 *   CrashChild export HOME DIR
 * </pre>
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    try (Autonomy autonomy = Autonomy.open(Path.of(args[1]), Clock.systemUTC(), new SplittableRandom(7))) {
      System.out.println("go");
      System.out.flush();
      switch (args[0]) {
        case "import" -> autonomy.importPath(Path.of(args[2]), "events", null);
        case "forget" -> autonomy.forgetSource(args[2]);
        case "export" -> autonomy.export(Path.of(args[2]));
        default -> throw new IllegalArgumentException("unknown operation " + args[0]);
      }
      System.out.println("done");
      System.out.flush();
    }
  }
}
