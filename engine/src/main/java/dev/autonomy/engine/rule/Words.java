package dev.autonomy.engine.rule;

import dev.autonomy.core.option.Option;
import java.util.Locale;

/** Whether an option is about a word the person used, with light English stemming. */
public final class Words {
  private Words() {}

  /** True when {@code word} names the option's activity, id, a tag or a word of its name. */
  public static boolean mentions(Option o, String word) {
    String stem = stem(word);
    if (stem(o.activity()).equals(stem) || o.id().contains(stem)) {
      return true;
    }
    for (String tag : o.tags()) {
      if (stem(tag).equals(stem)) {
        return true;
      }
    }
    for (String w : o.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && stem(w).equals(stem)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Crude English stemming so that "swim" matches "swimming" and "swims", "cycle" matches
   * "cycling", "run" matches "running": drops -ing, -es, -s, then one of a doubled final consonant,
   * then a final e.
   */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT).strip();
    if (w.length() > 4 && w.endsWith("ing")) {
      w = w.substring(0, w.length() - 3);
    } else if (w.length() > 4 && w.endsWith("es")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1);
    }
    int n = w.length();
    if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
      w = w.substring(0, n - 1);
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }
}
