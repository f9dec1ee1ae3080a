package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.EncoderChoice;
import dev.autonomy.text.classify.HeadSettings;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.text.classify.TextTrainer;
import dev.autonomy.text.classify.TrainResult;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.tune.BaseModel;
import dev.autonomy.tune.Pooling;
import dev.autonomy.tune.TuneSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code autonomy text train}: fit a head on a labelled file and save the model in the vault. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a text classifier and save it as <home>/models/text/NAME.json (sealed when the vault is encrypted).",
      "A file without splits is split 80/10/10 (stratified, seeded) into train/dev/test; the head stops early on dev"
          + " and the report is on test. CLINC150 learns from train (its oos sentences are the class 'oos'),"
          + " selects on val, tunes an oos confidence threshold on val, and reports on val."
    })
final class TextTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled texts.")
  Path data;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "csv (text,label or TSV), jsonl ({text,label}), clinc150, phrasebank, crosswoz.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "NAME", description = "Model name to save under.")
  String out;

  @Option(names = "--head", defaultValue = "logreg", paramLabel = "HEAD", description = "logreg or mlp (default: ${DEFAULT-VALUE}).")
  String head;

  @Option(names = "--features", defaultValue = "embedding+ngrams", paramLabel = "FEATURES",
      description = "embedding, embedding+ngrams (also a linear block on the text's hashed word 1-2-grams; its step size and"
          + " class weighting chosen on dev) or embedding+ngrams+chars (also character 3-5-grams) (default: ${DEFAULT-VALUE}).")
  String features;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--encoder", defaultValue = "auto", paramLabel = "NAME",
      description = "auto (by the data's language: Chinese bge-small-zh-v15-q; English tries all-minilm-l6-v2-q and"
          + " bge-small-en-v15-q on a seeded, stratified sample of 2,000 train and 1,000 dev sentences, keeps the one whose"
          + " quick head has the better dev macro-F1, and trains with it alone), all-minilm-l6-v2-q (English, fastest),"
          + " bge-small-en-v15-q (English, twice the layers: better on tone and finance) or bge-small-zh-v15-q."
          + " With --fine-tune: the FP32 base to start from, all-minilm-l6-v2 (auto), bge-small-en-v15 or bge-small-zh-v15"
          + " (default: ${DEFAULT-VALUE}).")
  String encoder;

  @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: the head's, 60 logreg / 40 mlp).")
  Integer epochs;

  @Option(names = "--cache", paramLabel = "DIR", description = "Also keep embeddings on disk here, for fast retraining.")
  Path cache;

  @Option(names = "--fine-tune", paramLabel = "METHOD",
      description = "Fine-tune the transformer itself instead of training a head on frozen embeddings: full (every weight)"
          + " or lora (low-rank adapters on the attention's query and value projections). Starts from all-MiniLM-L6-v2"
          + " (FP32, English); minutes to hours on a CPU.")
  String fineTune;

  @Option(names = "--lr", paramLabel = "X", description = "Fine-tuning: peak learning rate (default: 2e-5 full, 1e-3 lora).")
  Double lr;

  @Option(names = "--batch", paramLabel = "B", description = "Fine-tuning: examples per step (default: 16).")
  Integer batch;

  @Option(names = "--max-len", paramLabel = "L", description = "Fine-tuning: tokens per text (default: 128).")
  Integer maxLen;

  @Option(names = "--dropout", paramLabel = "P", description = "Fine-tuning: share of activations zeroed while training, BERT's is 0.1 (default: 0, none).")
  Double dropout;

  @Option(names = "--pooling", paramLabel = "MODE",
      description = "Fine-tuning: how token vectors become the sentence vector, mean or cls (the first token's, as the BGE"
          + " models were trained) (default: mean).")
  String pooling;

  @Option(names = "--lora-rank", paramLabel = "R", description = "LoRA rank (default: 8).")
  Integer loraRank;

  @Option(names = "--lora-alpha", paramLabel = "A", description = "LoRA alpha; the update is (alpha/rank) x A B (default: 16).")
  Double loraAlpha;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ModelStore store = Session.textModels(spec);
    store.path(out); // check the name before any work
    Format fmt = Format.fromCode(format);
    if (fineTune != null) {
      return new FineTuneRun(spec, store, out, json).run(fmt.read(data), fineTuneBase(), tuneSettings());
    }
    HeadSettings settings = HeadSettings.forKind(head).withFeatures(features);
    if (epochs != null) {
      if (epochs < 1) {
        throw new InvalidInputException("--epochs must be >= 1, was " + epochs);
      }
      settings = settings.withMaxEpochs(epochs);
    }
    Dataset dataset = fmt.read(data);
    PrintWriter err = spec.commandLine().getErr();
    try (Encoders encoders = Encoders.open()) {
      List<String> sample = dataset.split(Dataset.ALL).stream().limit(2000).map(Example::text).toList();
      List<Encoder> candidates = encoders.candidates(encoder, sample);
      TextTrainer trainer =
          new TextTrainer(settings, seed, new EmbeddingCache(cache), InstantSource.system(), new TrainProgress(err));
      TrainResult result = trainer.train(dataset, candidates);
      String enc = result.model().encoder();
      Path file = store.save(out, result.model());
      PrintWriter o = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", out);
        m.put("file", file.toString());
        m.put("encoder", enc);
        m.put("encoders_compared", candidates.stream().map(Encoder::name).toList());
        if (result.choice() != null) {
          EncoderChoice c = result.choice();
          Map<String, Object> choice = new LinkedHashMap<>();
          choice.put("chosen", c.chosen());
          choice.put("train_examples", c.trainExamples());
          choice.put("dev_examples", c.devExamples());
          choice.put("dev_macro_f1", c.devMacroF1());
          m.put("encoder_choice", choice);
        }
        m.put("head", settings.kind());
        m.put("features", settings.features());
        m.put("labels", result.model().labels());
        m.put("train_examples", result.model().info().trainExamples());
        m.put("epochs", result.fit().epochs());
        m.put("best_epoch", result.fit().bestEpoch());
        m.put("data_hash", result.model().info().dataHash());
        m.put("scores", result.model().info().scores());
        m.put("evaluated_on", result.heldOutName());
        if (result.heldOut() != null) {
          m.putAll(result.heldOut().toMap());
        }
        Session.json(spec, m);
      } else {
        o.printf(Locale.ROOT, "trained '%s': %s head on %s, %d labels, %d training examples, %d epochs (kept %d)%n",
            out, settings.kind(), enc, result.model().labels().size(), result.model().info().trainExamples(),
            result.fit().epochs(), result.fit().bestEpoch());
        if (result.choice() != null) {
          EncoderChoice c = result.choice();
          o.printf(Locale.ROOT, "encoder chosen on a stratified sample of %d train and %d dev sentences (dev macro-F1 of a"
              + " quick head): %s%n", c.trainExamples(), c.devExamples(), c.devMacroF1().entrySet().stream()
              .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", ")));
        }
        if (result.heldOut() != null) {
          o.print(TextEvalCommand.summary(result.heldOutName(), result.heldOut()));
          if (!result.model().rejectLabel().isEmpty()) {
            o.printf(Locale.ROOT, "oos threshold: top probability below %.2f -> '%s' (tuned on val)%n",
                result.model().rejectBelow(), result.model().rejectLabel());
          }
          o.println();
          o.print(result.heldOut().report().toText());
        }
        o.println("saved " + file);
      }
      o.flush();
    }
    return 0;
  }

  /** The base model fine-tuning starts from, named by --encoder. */
  BaseModel fineTuneBase() {
    try {
      return BaseModel.forEncoder(encoder);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--encoder: fine-tuning starts from an FP32 base model; " + e.getMessage());
    }
  }

  /** The fine-tuning settings from the options; each checked by TuneSettings. */
  TuneSettings tuneSettings() {
    TuneSettings s = TuneSettings.defaults(TuneSettings.Method.fromCode(fineTune)).withSeed(seed);
    if (epochs != null) {
      s = s.withEpochs(epochs);
    }
    if (lr != null) {
      s = s.withLearningRate(lr);
    }
    if (batch != null) {
      s = s.withBatch(batch);
    }
    if (maxLen != null) {
      s = s.withMaxLength(maxLen);
    }
    if (dropout != null) {
      s = s.withDropout(dropout);
    }
    if (pooling != null) {
      try {
        s = s.withPooling(Pooling.fromCode(pooling));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("--pooling: " + e.getMessage());
      }
    }
    if (loraRank != null || loraAlpha != null) {
      s = s.withLora(loraRank != null ? loraRank : s.loraRank(), loraAlpha != null ? loraAlpha : s.loraAlpha());
    }
    return s;
  }
}
