package dev.autonomy.ingest.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packs an export.xml and route GPX files the way the iPhone's export.zip holds them. */
public final class AppleHealthZip {
  private AppleHealthZip() {}

  /**
   * Writes {@code zip} with {@code apple_health_export/export.xml} and each route as
   * {@code apple_health_export/workout-routes/NAME.gpx}; files are streamed, never held whole.
   */
  public static Path write(Path zip, Path exportXml, List<Path> routes) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      copy(out, "apple_health_export/export.xml", exportXml);
      for (Path route : routes) {
        copy(out, "apple_health_export/workout-routes/" + route.getFileName(), route);
      }
    }
    return zip;
  }

  private static void copy(ZipOutputStream out, String name, Path source) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    try (InputStream in = Files.newInputStream(source)) {
      in.transferTo(out);
    }
    out.closeEntry();
  }
}
