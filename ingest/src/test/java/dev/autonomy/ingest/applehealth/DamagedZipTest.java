package dev.autonomy.ingest.applehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.ingest.Samples;
import dev.autonomy.ingest.xml.SafeXml;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, fault 8: a zip whose entry was damaged is refused naming the zip and the entry (java's
 * ZipFile does not check CRC-32, so a flipped byte was imported as data), and an attribute of 1 GB
 * inside a small zip is refused with a clear error instead of running the JVM out of memory. The
 * zips are made here, the big one streamed, so nothing large is kept in the repository or memory.
 */
class DamagedZipTest {
  private static final String EXPORT = """
      <?xml version="1.0" encoding="UTF-8"?>
      <HealthData locale="en_US">
       <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Watch" unit="count" startDate="2023-01-01 08:00:00 +0100" endDate="2023-01-01 09:00:00 +0100" value="5123"/>
      </HealthData>
      """;

  private final AppleHealthImporter importer = new AppleHealthImporter();

  @TempDir Path dir;

  @Test
  void aSoundStoredZipImports() throws Exception {
    Path zip = storedZip(dir.resolve("export.zip"), EXPORT.getBytes(StandardCharsets.UTF_8));
    assertThat(Samples.read(importer, zip, Samples.options("export.zip")).signals())
        .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(5123));
  }

  @Test
  void aZipEntryWithAFlippedByte_isRefusedNamingTheZipAndTheEntry() throws Exception {
    Path zip = storedZip(dir.resolve("export.zip"), EXPORT.getBytes(StandardCharsets.UTF_8));
    byte[] bytes = Files.readAllBytes(zip);
    int at = indexOf(bytes, "value=\"5123\"".getBytes(StandardCharsets.US_ASCII)) + "value=\"".length();
    bytes[at] = '9'; // 5123 steps become 9123: still well-formed, still a number
    Files.write(zip, bytes);

    assertThatThrownBy(() -> Samples.read(importer, zip, Samples.options("export.zip")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("export.zip: zip entry apple_health_export/export.xml is damaged: its CRC-32 is ")
        .hasMessageContaining("nothing was imported");
  }

  @Test
  void anAttributeOf1GB_inASmallZip_isRefusedAsAZipBomb() throws Exception {
    Path zip = dir.resolve("export.zip");
    try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
      out.setLevel(Deflater.BEST_SPEED);
      out.putNextEntry(new ZipEntry("apple_health_export/export.xml"));
      writeHugeAttribute(out);
      out.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(16L << 20);

    assertThatThrownBy(() -> Samples.read(importer, zip, Samples.options("export.zip")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("export.zip: zip entry apple_health_export/export.xml expands to more than ")
        .hasMessageContaining("refused as a zip bomb, nothing was imported");
  }

  @Test
  void anAttributeOf1GB_inASmallGzip_isRefusedWithoutRunningOutOfMemory() throws Exception {
    Path gz = dir.resolve("export.xml.gz");
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(gz), 1 << 16), 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      writeHugeAttribute(out);
    }
    assertThat(Files.size(gz)).isLessThan(16L << 20);

    assertThatThrownBy(() -> Samples.read(importer, gz, Samples.options("export.xml.gz")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("export.xml.gz:3: a tag (its attributes, or a comment) of more than "
            + SafeXml.MAX_MARKUP_CHARS + " characters; refused");
  }

  /** An export whose one record has a source name of 1 GiB, streamed: never held in memory here. */
  private static void writeHugeAttribute(OutputStream out) throws Exception {
    out.write("<?xml version=\"1.0\"?>\n<HealthData>\n <Record type=\"HKQuantityTypeIdentifierStepCount\" sourceName=\""
        .getBytes(StandardCharsets.US_ASCII));
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'a');
    for (long written = 0; written < 1L << 30; written += chunk.length) {
      out.write(chunk);
    }
    out.write("\" value=\"1\"/>\n</HealthData>\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** A zip with export.xml stored, not deflated, so that a byte of the file can be changed in place. */
  private static Path storedZip(Path zip, byte[] xml) throws Exception {
    CRC32 crc = new CRC32();
    crc.update(xml);
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      ZipEntry entry = new ZipEntry("apple_health_export/export.xml");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(xml.length);
      entry.setCompressedSize(xml.length);
      entry.setCrc(crc.getValue());
      out.putNextEntry(entry);
      out.write(xml);
      out.closeEntry();
    }
    return zip;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
