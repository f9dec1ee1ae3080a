package dev.autonomy.solve;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared evaluation data (../shared/data), found through the {@code autonomy.shared} property. */
public final class SharedData {
  private SharedData() {}

  /** A path under the data folder; skips the calling test when it is absent. */
  public static Path require(String relative) {
    String shared = System.getProperty("autonomy.shared", "../shared");
    Path path = Path.of(shared, "data", relative);
    assumeTrue(Files.exists(path), "shared data not present: " + path);
    return path;
  }
}
