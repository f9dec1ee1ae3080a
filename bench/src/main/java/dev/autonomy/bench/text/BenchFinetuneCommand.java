package dev.autonomy.bench.text;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.Evaluation;
import dev.autonomy.text.classify.HeadFit;
import dev.autonomy.text.classify.HeadSettings;
import dev.autonomy.text.classify.HeadTrainer;
import dev.autonomy.text.classify.ModelInfo;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.eval.Splits;
import dev.autonomy.tune.BaseModel;
import dev.autonomy.tune.FineTuner;
import dev.autonomy.tune.TuneResult;
import dev.autonomy.tune.Pooling;
import dev.autonomy.tune.TuneSettings;
import dev.autonomy.tune.TunedModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./autonomy bench finetune}: today's frozen encoder + head against LoRA and full
 * fine-tuning of all-MiniLM-L6-v2 on Financial PhraseBank, on the same seeded stratified 5 folds
 * and inner 10% dev parts as {@code bench text}. {@code --folds} and {@code --epochs} bound a run;
 * the table says what ran. Peak memory is the process's resident high-water mark (VmHWM) after the
 * method, so run one method per process to read each on its own. A fine-tuned model's latency is
 * measured on both paths it can be served by, PyTorch on its weights and ONNX Runtime on its ONNX
 * export (what {@code text classify} uses), in alternation so that a change of load hits both; the
 * notes say how often the two paths' predictions agree on the test sentences.
 *
 * <pre>nice ./autonomy bench finetune --folds 1 --epochs 2 --methods lora</pre>
 */
@Command(
    name = "finetune",
    mixinStandardHelpOptions = true,
    description = "Frozen encoder + head vs LoRA vs full fine-tuning on Financial PhraseBank (bench text's 5 folds);"
        + " accuracy, macro-F1, seconds per epoch, peak memory, inference latency through PyTorch and ONNX Runtime."
        + " Prints a markdown table.")
public final class BenchFinetuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Shared data folder (default: ../shared/data beside the repository).")
  Path data;

  @Option(names = "--seed", defaultValue = "42", description = "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--folds", defaultValue = "5", paramLabel = "N", description = "Run the first N of the 5 folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--epochs", defaultValue = "3", paramLabel = "N", description = "Most epochs per fine-tuning (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--methods", split = ",", defaultValue = "frozen,lora,full", paramLabel = "METHOD",
      description = "(default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "(default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--base", defaultValue = "all-minilm-l6-v2", paramLabel = "NAME",
      description = "FP32 base model the fine-tunings start from: all-minilm-l6-v2, bge-small-en-v15 or bge-small-zh-v15 (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate of the fine-tunings (default: the method's).")
  Double learningRate;

  @Option(names = "--dropout", paramLabel = "P", description = "Dropout while fine-tuning (default: the settings', 0).")
  Double dropout;

  @Option(names = "--pooling", paramLabel = "MODE", description = "Pooling of the fine-tunings: mean or cls (default: the settings', mean).")
  String pooling;

  @Option(names = "--ngram-head",
      description = "Also fit the frozen path's head (logistic, embedding + word n-grams, chosen on the fold's dev) on each"
          + " fine-tuned encoder's embeddings, and report it as its own row.")
  boolean ngramHead;

  @Option(names = "--max-len", defaultValue = "128", paramLabel = "L", description = "(default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--limit-train", paramLabel = "N", description = "Fine-tune on the first N training sentences of a fold only (a bounded run).")
  Integer limitTrain;

  @Option(names = "--latency-runs", defaultValue = "100", paramLabel = "N", description = "(default: ${DEFAULT-VALUE}).")
  int latencyRuns;

  @Override
  public Integer call() throws IOException {
    if (folds < 1 || folds > 5 || epochs < 1) {
      throw new InvalidInputException("folds must be 1 to 5 and epochs at least 1, were " + folds + " and " + epochs);
    }
    Path dir = data != null ? data : Path.of("..", "shared", "data");
    Path file = dir.resolve("text-en-financial-phrasebank/Sentences_50Agree.txt");
    if (!Files.isRegularFile(file)) {
      throw BenchCli.noSharedData("text-en-financial-phrasebank");
    }
    BaseModel baseModel = BaseModel.named(base);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Example> all = Format.PHRASEBANK.read(file).split(Dataset.ALL);
    List<String> labels = Dataset.labels(all);
    int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    int[][] kfold = Splits.kFold(y, 5, new SplittableRandom(seed)); // bench text's folds
    List<String> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String method : methods) {
      List<String> predicted = new ArrayList<>();
      List<String> predictedNgram = new ArrayList<>();
      List<Example> truth = new ArrayList<>();
      List<Double> epochSeconds = new ArrayList<>();
      List<Integer> kept = new ArrayList<>();
      String latency = "- | -";
      long t0 = System.nanoTime();
      for (int f = 0; f < folds; f++) {
        int[] trainIdx = Splits.complement(all.size(), kfold[f]);
        int[] trainY = Arrays.stream(trainIdx).map(i -> y[i]).toArray();
        Splits.Split inner = Splits.stratified(trainY, 0.1, 0.0, new SplittableRandom(seed + f)); // bench text's inner dev
        List<Example> train = pick(all, map(trainIdx, inner.train()));
        List<Example> dev = pick(all, map(trainIdx, inner.dev()));
        List<Example> test = pick(all, kfold[f]);
        if (limitTrain != null && limitTrain < train.size()) {
          // A seeded random subset: the fold's list is ordered by class.
          List<Example> shuffled = new ArrayList<>(train);
          java.util.Collections.shuffle(shuffled, new java.util.Random(seed + f));
          train = shuffled.subList(0, limitTrain);
        }
        err.printf(Locale.ROOT, "%s fold %d: %d train, %d dev, %d test%n", method, f + 1, train.size(), dev.size(), test.size());
        err.flush();
        if (method.equals("frozen")) {
          truth.addAll(test);
          predicted.addAll(frozen(train, dev, test, labels));
          if (f == folds - 1) {
            latency = frozenLatency();
          }
          continue;
        }
        TuneSettings s =
            TuneSettings.defaults(TuneSettings.Method.fromCode(method)).withEpochs(epochs).withBatch(batch)
                .withMaxLength(maxLength).withSeed(seed);
        if (learningRate != null) {
          s = s.withLearningRate(learningRate);
        }
        if (dropout != null) {
          s = s.withDropout(dropout);
        }
        if (pooling != null) {
          s = s.withPooling(Pooling.fromCode(pooling));
        }
        Dataset fold = new Dataset(file + " fold " + (f + 1), Format.PHRASEBANK,
            Map.of("train", train, "dev", dev, "test", test));
        FineTuner tuner = FineTuner.from(baseModel, s, InstantSource.system(), new FineTuner.Listener() {
          @Override
          public void step(int epoch, int done, int total, double meanLoss) {
            if (done % 10 == 0 || done == total) {
              err.printf(Locale.ROOT, "  epoch %d step %d/%d loss %.4f%n", epoch, done, total, meanLoss);
              err.flush();
            }
          }

          @Override
          public void epoch(int epoch, double meanLoss, Evaluation dev, Duration took) {
            err.printf(Locale.ROOT, "  epoch %d: loss %.4f, dev macro-F1 %.4f, %ds%n", epoch, meanLoss, dev.macroF1(), took.toSeconds());
            err.flush();
          }
        });
        try (TuneResult r = tuner.train(fold)) {
          epochSeconds.addAll(r.epochSeconds());
          kept.add(r.bestEpoch());
          truth.addAll(test);
          List<float[]> torch = TunedModels.encoderOf(r).embedAll(texts(test));
          List<String> foldPredicted = predictions(r, torch);
          predicted.addAll(foldPredicted);
          if (ngramHead) {
            Encoder tuned = TunedModels.encoderOf(r);
            List<String> p = head(part -> tuned.embedAll(texts(part)).toArray(float[][]::new), tuned.name(), train, dev, test,
                labels, part -> torch.toArray(float[][]::new));
            predictedNgram.addAll(p);
            Evaluation ng = Evaluation.ofPredictions(labels, test, p);
            err.printf(Locale.ROOT, "%s fold %d + n-gram head: test accuracy %.3f, macro-F1 %.3f%n", method, f + 1, ng.accuracy(),
                ng.macroF1());
            err.flush();
          }
          // Each fold's figure as it ends, so a run stopped part-way still says what it measured.
          Evaluation foldE = Evaluation.ofPredictions(labels, test, foldPredicted);
          double[] foldCi = wilson(foldE.accuracy(), test.size());
          err.printf(Locale.ROOT, "%s fold %d: test accuracy %.3f [%.3f, %.3f], macro-F1 %.3f (kept epoch %d)%n", method,
              f + 1, foldE.accuracy(), foldCi[0], foldCi[1], foldE.macroF1(), r.bestEpoch());
          err.flush();
          notes.add(String.format(Locale.ROOT, "%s fold %d: trained %,d of %,d encoder weights; epochs run %d, kept %d; dev macro-F1 %.3f; fold accuracy %.3f; steps skipped (gradient not finite) %d",
              method, f + 1, r.trainedWeights(), r.encoderWeights(), r.epochs(), r.bestEpoch(), r.dev().macroF1(), r.heldOut().accuracy(), r.skippedSteps()));
          try (Encoder onnx = TunedModels.exportedEncoderOf(r)) {
            notes.add(agreement(method, f, r, torch, onnx.embedAll(texts(test))));
            if (f == folds - 1) {
              latency = tunedLatency(r, onnx);
            }
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Evaluation e = Evaluation.ofPredictions(labels, truth, predicted);
      double[] ci = wilson(e.accuracy(), truth.size());
      rows.add(String.format(Locale.ROOT, "| %s | %d of 5 | %s | %.3f [%.3f, %.3f] | %.3f | %s | %.0f | %s | %s |",
          method.equals("frozen") ? "frozen all-minilm-l6-v2-q + logreg + word n-grams (today)" : method + " " + baseModel.name() + " (FP32)" + (learningRate == null ? "" : ", lr " + learningRate)
              + (dropout == null ? "" : ", dropout " + dropout) + (pooling == null ? "" : ", " + pooling + " pooling"),
          folds, method.equals("frozen") ? "-" : epochs + " (kept " + kept + ")", e.accuracy(), ci[0], ci[1], e.macroF1(),
          epochSeconds.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", epochSeconds.stream().mapToDouble(d -> d).average().orElse(0)),
          seconds, peakMb() + " MB", latency));
      if (!predictedNgram.isEmpty()) {
        Evaluation ng = Evaluation.ofPredictions(labels, truth, predictedNgram);
        double[] nci = wilson(ng.accuracy(), truth.size());
        rows.add(String.format(Locale.ROOT, "| %s, then logreg + word n-grams on its embeddings | %d of 5 | %s | %.3f [%.3f, %.3f] | %.3f | - | - | - | - | - |",
            method + " " + baseModel.name() + " (FP32)", folds, epochs + " (kept " + kept + ")", ng.accuracy(), nci[0], nci[1],
            ng.macroF1()));
      }
    }
    if (encoders != null) {
      encoders.close();
    }
    out.println("| method | folds | epochs | accuracy [95% Wilson] | macro-F1 | s / epoch | total s | peak RSS"
        + " | PyTorch p50 / p99: one sentence, batch 32 | ONNX Runtime p50 / p99: one sentence, batch 32 |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(out::println);
    out.println();
    notes.forEach(n -> out.println("- " + n));
    out.println("- Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores, seed " + seed
        + (limitTrain == null ? "" : ", fine-tuning on the first " + limitTrain + " training sentences of each fold"));
    out.flush();
    return 0;
  }

  private Encoders encoders;

  /** Today's default: frozen INT8 MiniLM + logistic head + word n-grams, selected on the inner dev. */
  private List<String> frozen(List<Example> train, List<Example> dev, List<Example> test, List<String> labels) {
    if (encoders == null) {
      encoders = Encoders.open();
    }
    Encoder enc = encoders.get(Encoders.MINILM);
    Function<List<Example>, float[][]> embed =
        part -> enc.embedAll(part.stream().map(Example::text).toList()).toArray(float[][]::new);
    return head(embed, enc.name(), train, dev, test, labels, embed);
  }

  /**
   * The frozen path's head (logistic, embedding + word n-grams, settings chosen on dev) fitted on
   * an encoder's embeddings of train, its predictions for test ({@code embedTest} may reuse vectors
   * already computed).
   */
  private List<String> head(Function<List<Example>, float[][]> embed, String encoderName, List<Example> train,
      List<Example> dev, List<Example> test, List<String> labels, Function<List<Example>, float[][]> embedTest) {
    HeadSettings hs = HeadSettings.logreg().withFeatures(HeadSettings.EMBEDDING_NGRAMS);
    HeadFit fit = new HeadTrainer(hs, seed).fitSelected(embed.apply(train), texts(train), ys(labels, train), labels.size(),
        embed.apply(dev), texts(dev), ys(labels, dev));
    ModelInfo info = new ModelInfo("phrasebank", "phrasebank", "-", train.size(), fit.settings(), seed, Instant.EPOCH,
        fit.epochs(), fit.bestEpoch(), Map.of());
    TextModel m = new TextModel(encoderName, labels, fit.head(), "", 0, info);
    float[][] x = embedTest.apply(test);
    List<String> p = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      p.add(m.predict(x[i], test.get(i).text()).label());
    }
    return p;
  }

  /** Today's path has no PyTorch form: ONNX Runtime on the INT8 model only. */
  private String frozenLatency() {
    Encoder enc = encoders.get(Encoders.MINILM);
    return "- | " + latency(List.of(enc::embed), List.of(enc::embedAll)).get(0);
  }

  /** The fine-tuned model through PyTorch and through ONNX Runtime, one sentence classified as text classify does. */
  private String tunedLatency(TuneResult r, Encoder onnx) {
    TextModel m = TunedModels.textModelOf(r);
    Encoder torch = TunedModels.encoderOf(r);
    List<String> both =
        latency(
            List.<Consumer<String>>of(t -> m.predict(torch.embed(t)), t -> m.predict(onnx.embed(t))),
            List.<Consumer<List<String>>>of(torch::embedAll, onnx::embedAll));
    return both.get(0) + " | " + both.get(1);
  }

  /**
   * p50 / p99 of each path, one sentence then batches of 32. The paths take turns call by call, so a
   * change of the machine's load falls on all of them alike.
   */
  private List<String> latency(List<Consumer<String>> one, List<Consumer<List<String>>> batch32) {
    String s = "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period in 2007.";
    int paths = one.size();
    for (int i = 0; i < 5; i++) {
      one.forEach(p -> p.accept(s));
    }
    double[][] single = new double[paths][latencyRuns];
    for (int i = 0; i < latencyRuns; i++) {
      for (int p = 0; p < paths; p++) {
        long t = System.nanoTime();
        one.get(p).accept(s);
        single[p][i] = (System.nanoTime() - t) / 1e6;
      }
    }
    List<String> b = java.util.Collections.nCopies(32, s);
    batch32.forEach(p -> p.accept(b));
    int runs = Math.max(5, latencyRuns / 10);
    double[][] batched = new double[paths][runs];
    for (int i = 0; i < runs; i++) {
      for (int p = 0; p < paths; p++) {
        long t = System.nanoTime();
        batch32.get(p).accept(b);
        batched[p][i] = (System.nanoTime() - t) / 1e6;
      }
    }
    List<String> out = new ArrayList<>();
    for (int p = 0; p < paths; p++) {
      Arrays.sort(single[p]);
      Arrays.sort(batched[p]);
      out.add(String.format(Locale.ROOT, "%.1f / %.1f ms, %.0f / %.0f ms",
          q(single[p], 0.5), q(single[p], 0.99), q(batched[p], 0.5), q(batched[p], 0.99)));
    }
    return out;
  }

  /** How far the ONNX export's answers (b) are from PyTorch's (a) on the fold's test sentences. */
  private static String agreement(String method, int f, TuneResult r, List<float[]> a, List<float[]> b) {
    List<String> pa = predictions(r, a);
    List<String> pb = predictions(r, b);
    int same = 0;
    double worst = 0;
    for (int i = 0; i < a.size(); i++) {
      if (pa.get(i).equals(pb.get(i))) {
        same++;
      }
      for (int j = 0; j < a.get(i).length; j++) {
        worst = Math.max(worst, Math.abs(a.get(i)[j] - b.get(i)[j]));
      }
    }
    return String.format(Locale.ROOT, "%s fold %d: the ONNX export (ONNX Runtime) predicts what PyTorch does on %d of %d test"
        + " sentences; largest difference of an embedding component %.1e", method, f + 1, same, a.size(), worst);
  }

  private static double q(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static List<String> predictions(TuneResult r, List<float[]> x) {
    TextModel m = TunedModels.textModelOf(r);
    List<String> out = new ArrayList<>();
    for (float[] v : x) {
      out.add(m.predict(v).label());
    }
    return out;
  }

  /** The process's resident-set high-water mark, MB (Linux), or "?" elsewhere. */
  private static String peakMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "?";
    }
    return "?";
  }

  private static double[] wilson(double p, int n) {
    double z = 1.96;
    double d = 1 + z * z / n;
    double c = (p + z * z / (2 * n)) / d;
    double h = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
    return new double[] {c - h, c + h};
  }

  private static List<String> texts(List<Example> e) {
    return e.stream().map(Example::text).toList();
  }

  private static int[] ys(List<String> labels, List<Example> e) {
    return e.stream().mapToInt(x -> labels.indexOf(x.label())).toArray();
  }

  private static int[] map(int[] outer, int[] inner) {
    int[] out = new int[inner.length];
    for (int i = 0; i < inner.length; i++) {
      out[i] = outer[inner[i]];
    }
    return out;
  }

  private static List<Example> pick(List<Example> all, int[] idx) {
    List<Example> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(all.get(i));
    }
    return out;
  }
}
