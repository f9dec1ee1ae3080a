package dev.autonomy.engine.situation;

import java.util.List;

/**
 * What became of one stated key in the desires: used (it moved them, and how) or not (and why:
 * it acts on the options shown instead, or the history cannot tell what it does to this person).
 *
 * @param key the stated key ("weather")
 * @param value the stated value ("rain")
 * @param used whether it changed any desire's intensity
 * @param why in plain words
 * @param effects what the person's history shows this value does to each desire (empty for keys
 *     the history does not record), used or not
 */
public record StatedUse(String key, String value, boolean used, String why, List<SituationEffect> effects) {
  public StatedUse {
    effects = List.copyOf(effects);
  }

  /** A key that changes no desire, for the reason given. */
  static StatedUse unused(String key, String value, String why) {
    return new StatedUse(key, value, false, why, List.of());
  }
}
