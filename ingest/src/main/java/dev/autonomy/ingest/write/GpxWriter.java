package dev.autonomy.ingest.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Writes GPX 1.1 with one track of one segment. */
public final class GpxWriter {
  private GpxWriter() {}

  /** Writes {@code points} as a track named {@code name} of type {@code type} (either may be ""). */
  public static void writeTrack(Writer out, String name, String type, List<GpxPoint> points) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<gpx version=\"1.1\" creator=\"Autonomy\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
    out.write("  <trk>\n");
    if (name != null && !name.isEmpty()) {
      out.write("    <name>" + AppleHealthExportWriter.escape(name) + "</name>\n");
    }
    if (type != null && !type.isEmpty()) {
      out.write("    <type>" + AppleHealthExportWriter.escape(type) + "</type>\n");
    }
    out.write("    <trkseg>\n");
    for (GpxPoint point : points) {
      GpxPoint p = Objects.requireNonNull(point, "point");
      out.write("      <trkpt lat=\"" + p.lat() + "\" lon=\"" + p.lon() + "\">");
      if (!Double.isNaN(p.ele())) {
        out.write("<ele>" + p.ele() + "</ele>");
      }
      if (p.time() != null) {
        out.write("<time>" + p.time() + "</time>");
      }
      out.write("</trkpt>\n");
    }
    out.write("    </trkseg>\n  </trk>\n</gpx>\n");
    out.flush();
  }

  /** Writes the track to a new UTF-8 file. */
  public static Path writeTrack(Path file, String name, String type, List<GpxPoint> points) throws IOException {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      writeTrack(out, name, type, points);
    }
    return file;
  }
}
