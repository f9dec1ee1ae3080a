package dev.autonomy.text.classify;

import dev.autonomy.core.Requires;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lexical feature block that sits next to the embedding: hashed word n-grams of a text,
 * binary and L2-normalised. Deterministic (FNV-1a hashing, no state), so the same text gives the
 * same vector at train, eval and classify time; the spec is saved with the model.
 *
 * <p>Tokens are lower-cased runs of letters and digits ("6.2" and "16,8" stay one token); a CJK
 * ideograph is a token of its own. Each token with a digit also adds the token {@code <num>}.
 * Features are the word n-grams for n = 1..{@code maxN}, each hashed into {@code dims} buckets.
 *
 * @param dims hash buckets (a power of two from 2^8 to 2^20)
 * @param maxN longest word n-gram (1..3)
 */
public record Ngrams(int dims, int maxN) {
  /** Default: 2^15 buckets, unigrams and bigrams. */
  public static final Ngrams DEFAULT = new Ngrams(1 << 15, 2);

  public Ngrams {
    if (dims < 256 || dims > (1 << 20) || Integer.bitCount(dims) != 1) {
      throw new IllegalArgumentException("ngrams dims must be a power of two in [256, 2^20], was " + dims);
    }
    Requires.positive(maxN, "maxN");
    if (maxN > 3) {
      throw new IllegalArgumentException("ngrams maxN must be in 1..3, was " + maxN);
    }
  }

  /** The text's tokens (lower-cased). */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    String s = text.toLowerCase(Locale.ROOT);
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isIdeograph(cp)) {
        out.add(new String(Character.toChars(cp)));
        i += Character.charCount(cp);
      } else if (Character.isLetterOrDigit(cp)) {
        int start = i;
        while (i < n) {
          int c = s.codePointAt(i);
          if (Character.isLetterOrDigit(c) && !isIdeograph(c)) {
            i += Character.charCount(c);
          } else if ((c == '.' || c == ',') && i + 1 < n && Character.isDigit(s.charAt(i + 1))
              && Character.isDigit(s.charAt(i - 1))) {
            i++;
          } else {
            break;
          }
        }
        out.add(s.substring(start, i));
      } else {
        i += Character.charCount(cp);
      }
    }
    return out;
  }

  private static boolean isIdeograph(int cp) {
    return Character.isIdeographic(cp);
  }

  /** The feature vector of {@code text}: binary hashed n-grams, L2-normalised (empty for no tokens). */
  SparseVector features(String text) {
    List<String> tokens = tokens(text == null ? "" : text);
    int[] idx = new int[tokens.size() * (maxN + 1)];
    int k = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      idx[k++] = bucket("1\u0001" + t);
      if (t.chars().anyMatch(Character::isDigit)) {
        idx[k++] = bucket("1\u0001<num>");
      }
      StringBuilder gram = new StringBuilder(t);
      for (int m = 2; m <= maxN && i + m <= tokens.size(); m++) {
        gram.append('\u0002').append(tokens.get(i + m - 1));
        idx[k++] = bucket(m + "\u0001" + gram);
      }
    }
    int[] sorted = Arrays.copyOf(idx, k);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    int[] indices = Arrays.copyOf(sorted, distinct);
    float[] values = new float[distinct];
    Arrays.fill(values, (float) (1 / Math.sqrt(Math.max(1, distinct))));
    return new SparseVector(indices, values);
  }

  private int bucket(String feature) {
    int h = 0x811c9dc5;
    for (int i = 0; i < feature.length(); i++) {
      char c = feature.charAt(i);
      h = (h ^ (c & 0xff)) * 0x01000193;
      h = (h ^ (c >>> 8)) * 0x01000193;
    }
    return h & (dims - 1);
  }

  /** As saved with a model. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "word-ngrams");
    m.put("dims", dims);
    m.put("max_n", maxN);
    return m;
  }
}
