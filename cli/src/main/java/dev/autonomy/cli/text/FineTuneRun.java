package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.text.classify.Evaluation;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.tune.BaseModel;
import dev.autonomy.tune.FineTuner;
import dev.autonomy.tune.TuneResult;
import dev.autonomy.tune.TuneSettings;
import dev.autonomy.tune.TunedModels;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code text train --fine-tune}: fine-tunes, shows a progress bar per epoch with the loss, the dev
 * classification report after each epoch (per-class precision, recall, F1 and support, as the
 * founding design prints with scikit-learn's {@code classification_report}), and the held-out
 * report at the end, then saves the model. With {@code --json} the dev reports come back too, one
 * per epoch.
 */
final class FineTuneRun {
  private final CommandSpec spec;
  private final ModelStore store;
  private final String name;
  private final boolean json;

  FineTuneRun(CommandSpec spec, ModelStore store, String name, boolean json) {
    this.spec = spec;
    this.store = store;
    this.name = name;
    this.json = json;
  }

  int run(Dataset data, BaseModel base, TuneSettings settings) {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    err.printf(Locale.ROOT, "fine-tuning %s (%s) on %s: %s%n", base.name(), settings.method().code(),
        data.source(), settings.toMap());
    err.flush();
    ProgressBar[] bar = {null};
    List<Map<String, Object>> devByEpoch = new ArrayList<>();
    FineTuner tuner = FineTuner.from(base, settings, InstantSource.system(), new FineTuner.Listener() {
      @Override
      public void step(int epoch, int done, int total, double meanLoss) {
        if (bar[0] == null) {
          bar[0] = new ProgressBar(err, String.format(Locale.ROOT, "epoch %d/%d", epoch, settings.epochs()), total);
        }
        bar[0].update(done, String.format(Locale.ROOT, "loss %.4f", meanLoss));
      }

      @Override
      public void epoch(int epoch, double meanLoss, Evaluation dev, Duration took) {
        if (bar[0] != null) {
          bar[0].done(String.format(Locale.ROOT, "loss %.4f, dev macro-F1 %.4f, %ds", meanLoss, dev.macroF1(), took.toSeconds()));
          bar[0] = null;
        }
        err.print(devReport(epoch, settings.epochs(), dev));
        err.flush();
        devByEpoch.add(devEntry(epoch, meanLoss, took, dev));
      }
    });
    try (TuneResult r = tuner.train(data)) {
      TextModel saved = TunedModels.save(store, name, r);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", name);
        m.put("file", store.path(name).toString());
        m.put("encoder", saved.encoder());
        m.put("base", r.base());
        m.put("base_sha256", r.baseSha256());
        m.put("settings", settings.toMap());
        m.put("labels", r.labels());
        m.put("train_examples", r.trainExamples());
        m.put("trained_weights", r.trainedWeights());
        m.put("encoder_weights", r.encoderWeights());
        m.put("epochs", r.epochs());
        m.put("best_epoch", r.bestEpoch());
        m.put("epoch_seconds", r.epochSeconds());
        m.put("data_hash", r.dataHash());
        m.put("dev_by_epoch", devByEpoch);
        m.put("evaluated_on", r.heldOutName());
        m.putAll(r.heldOut().toMap());
        if (!r.rejectLabel().isEmpty()) {
          m.put("oos_threshold", r.rejectBelow());
          m.put("without_threshold", withoutThreshold(r.heldOutWithoutReject()));
        }
        Session.json(spec, m);
      } else {
        o.printf(Locale.ROOT, "fine-tuned '%s': %s from %s (SHA-256 %s...), %d labels, %d training examples, %,d"
                + " weights trained, the head's included (the encoder has %,d), %d epochs (kept %d)%n", name, settings.method().code(), r.base(),
            r.baseSha256().substring(0, 12), r.labels().size(), r.trainExamples(), r.trainedWeights(), r.encoderWeights(),
            r.epochs(), r.bestEpoch());
        o.print(TextEvalCommand.summary(r.heldOutName(), r.heldOut()));
        if (!r.rejectLabel().isEmpty()) {
          o.printf(Locale.ROOT, "oos threshold: top probability below %.2f -> '%s' (tuned on %s); without it: %s",
              r.rejectBelow(), r.rejectLabel(), r.heldOutName().equals("val") ? "val" : "dev", TextEvalCommand.summary(r.heldOutName(), r.heldOutWithoutReject()));
        }
        o.println();
        o.printf(Locale.ROOT, "%s report (epoch %d kept):%n", r.heldOutName(), r.bestEpoch());
        o.print(r.heldOut().report().toText());
        o.println("saved " + store.path(name));
      }
      o.flush();
    }
    return 0;
  }

  /** The held-out figures with no rejection threshold, for comparison. */
  private static Map<String, Object> withoutThreshold(Evaluation e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accuracy", e.accuracy());
    m.put("macro_f1", e.macroF1());
    m.put("in_scope_accuracy", e.inScopeAccuracy());
    m.put("oos_recall", e.oosRecall());
    return m;
  }

  /** The dev classification report printed after an epoch, under a line naming the epoch. */
  static String devReport(int epoch, int epochs, Evaluation dev) {
    return String.format(Locale.ROOT, "epoch %d/%d dev report (%d examples):%n", epoch, epochs, dev.report().total())
        + dev.report().toText();
  }

  /** One epoch's entry of {@code dev_by_epoch} in the JSON: its loss, time and dev report. */
  static Map<String, Object> devEntry(int epoch, double meanLoss, Duration took, Evaluation dev) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("train_loss", meanLoss);
    m.put("seconds", took.toMillis() / 1000.0);
    m.putAll(dev.report().toMap());
    return m;
  }
}
