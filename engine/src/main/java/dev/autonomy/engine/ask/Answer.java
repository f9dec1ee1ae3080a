package dev.autonomy.engine.ask;

import dev.autonomy.core.Requires;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.text.intent.Intent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ask} made of a sentence: the desire and context the on-device reader understood, the
 * situation recommended in (what was read, overridden by what the person stated), and the list.
 *
 * @param text the sentence, stripped
 * @param intent the desire, confidence, context and language read from it
 * @param reader which model read the desire: {@link #BUILT_IN} or the name of the person's own
 * @param situation the moment and context the list was ranked in
 * @param ranking the recommendations, all serving the understood desire
 */
public record Answer(String text, Intent intent, String reader, Situation situation, Ranking ranking) {
  /** The reader of an answer read by the built-in intent model. */
  public static final String BUILT_IN = "built-in";

  public Answer {
    Requires.nonBlank(text, "text");
    Requires.nonNull(intent, "intent");
    Requires.nonBlank(reader, "reader");
    Requires.nonNull(situation, "situation");
    Requires.nonNull(ranking, "ranking");
  }

  /** The shape the CLI's {@code ask --json} and the local API's {@code /ask} print. */
  public Map<String, Object> view() {
    Map<String, Object> understood = new LinkedHashMap<>();
    understood.put("desire", intent.desire().code());
    understood.put("confidence", intent.confidence());
    understood.put("context", intent.context());
    understood.put("language", intent.language());
    understood.put("model", reader);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("text", text);
    out.put("understood", understood);
    out.put("context", situation.stated());
    out.put("recommendations", ranking.recommendations());
    return out;
  }
}
