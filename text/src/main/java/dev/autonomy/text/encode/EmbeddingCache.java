package dev.autonomy.text.encode;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;

/**
 * Embeddings of a list of texts, kept per (encoder, hash of the texts): in memory always, and on
 * disk when a folder is given, so training many epochs or rerunning a benchmark encodes each
 * corpus once. The disk file is {@code <dir>/<encoder>-<sha256 prefix>.emb}: count, dimension,
 * then the floats.
 */
public final class EmbeddingCache {
  private static final int CHUNK = 256;
  private final Path dir;
  private final Map<String, float[][]> memory = new ConcurrentHashMap<>();
  /**
   * Every sentence's vector encoded through this cache, by encoder and text, so a list that
   * overlaps one encoded before (the whole training set after the subsample that chose the
   * encoder) encodes only what is new. An encoder gives a sentence the same vector whatever list it
   * comes in, since each sentence is run through the model alone.
   */
  private final Map<String, float[]> sentences = new ConcurrentHashMap<>();

  /** A cache in memory only. */
  public EmbeddingCache() {
    this(null);
  }

  /** A cache in memory and, when {@code dir} is not null, on disk under {@code dir}. */
  public EmbeddingCache(Path dir) {
    this.dir = dir;
  }

  /** The vectors of {@code texts} by {@code encoder}, in order. */
  public float[][] embed(Encoder encoder, List<String> texts) {
    return embed(encoder, texts, done -> {});
  }

  /**
   * The vectors of {@code texts}; {@code progress} hears the number ready so far, chunk by chunk
   * (it is not called at all when the whole list is a cache hit; sentences already encoded in
   * another list count as ready from the start).
   */
  public float[][] embed(Encoder encoder, List<String> texts, IntConsumer progress) {
    String key = encoder.name() + "-" + hash(texts);
    float[][] hit = memory.get(key);
    if (hit != null) {
      return hit;
    }
    Path file = dir == null ? null : dir.resolve(key + ".emb");
    if (file != null && Files.isRegularFile(file)) {
      float[][] read = read(file, texts.size(), encoder.dimension());
      if (read != null) {
        memory.put(key, read);
        return read;
      }
    }
    float[][] out = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = sentences.get(sentenceKey(encoder, texts.get(i)));
      if (out[i] == null) {
        missing.add(i);
      }
    }
    int known = out.length - missing.size();
    for (int from = 0; from < missing.size(); from += CHUNK) {
      int to = Math.min(missing.size(), from + CHUNK);
      List<Integer> idx = missing.subList(from, to);
      List<float[]> part = encoder.embedAll(idx.stream().map(texts::get).toList());
      for (int i = 0; i < part.size(); i++) {
        out[idx.get(i)] = part.get(i);
        sentences.put(sentenceKey(encoder, texts.get(idx.get(i))), part.get(i));
      }
      progress.accept(known + to);
    }
    if (missing.isEmpty()) {
      progress.accept(out.length);
    }
    if (file != null) {
      write(file, out, encoder.dimension());
    }
    memory.put(key, out);
    return out;
  }

  private static String sentenceKey(Encoder encoder, String text) {
    return encoder.name() + '\n' + text;
  }

  /** SHA-256 of the texts (length-prefixed, UTF-8), first 16 hex digits. */
  static String hash(List<String> texts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String t : texts) {
        byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static float[][] read(Path file, int count, int dimension) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int n = in.readInt();
      int d = in.readInt();
      if (n != count || d != dimension) {
        return null;
      }
      float[][] out = new float[n][d];
      for (float[] row : out) {
        for (int j = 0; j < d; j++) {
          row[j] = in.readFloat();
        }
      }
      return out;
    } catch (IOException e) {
      return null; // a damaged cache file is re-encoded and overwritten
    }
  }

  private static void write(Path file, float[][] rows, int dimension) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeInt(rows.length);
        out.writeInt(dimension);
        for (float[] row : rows) {
          for (float v : row) {
            out.writeFloat(v);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write embedding cache " + file, e);
    }
  }
}
