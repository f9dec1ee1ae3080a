package dev.autonomy.text.classify;

import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.encode.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier for English and Chinese trained at first use from a small built-in labelled set:
 * one logistic head per language on that language's encoder (MiniLM for English, bge-small-zh for
 * Chinese). The language of each text is detected ({@link Language#detect}) and picks the head.
 *
 * <p>The set is a resource of lines {@code label<TAB>en|zh<TAB>text} ('#' starts a comment).
 * Training is seeded, so the same set gives the same model every time.
 */
public final class BilingualClassifier {
  private static final long SEED = 20240601L;

  private final Encoders encoders;
  private final String source;
  private final Map<Language, List<Example>> examples;
  private final Map<Language, TextModel> models = new EnumMap<>(Language.class);

  private BilingualClassifier(Encoders encoders, String source, Map<Language, List<Example>> examples) {
    this.encoders = encoders;
    this.source = source;
    this.examples = examples;
  }

  /** A classifier over the built-in set at {@code resource} (relative to {@code anchor}). */
  public static BilingualClassifier fromResource(Encoders encoders, Class<?> anchor, String resource) {
    Map<Language, List<Example>> examples = new EnumMap<>(Language.class);
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in set " + resource + " is missing from the jar");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 3) {
          throw new IllegalStateException(resource + ":" + (i + 1) + ": expected label<TAB>lang<TAB>text");
        }
        Language lang = Language.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
        examples.computeIfAbsent(lang, l -> new ArrayList<>()).add(new Example(f[2], f[0]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BilingualClassifier(encoders, anchor.getPackageName().replace('.', '/') + "/" + resource, examples);
  }

  /** The label, probability and alternatives for {@code text}, and the language that chose the head. */
  public record Result(Prediction prediction, Language language) {}

  public Result classify(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is empty; nothing to classify");
    }
    Language language = Language.detect(text);
    if (!examples.containsKey(language)) {
      language = examples.keySet().iterator().next();
    }
    TextModel model = model(language);
    return new Result(model.predict(encoder(language).embed(text), text), language);
  }

  /** The model of one language, trained on first use. */
  public synchronized TextModel model(Language language) {
    TextModel model = models.get(language);
    if (model == null) {
      model = train(language);
      models.put(language, model);
    }
    return model;
  }

  private Encoder encoder(Language language) {
    return encoders.forLanguage(language);
  }

  private TextModel train(Language language) {
    List<Example> set = examples.get(language);
    Encoder encoder = encoder(language);
    List<String> labels = Dataset.labels(set);
    float[][] x = new float[set.size()][];
    List<float[]> vectors = encoder.embedAll(set.stream().map(Example::text).toList());
    for (int i = 0; i < x.length; i++) {
      x[i] = vectors.get(i);
    }
    int[] y = set.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    HeadSettings settings = new HeadSettings("logreg", 0, 1e-2, 1e-2, 40, 40, 16, true);
    HeadFit fit = new HeadTrainer(settings, SEED).fit(x, y, labels.size(), new float[0][], new int[0]);
    Dataset data = new Dataset(source + "#" + language.name().toLowerCase(java.util.Locale.ROOT), Format.CSV, Map.of(Dataset.ALL, set));
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("train_macro_f1", fit.bestDevMacroF1());
    ModelInfo info =
        new ModelInfo(data.source(), "built-in", data.hash(), set.size(), settings, SEED, Instant.EPOCH,
            fit.epochs(), fit.bestEpoch(), scores);
    return new TextModel(encoder.name(), labels, fit.head(), "", 0, info);
  }
}
