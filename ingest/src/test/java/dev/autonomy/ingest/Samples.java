package dev.autonomy.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.data.SharedData;
import dev.autonomy.core.signal.ImportOptions;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.core.signal.Signal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shared sample data and a collecting sink, for the importer tests. */
public final class Samples {
  private Samples() {}

  /** ../shared/data/{first}/{more}; the test is skipped when it is not there. */
  public static Path data(String first, String... more) {
    String name = Path.of(first, more).toString();
    Optional<Path> path = SharedData.dataset(name);
    assumeTrue(path.isPresent(), "../shared/data/" + name + " is absent");
    return path.get();
  }

  public static ImportOptions options(String source) {
    return new ImportOptions(Optional.empty(), ZoneId.of("Europe/Zurich"), source);
  }

  public static ImportOptions options(String source, String person) {
    return new ImportOptions(Optional.of(person), ZoneId.of("Europe/Zurich"), source);
  }

  /** What one import produced. */
  public record Result(ImportReport report, List<Signal> signals) {}

  public static Result read(Importer importer, Path path, ImportOptions options) throws IOException {
    List<Signal> signals = new ArrayList<>();
    ImportReport report = importer.read(path, options, signals::add);
    return new Result(report, signals);
  }
}
