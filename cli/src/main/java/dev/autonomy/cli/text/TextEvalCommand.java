package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.Evaluation;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.tune.TunedModels;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autonomy text eval}: score a saved model on a labelled file. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Score a saved model on labelled texts: accuracy, macro-F1, per-class report, confusion matrix.")
final class TextEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "A model saved by 'text train'.")
  String model;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled texts.")
  Path data;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, jsonl, clinc150, phrasebank, crosswoz.")
  String format;

  @Option(names = "--split", paramLabel = "NAME",
      description = "For files with splits (CLINC150): train, val or test (default: test). Other files: all.")
  String split;

  @Option(names = "--json", description = "Print one JSON object (accuracy, macro_f1, report).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ModelStore store = Session.textModels(spec);
    TextModel m = store.load(model);
    Dataset dataset = Format.fromCode(format).read(data);
    String part = split != null ? split : dataset.hasOwnSplits() ? "test" : Dataset.ALL;
    List<Example> examples = dataset.split(part);
    if (examples.isEmpty()) {
      throw new InvalidInputException(data + ": split '" + part + "' is empty");
    }
    Evaluation e;
    // A fine-tuned model brings its own encoder (null otherwise: try-with-resources skips it).
    try (Encoders encoders = Encoders.open();
        Encoder tuned = TunedModels.isTuned(m) ? TunedModels.open(store, m) : null) {
      Encoder encoder = tuned != null ? tuned : encoders.get(m.encoder());
      float[][] x = new EmbeddingCache().embed(encoder, examples.stream().map(Example::text).toList());
      e = Evaluation.of(m, x, examples);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("model", model);
      out.put("data", data.toString());
      out.put("split", part);
      out.put("examples", examples.size());
      out.putAll(e.toMap());
      Session.json(spec, out);
    } else {
      o.printf("model '%s' (%s, %s head) on %s, split %s: %d examples%n", model, m.encoder(), m.head().kind(), data, part, examples.size());
      o.print(summary(part, e));
      o.println();
      o.print(e.report().toText());
    }
    o.flush();
    return 0;
  }

  static String summary(String part, Evaluation e) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: accuracy %.4f, macro-F1 %.4f", part, e.accuracy(), e.macroF1()));
    if (!Double.isNaN(e.inScopeAccuracy())) {
      b.append(String.format(Locale.ROOT, ", in-scope accuracy %.4f", e.inScopeAccuracy()));
    }
    if (!Double.isNaN(e.oosRecall())) {
      b.append(String.format(Locale.ROOT, ", oos recall %.4f", e.oosRecall()));
    }
    return b.append('\n').toString();
  }
}
