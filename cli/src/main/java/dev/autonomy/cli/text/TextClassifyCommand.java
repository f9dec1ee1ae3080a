package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.tune.TunedModels;
import dev.autonomy.text.classify.Prediction;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code autonomy text classify}: label one text with a saved model. */
@Command(name = "classify", mixinStandardHelpOptions = true, description = "Label a text with a saved model.")
final class TextClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "A model saved by 'text train'.")
  String model;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (words are joined with spaces).")
  List<String> words;

  @Override
  public Integer call() throws Exception {
    String text = String.join(" ", words);
    if (text.isBlank()) {
      throw new InvalidInputException("TEXT is empty; nothing to classify");
    }
    ModelStore store = Session.textModels(spec);
    TextModel m = store.load(model);
    Prediction p;
    // A fine-tuned model brings its own encoder (null otherwise: try-with-resources skips it).
    try (Encoders encoders = Encoders.open();
        Encoder tuned = TunedModels.isTuned(m) ? TunedModels.open(store, m) : null) {
      p = m.classify(tuned != null ? tuned : encoders.get(m.encoder()), text);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("model", model);
      out.put("label", p.label());
      out.put("probability", p.probability());
      out.put("top", p.top());
      Session.json(spec, out);
    } else {
      o.printf(Locale.ROOT, "%s\t%.3f%n", p.label(), p.probability());
      for (Prediction.Scored s : p.top()) {
        o.printf(Locale.ROOT, "  %-24s %.3f%n", s.label(), s.probability());
      }
    }
    o.flush();
    return 0;
  }
}
