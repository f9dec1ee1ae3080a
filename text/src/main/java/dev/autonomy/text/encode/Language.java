package dev.autonomy.text.encode;

/** The languages the built-in encoders cover, detected from the share of CJK characters. */
public enum Language {
  EN,
  ZH;

  /** A text is Chinese when at least this share of its letters are CJK ideographs. */
  public static final double CJK_SHARE = 0.3;

  /** Detects the language of one text: ZH when CJK ideographs are >= 30% of its letters. */
  public static Language detect(String text) {
    return cjkShare(text) >= CJK_SHARE ? ZH : EN;
  }

  /** Detects the language of a corpus from its pooled letters. */
  static Language detectAll(Iterable<String> texts) {
    long cjk = 0;
    long letters = 0;
    for (String text : texts) {
      long[] counts = count(text);
      cjk += counts[0];
      letters += counts[1];
    }
    return letters > 0 && (double) cjk / letters >= CJK_SHARE ? ZH : EN;
  }

  /** Share of the letters in {@code text} that are CJK ideographs (0 when it has no letters). */
  static double cjkShare(String text) {
    long[] counts = count(text);
    return counts[1] == 0 ? 0.0 : (double) counts[0] / counts[1];
  }

  private static long[] count(String text) {
    long cjk = 0;
    long letters = 0;
    int limit = Math.min(text.length(), Encoder.MAX_CHARS);
    for (int i = 0; i < limit; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
          cjk++;
        }
      }
    }
    return new long[] {cjk, letters};
  }
}
