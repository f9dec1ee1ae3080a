package dev.autonomy.solve;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** The shared evaluation data for solve's tests, found by {@link dev.autonomy.core.data.SharedData}. */
public final class SharedData {
  private SharedData() {}

  /** A path under the data folder; skips the calling test when it is absent. */
  public static Path require(String relative) {
    Optional<Path> path = dev.autonomy.core.data.SharedData.dataset(relative);
    assumeTrue(path.isPresent(), "shared data not present: ../shared/data/" + relative);
    return path.get();
  }
}
