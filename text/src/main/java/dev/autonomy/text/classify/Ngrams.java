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
 * Features are the word n-grams for n = 1..{@code maxN} and, when {@code charMax > 0}, the
 * character n-grams of length 3..{@code charMax} of each token framed by spaces, each hashed into
 * {@code dims} buckets. Words and characters are normalised as two blocks, each to length
 * 1/sqrt(2), so the whole vector has length 1.
 *
 * @param dims hash buckets (a power of two from 2^8 to 2^20)
 * @param maxN longest word n-gram (1..3)
 * @param charMax longest character n-gram (0 for none, else 3..6)
 */
record Ngrams(int dims, int maxN, int charMax) {
  /** Default: 2^15 buckets, word unigrams and bigrams. */
  public static final Ngrams DEFAULT = new Ngrams(1 << 15, 2, 0);

  /** Default with characters: 2^16 buckets, word unigrams and bigrams, character 3- to 5-grams. */
  public static final Ngrams WITH_CHARS = new Ngrams(1 << 16, 2, 5);

  public Ngrams {
    if (dims < 256 || dims > (1 << 20) || Integer.bitCount(dims) != 1) {
      throw new IllegalArgumentException("ngrams dims must be a power of two in [256, 2^20], was " + dims);
    }
    Requires.positive(maxN, "maxN");
    if (maxN > 3) {
      throw new IllegalArgumentException("ngrams maxN must be in 1..3, was " + maxN);
    }
    if (charMax != 0 && (charMax < 3 || charMax > 6)) {
      throw new IllegalArgumentException("ngrams charMax must be 0 or in 3..6, was " + charMax);
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
    int[] words = distinct(Arrays.copyOf(idx, k));
    if (charMax == 0) {
      float[] values = new float[words.length];
      Arrays.fill(values, (float) (1 / Math.sqrt(Math.max(1, words.length))));
      return new SparseVector(words, values);
    }
    List<Integer> grams = new ArrayList<>();
    for (String t : tokens) {
      String framed = " " + t + " ";
      for (int m = 3; m <= charMax; m++) {
        for (int i = 0; i + m <= framed.length(); i++) {
          grams.add(bucket("c\u0001" + framed.substring(i, i + m)));
        }
      }
    }
    int[] chars = distinct(grams.stream().mapToInt(Integer::intValue).toArray());
    return merge(words, chars);
  }

  private static int[] distinct(int[] a) {
    Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || a[i] != a[i - 1]) {
        a[n++] = a[i];
      }
    }
    return Arrays.copyOf(a, n);
  }

  /** Two blocks, each normalised to length 1/sqrt(2); a shared bucket adds up. */
  private static SparseVector merge(int[] a, int[] b) {
    double va = a.length == 0 ? 0 : Math.sqrt(0.5 / a.length);
    double vb = b.length == 0 ? 0 : Math.sqrt(0.5 / b.length);
    int[] idx = new int[a.length + b.length];
    float[] val = new float[idx.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        idx[n] = a[i++];
        val[n++] = (float) va;
      } else if (i >= a.length || b[j] < a[i]) {
        idx[n] = b[j++];
        val[n++] = (float) vb;
      } else {
        idx[n] = a[i++];
        j++;
        val[n++] = (float) (va + vb);
      }
    }
    return new SparseVector(Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
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
    m.put("char_max", charMax);
    return m;
  }
}
