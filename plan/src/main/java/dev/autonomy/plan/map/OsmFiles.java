package dev.autonomy.plan.map;

import dev.autonomy.core.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** Checks that a file is an OpenStreetMap extract (.osm.pbf, .osm.gz, .osm) and fingerprints it. */
final class OsmFiles {
  private OsmFiles() {}

  /** Throws {@link InvalidInputException} naming the file unless it looks like OSM XML or PBF. */
  static void requireOsm(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": no such OSM file");
    }
    byte[] head;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      head = in.readNBytes(64);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        head = in.readNBytes(256);
      } catch (IOException e) {
        throw notOsm(file, "a gzip file that cannot be decompressed (" + e.getMessage() + ")");
      }
      if (!isXml(head)) {
        throw notOsm(file, "a gzip file that does not hold OSM XML");
      }
      return;
    }
    if (isXml(head) || isPbf(head)) {
      return;
    }
    throw notOsm(file, "neither OSM XML (<osm ...>) nor OSM PBF (OSMHeader block)");
  }

  private static boolean isXml(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.startsWith("<?xml") && text.contains("<osm") || text.startsWith("<osm");
  }

  private static boolean isPbf(byte[] head) {
    // A PBF file starts with a 4-byte big-endian header length, then a BlobHeader whose type is
    // the string "OSMHeader".
    return head.length > 16
        && new String(head, 4, Math.min(20, head.length - 4), StandardCharsets.ISO_8859_1)
            .contains("OSMHeader");
  }

  private static InvalidInputException notOsm(Path file, String what) {
    return new InvalidInputException(
        file + ": not an OpenStreetMap file: " + what + "; expected .osm.pbf, .osm.gz or .osm");
  }

  /** First 16 hex digits of the SHA-256 of the file's bytes. */
  static String contentHash(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }

  /** {@code monaco.osm.gz} -> {@code monaco}. */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    for (String ext : new String[] {".osm.pbf", ".osm.gz", ".osm.bz2", ".osm", ".pbf", ".gz", ".xml"}) {
      if (name.endsWith(ext) && name.length() > ext.length()) {
        name = name.substring(0, name.length() - ext.length());
        break;
      }
    }
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
