package dev.autonomy.ingest;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Importer;
import dev.autonomy.ingest.applehealth.AppleHealthImporter;
import dev.autonomy.ingest.events.EventsImporter;
import dev.autonomy.ingest.fitbit.FitbitImporter;
import dev.autonomy.ingest.gpx.GpxImporter;
import dev.autonomy.ingest.weather.WeatherImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The registry of importers: the one place that lists every format Autonomy reads. */
public final class Importers {
  private Importers() {}

  /** Every importer, most specific first (the order {@link #detect} tries them in). */
  public static List<Importer> all() {
    return List.of(new AppleHealthImporter(), new GpxImporter(), new FitbitImporter(), new WeatherImporter(),
        new EventsImporter());
  }

  /** The format names, for help texts and error messages. */
  public static List<String> formats() {
    return all().stream().map(Importer::format).toList();
  }

  /** The importer for a {@code --format} name; the error lists the valid names. */
  public static Importer forFormat(String format) {
    String wanted = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
    for (Importer importer : all()) {
      if (importer.format().equals(wanted)) {
        return importer;
      }
    }
    throw new InvalidInputException("unknown format '" + format + "'; expected one of " + formats());
  }

  /**
   * The importer that recognises the path by its name or first bytes; an error naming the path
   * and the formats when none does.
   */
  public static Importer detect(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw InvalidInputException.at(path.toString(), 0, null, "no such file or folder");
    }
    for (Importer importer : all()) {
      if (importer.canRead(path)) {
        return importer;
      }
    }
    throw InvalidInputException.at(path.toString(), 0, null,
        "cannot tell its format; expected one of " + formats() + " (pass --format NAME)");
  }
}
