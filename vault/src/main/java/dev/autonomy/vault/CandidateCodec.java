package dev.autonomy.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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
  static final int FORMAT_AGAINST_KEY = 2;

  private CandidateCodec() {}

  static byte[] encode(List<String> ids, List<double[]> vectors) {
    return encode(ids, vectors, null);
  }

  /**
   * Encodes with {@code dictionary} (another list's {@link #raw} bytes) as deflate's preset
   * dictionary when it is not null ({@value #FORMAT_AGAINST_KEY}): lists shown to one person share
   * most option ids and values, so a list then costs what changed since that key list.
   */
  static byte[] encode(List<String> ids, List<double[]> vectors, byte[] dictionary) {
    return Deflated.pack(dictionary == null ? FORMAT : FORMAT_AGAINST_KEY, raw(ids, vectors), dictionary);
  }


  /** The bytes that are deflated: count, dimension, ids, then feature by feature a mask and the non-zero values. */
  private static byte[] raw(List<String> ids, List<double[]> vectors) {
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
    return raw.toByteArray();
  }

  /** The ids and vectors {@link #encode} wrote without a dictionary; {@code where} names the row in an error. */
  static Decoded decode(byte[] bytes, String where) {
    return decode(bytes, null, where);
  }

  /** Whether {@code bytes} were encoded against a key list's, whose {@link #inflate} bytes decoding then needs. */
  static boolean needsKey(byte[] bytes) {
    return bytes != null && bytes.length > 0 && bytes[0] == FORMAT_AGAINST_KEY;
  }

  /** The ids and vectors {@link #encode} wrote, given the dictionary it used (null for none). */
  static Decoded decode(byte[] bytes, byte[] dictionary, String where) {
    byte[] raw = inflate(bytes, dictionary, where);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
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
    } catch (IOException e) {
      throw new VaultException("the candidates logged with " + where + " cannot be read back: " + e.getMessage(), e);
    }
  }

  /** The bytes {@link #encode} deflated, given its dictionary (null for none); the dictionary of lists encoded against this one. */
  static byte[] inflate(byte[] bytes, byte[] dictionary, String where) {
    if (bytes == null || bytes.length < 1 || (bytes[0] != FORMAT && bytes[0] != FORMAT_AGAINST_KEY)) {
      throw new VaultException("the candidates logged with " + where + " have an unknown format "
          + (bytes == null || bytes.length == 0 ? "(empty)" : bytes[0]) + ", expected " + FORMAT + " or " + FORMAT_AGAINST_KEY);
    }
    return Deflated.unpack(bytes, dictionary, "the candidates logged with " + where);
  }


  record Decoded(List<String> ids, List<double[]> vectors) {}

  /**
   * A probability distribution over a list's candidates, sparse: the count, then (index, float32)
   * for each candidate with a non-zero probability. A sure choice takes 10 bytes whatever the count.
   */
  static byte[] encodeProbabilities(double[] p) {
    if (p.length > 0xFFFF) {
      throw new IllegalArgumentException("at most 65,535 candidates per list, were " + p.length);
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(p.length);
      for (int i = 0; i < p.length; i++) {
        if (!(p[i] >= 0 && p[i] <= 1)) {
          throw new IllegalArgumentException("probability[" + i + "] must be in [0, 1], was " + p[i]);
        }
        if ((float) p[i] != 0f) {
          out.writeShort(i);
          out.writeFloat((float) p[i]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return raw.toByteArray();
  }

  /** The distribution {@link #encodeProbabilities} wrote; {@code where} names the row in an error. */
  static double[] decodeProbabilities(byte[] bytes, String where) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int count = in.readInt();
      if (count < 0 || count > 1_000_000) {
        throw new VaultException("the probabilities logged with " + where + " claim " + count + " candidates");
      }
      double[] p = new double[count];
      while (in.available() > 0) {
        int i = in.readUnsignedShort();
        if (i >= count) {
          throw new VaultException("the probabilities logged with " + where + " name candidate " + i + " of " + count);
        }
        p[i] = in.readFloat();
      }
      return p;
    } catch (IOException e) {
      throw new VaultException("the probabilities logged with " + where + " cannot be read back: " + e.getMessage(), e);
    }
  }
}
