package dev.autonomy.text.intent;

import dev.autonomy.core.desire.DesireType;
import dev.autonomy.text.classify.BilingualClassifier;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.encode.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads free text in English or Chinese ("I want to go for a run", "想找个安静的地方看书") as a
 * {@link DesireType} with a confidence, plus the context it states.
 *
 * <p>The desire comes from a logistic head on the transformer encoder, trained at first use from
 * the built-in set {@code intent/examples.tsv} (about 24 sentences per desire per language, written
 * for Autonomy). The context comes from the cue list {@code intent/context.tsv}: a key=value is
 * stated when one of its cues appears (English cues as whole words, Chinese as substrings). When
 * cues for two values of a key appear, the first listed wins.
 *
 * <pre>{@code
 * try (Encoders encoders = Encoders.open()) {
 *   Intent intent = new IntentReader(encoders).read("想找个安静的地方看书");
 *   // REST, quiet=true, activity=reading, language zh
 * }
 * }</pre>
 */
public final class IntentReader {
  private record Cue(String key, String value, Pattern pattern) {}

  private final BilingualClassifier classifier;
  private final List<Cue> cues;

  /** A reader over the built-in examples; the encoders pool is the caller's to close. */
  public IntentReader(Encoders encoders) {
    this.classifier = BilingualClassifier.fromResource(encoders, IntentReader.class, "examples.tsv");
    this.cues = loadCues();
  }

  /** The desire and context of {@code text}; blank text is an {@link IllegalArgumentException}. */
  public Intent read(String text) {
    BilingualClassifier.Result result = classifier.classify(text);
    DesireType desire = DesireType.fromCode(result.prediction().label());
    return new Intent(
        desire, result.prediction().probability(), context(text),
        result.language().name().toLowerCase(Locale.ROOT));
  }

  /** The stated context of a text, by the cue list alone. */
  public Map<String, String> context(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Cue cue : cues) {
      if (!out.containsKey(cue.key()) && cue.pattern().matcher(text).find()) {
        out.put(cue.key(), cue.value());
      }
    }
    return out;
  }

  /** The trained head of one language (its provenance names the built-in set). */
  public TextModel model(Language language) {
    return classifier.model(language);
  }

  private static List<Cue> loadCues() {
    List<Cue> out = new ArrayList<>();
    try (InputStream in = IntentReader.class.getResourceAsStream("context.tsv")) {
      if (in == null) {
        throw new IllegalStateException("built-in context.tsv is missing from the jar");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        List<String> alternatives = new ArrayList<>();
        for (String word : f[2].split(",")) {
          word = word.strip();
          if (word.isEmpty()) {
            continue;
          }
          boolean latin = word.chars().allMatch(c -> c < 0x3000);
          alternatives.add(latin ? "(?<![\\p{L}'])" + Pattern.quote(word) + "(?![\\p{L}])" : Pattern.quote(word));
        }
        out.add(new Cue(f[0], f[1], Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
