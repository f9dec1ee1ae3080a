package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.Evaluation;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.RejectThreshold;
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

  @Option(names = "--reject-sweep",
      description = "For a model with an out-of-scope label (oos): also show, for rejection thresholds 0 to 0.95, the"
          + " accuracy, in-scope accuracy and oos recall on this split (what each threshold buys and costs).")
  boolean rejectSweep;

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
    if (rejectSweep && !m.labels().contains(Evaluation.OOS)) {
      throw new InvalidInputException(
          "--reject-sweep: model '" + model + "' has no '" + Evaluation.OOS + "' label to reject to");
    }
    Evaluation e;
    RejectThreshold sweep = null;
    // A fine-tuned model brings its own encoder (null otherwise: try-with-resources skips it).
    try (Encoders encoders = Encoders.open();
        Encoder tuned = TunedModels.isTuned(m) ? TunedModels.open(store, m) : null) {
      Encoder encoder = tuned != null ? tuned : encoders.get(m.encoder());
      float[][] x = new EmbeddingCache().embed(encoder, examples.stream().map(Example::text).toList());
      e = Evaluation.of(m, x, examples);
      if (rejectSweep) {
        double[][] p = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
          p[i] = m.head().probabilities(x[i], examples.get(i).text());
        }
        sweep = new RejectThreshold(p, m.labels(), examples.stream().map(Example::label).toList(), Evaluation.OOS);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("model", model);
      out.put("data", data.toString());
      out.put("split", part);
      out.put("examples", examples.size());
      out.putAll(e.toMap());
      if (sweep != null) {
        out.put("model_threshold", m.rejectBelow());
        out.put("reject_sweep", sweep.sweep().stream().map(TextEvalCommand::point).toList());
      }
      Session.json(spec, out);
    } else {
      o.printf("model '%s' (%s, %s head) on %s, split %s: %d examples%n", model, m.encoder(), m.head().kind(), data, part, examples.size());
      o.print(summary(part, e));
      o.println();
      o.print(e.report().toText());
      if (sweep != null) {
        o.println();
        o.print(sweepTable(sweep, m.rejectBelow()));
      }
    }
    o.flush();
    return 0;
  }

  private static Map<String, Object> point(RejectThreshold.Point p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("threshold", p.threshold());
    m.put("accuracy", p.accuracy());
    m.put("in_scope_accuracy", Double.isNaN(p.inScopeAccuracy()) ? null : p.inScopeAccuracy());
    m.put("oos_recall", Double.isNaN(p.oosRecall()) ? null : p.oosRecall());
    return m;
  }

  /** Every fifth threshold, the model's own and the best one on this split. */
  static String sweepTable(RejectThreshold sweep, double modelThreshold) {
    double best = sweep.best();
    StringBuilder b = new StringBuilder("reject below | accuracy | in-scope accuracy | oos recall\n");
    for (RejectThreshold.Point p : sweep.sweep()) {
      long hundredths = Math.round(p.threshold() * 100);
      boolean own = hundredths == Math.round(modelThreshold * 100);
      boolean isBest = hundredths == Math.round(best * 100);
      if (hundredths % 5 == 0 || own || isBest) {
        b.append(String.format(Locale.ROOT, "%12.2f | %8.4f | %17.4f | %10.4f%s%n", p.threshold(), p.accuracy(),
            p.inScopeAccuracy(), p.oosRecall(),
            (own ? "  (the model's)" : "") + (isBest ? "  (best accuracy here)" : "")));
      }
    }
    return b.toString();
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
