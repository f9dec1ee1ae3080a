package dev.autonomy.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compact encoding of a shown list's candidates in {@code lists.candidates}: a format byte
 * ({@value #FORMAT}), then, deflated, the count and the dimension, every option id (modified
 * UTF-8), and feature by feature a bit mask of the candidates where it is non-zero and those values
 * as float32.
 *
 * <p>Measured by {@code DecisionLogListTest} on 100 candidates x 18 features shaped like the
 * ranker's (one desire intensity per desire, 0/1 place, weather and budget terms, a neutral history
 * for most options, sparse crosses, a one-hot desire): 1,049 bytes per list on average; with the
 * seven scorer terms uniform at random, the worst case, 3,640 bytes. (Raw float32 is 7,200 bytes of
 * features alone; JSON of the doubles about 30 KB.)
 */
final class CandidateCodec {
  static final int FORMAT = 1;

  private CandidateCodec() {}

  static byte[] encode(List<String> ids, List<double[]> vectors) {
    if (ids.size() != vectors.size()) {
      throw new IllegalArgumentException("candidates: " + ids.size() + " ids but " + vectors.size() + " vectors");
    }
    int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(ids.size());
      out.writeShort(dimension);
      for (int i = 0; i < ids.size(); i++) {
        if (vectors.get(i).length != dimension) {
          throw new IllegalArgumentException("candidates[" + i + "] has " + vectors.get(i).length
              + " features, candidates[0] has " + dimension);
        }
        out.writeUTF(ids.get(i));
      }
      // Feature by feature (column-major), so the values one feature shares across options repeat
      // close together, where deflate finds them.
      byte[] mask = new byte[(ids.size() + 7) / 8];
      for (int j = 0; j < dimension; j++) {
        java.util.Arrays.fill(mask, (byte) 0);
        for (int i = 0; i < ids.size(); i++) {
          if ((float) vectors.get(i)[j] != 0f) {
            mask[i / 8] |= (byte) (1 << (i % 8));
          }
        }
        out.write(mask);
        for (int i = 0; i < ids.size(); i++) {
          if ((float) vectors.get(i)[j] != 0f) {
            out.writeFloat((float) vectors.get(i)[j]);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] input = raw.toByteArray();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream packed = new ByteArrayOutputStream(input.length / 2 + 16);
      packed.write(FORMAT);
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        packed.write(buffer, 0, n);
      }
      return packed.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The ids and vectors {@link #encode} wrote; {@code where} names the row in an error. */
  static Decoded decode(byte[] bytes, String where) {
    if (bytes == null || bytes.length < 1 || bytes[0] != FORMAT) {
      throw new VaultException("the candidates logged with " + where + " have an unknown format "
          + (bytes == null || bytes.length == 0 ? "(empty)" : bytes[0]) + ", expected " + FORMAT);
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes, 1, bytes.length - 1);
      ByteArrayOutputStream raw = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new VaultException("the candidates logged with " + where + " are truncated");
        }
        raw.write(buffer, 0, n);
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw.toByteArray()))) {
        int count = in.readInt();
        int dimension = in.readUnsignedShort();
        List<String> ids = new ArrayList<>(count);
        List<double[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          ids.add(in.readUTF());
          vectors.add(new double[dimension]);
        }
        byte[] mask = new byte[(count + 7) / 8];
        for (int j = 0; j < dimension; j++) {
          in.readFully(mask);
          for (int i = 0; i < count; i++) {
            if ((mask[i / 8] & (1 << (i % 8))) != 0) {
              vectors.get(i)[j] = in.readFloat();
            }
          }
        }
        return new Decoded(ids, vectors);
      }
    } catch (DataFormatException | IOException e) {
      throw new VaultException("the candidates logged with " + where + " cannot be read back: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  record Decoded(List<String> ids, List<double[]> vectors) {}
}
