package dev.autonomy.ingest.zip;

import dev.autonomy.core.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Zip entries read so that damage and zip bombs are said plainly. {@link ZipFile} does not check an
 * entry's CRC-32 (a flipped byte in a stored entry, or one that still inflates, is read as data), so
 * the entry is checked here at its end against the checksum and size the zip records; and an entry
 * may expand to at most {@link #MAX_RATIO} times its compressed size (past {@link #ALWAYS_ALLOWED}),
 * so a small zip cannot feed gigabytes to the parser. Either failure names the zip and the entry.
 */
public final class SafeZip {
  /** How many times its compressed size an entry may expand to; exports compress 10-30 times. */
  public static final long MAX_RATIO = 200;
  /** What any entry may expand to, whatever its ratio. */
  public static final long ALWAYS_ALLOWED = 64L << 20;

  private SafeZip() {}

  /** Reads an entry's bytes. */
  @FunctionalInterface
  public interface EntryReader<T> {
    T read(InputStream in) throws IOException;
  }

  /**
   * Reads {@code entry} with {@code reader}, then what the reader left of it, so that its checksum
   * is checked (it is known only at the end; parsers stop at their closing tag, and close what they
   * read, so the reader gets a stream whose close leaves the entry open). {@code file} names the zip
   * in errors.
   */
  public static <T> T read(ZipFile zip, ZipEntry entry, String file, EntryReader<T> reader) throws IOException {
    try (InputStream in = open(zip, entry, file)) {
      T result = reader.read(new FilterInputStream(in) {
        @Override
        public void close() {
          // the entry is closed by read, after its end was checked
        }
      });
      in.transferTo(OutputStream.nullOutputStream());
      return result;
    }
  }

  private static InputStream open(ZipFile zip, ZipEntry entry, String file) throws IOException {
    long compressed = entry.getCompressedSize();
    long cap = compressed < 0 ? ALWAYS_ALLOWED
        : Math.max(ALWAYS_ALLOWED, compressed > Long.MAX_VALUE / MAX_RATIO ? Long.MAX_VALUE : compressed * MAX_RATIO);
    if (entry.getSize() > cap) {
      throw bomb(file, entry, entry.getSize(), cap);
    }
    return new Checked(zip.getInputStream(entry), entry, file, cap);
  }

  private static InvalidInputException bomb(String file, ZipEntry entry, long size, long cap) {
    return new InvalidInputException(file + ": zip entry " + entry.getName() + " expands to more than " + cap
        + " bytes (" + (size > cap ? size + " bytes, " : "") + "over " + MAX_RATIO + " times its " + entry.getCompressedSize()
        + " compressed bytes); refused as a zip bomb, nothing was imported");
  }

  /** Counts, checksums and caps what is read; checks the checksum and size at the end. */
  private static final class Checked extends FilterInputStream {
    private final ZipEntry entry;
    private final String file;
    private final long cap;
    private final CRC32 crc = new CRC32();
    private long read;
    private boolean checked;

    Checked(InputStream in, ZipEntry entry, String file, long cap) {
      super(in);
      this.entry = entry;
      this.file = file;
      this.cap = cap;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        throw damaged("it cannot be inflated (" + e.getMessage() + ")");
      }
      if (n < 0) {
        check();
        return n;
      }
      crc.update(b, off, n);
      read += n;
      if (read > cap) {
        throw bomb(file, entry, -1, cap);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      int got = read(buffer, 0, buffer.length);
      return Math.max(got, 0);
    }

    private void check() {
      if (checked) {
        return;
      }
      checked = true;
      if (entry.getSize() >= 0 && read != entry.getSize()) {
        throw damaged("it holds " + read + " bytes, but the zip says " + entry.getSize());
      }
      if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
        throw damaged(String.format("its CRC-32 is %08x, but the zip says %08x", crc.getValue(), entry.getCrc()));
      }
    }

    private InvalidInputException damaged(String why) {
      return new InvalidInputException(file + ": zip entry " + entry.getName() + " is damaged: " + why
          + "; nothing was imported. Export the file again");
    }
  }
}
