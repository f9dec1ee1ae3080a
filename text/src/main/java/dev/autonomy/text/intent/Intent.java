package dev.autonomy.text.intent;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.DesireType;
import java.util.Map;

/**
 * What a sentence asks for: a desire, how sure the reader is, and the context the person stated.
 *
 * @param desire the desire type read from the text
 * @param confidence the head's probability of that desire, in [0, 1]
 * @param context stated context, e.g. {@code place=indoor}, {@code quiet=true}, {@code time=evening}
 * @param language "en" or "zh", the language detected (which chose the encoder)
 */
public record Intent(DesireType desire, double confidence, Map<String, String> context, String language) {
  public Intent {
    Requires.nonNull(desire, "desire");
    Requires.unitInterval(confidence, "confidence");
    context = Map.copyOf(context);
    Requires.nonBlank(language, "language");
  }
}
