package dev.autonomy.tune;

import dev.autonomy.core.InvalidInputException;
import java.util.Locale;

/**
 * How an encoder's token vectors become one sentence vector (then L2-normalised): the mean over
 * the real tokens, as sentence-transformers' all-MiniLM was trained, or the first token's vector
 * ([CLS]), as the BGE models were.
 */
public enum Pooling {
  MEAN,
  CLS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Pooling fromCode(String code) {
    for (Pooling p : values()) {
      if (p.code().equals(code)) {
        return p;
      }
    }
    throw new InvalidInputException("unknown pooling '" + code + "'; expected mean or cls");
  }
}
