package dev.autonomy.vault;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * What the log's compact columns share: a format byte, then the bytes deflated, optionally with
 * another row's bytes as deflate's preset dictionary ({@link ListBodies}, {@link CandidateCodec}).
 */
final class Deflated {
  private Deflated() {}

  /** {@code format}, then {@code input} deflated at the best compression, against {@code dictionary} when it is not null. */
  static byte[] pack(int format, byte[] input, byte[] dictionary) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      if (dictionary != null) {
        deflater.setDictionary(dictionary);
      }
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 16);
      out.write(format);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * The bytes {@link #pack} deflated after the format byte (checked by the caller), given the same
   * dictionary; {@code what} names the column and row in an error ("the candidates logged with list 7").
   */
  static byte[] unpack(byte[] packed, byte[] dictionary, String what) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(packed, 1, packed.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 8);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && inflater.needsDictionary()) {
          if (dictionary == null) {
            throw new VaultException(what + " need their key list, which is missing");
          }
          inflater.setDictionary(dictionary);
        } else if (n == 0 && inflater.needsInput()) {
          throw new VaultException(what + " are truncated");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new VaultException(what + " cannot be read back: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
