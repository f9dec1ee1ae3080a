package dev.autonomy.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the public evaluation data is: the folder {@code shared/data} that CI keeps beside the
 * clone ({@code ../shared/data} seen from the repository root). The project ships none of it; tests
 * skip and benchmarks ask for {@code --data} when it is absent.
 *
 * <p>The rule, the same for tests, benchmarks and the CLI:
 *
 * <ol>
 *   <li>If the system property {@value #PROPERTY} is set, it names the shared folder and the data is
 *       its {@code data} subfolder; nothing else is tried (a wrong path means absent).
 *   <li>Otherwise, from the working directory upwards, the first folder that holds a {@code
 *       pom.xml} and has {@code ../shared/data} beside it. This finds the data from the repository
 *       root ({@code ./autonomy}, {@code mvn} there) and from a module folder (Maven surefire runs
 *       each module's tests in that module's folder).
 * </ol>
 */
public final class SharedData {
  /** The system property naming the shared folder (the one that holds {@code data/}). */
  public static final String PROPERTY = "autonomy.shared";

  private SharedData() {}

  /** The data folder ({@code .../shared/data}), if it is there. */
  public static Optional<Path> root() {
    return root(System.getProperty(PROPERTY), Path.of("").toAbsolutePath());
  }

  /**
   * A data set or file under the data folder, such as {@code "tsplib/tsp"} or {@code
   * "osm-graphhopper/monaco.osm.gz"}, if it is there.
   */
  public static Optional<Path> dataset(String name) {
    return dataset(root(), name);
  }

  /** {@link #root()} for a given property value (null when unset) and working directory. */
  static Optional<Path> root(String property, Path workingDirectory) {
    if (property != null) {
      return folder(Path.of(property).resolve("data"));
    }
    for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (dir.getParent() != null && Files.isRegularFile(dir.resolve("pom.xml"))) {
        Optional<Path> data = folder(dir.resolveSibling("shared").resolve("data"));
        if (data.isPresent()) {
          return data;
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Path> dataset(Optional<Path> root, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (Path.of(name).isAbsolute()) {
      throw new IllegalArgumentException("name must be relative to the data folder, was '" + name + "'");
    }
    return root.map(r -> r.resolve(name)).filter(Files::exists);
  }

  private static Optional<Path> folder(Path path) {
    return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
  }
}
