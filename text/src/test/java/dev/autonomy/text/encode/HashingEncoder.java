package dev.autonomy.text.encode;

import java.util.List;
import java.util.Locale;

/** A fast fake encoder for tests: hashed bag of words, L2-normalised. */
public class HashingEncoder implements Encoder {
  private final int dimension;

  public HashingEncoder(int dimension) {
    this.dimension = dimension;
  }

  @Override
  public String name() {
    return "hashing-" + dimension;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is empty");
    }
    float[] v = new float[dimension];
    for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!w.isEmpty()) {
        v[Math.floorMod(w.hashCode(), dimension)] += 1;
      }
    }
    double n = 0;
    for (float f : v) {
      n += f * f;
    }
    n = Math.sqrt(n);
    for (int i = 0; i < v.length && n > 0; i++) {
      v[i] /= n;
    }
    return v;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return texts.stream().map(this::embed).toList();
  }
}
