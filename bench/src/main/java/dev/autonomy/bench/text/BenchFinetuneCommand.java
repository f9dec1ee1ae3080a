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
 * method, so run one method per process to read each on its own.
 *
 * <pre>nice ./autonomy bench finetune --folds 1 --epochs 2 --methods lora</pre>
 */
@Command(
    name = "finetune",
    mixinStandardHelpOptions = true,
    description = "Frozen encoder + head vs LoRA vs full fine-tuning on Financial PhraseBank (bench text's 5 folds);"
        + " accuracy, macro-F1, seconds per epoch, peak memory, inference latency. Prints a markdown table.")
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
      List<Example> truth = new ArrayList<>();
      List<Double> epochSeconds = new ArrayList<>();
      List<Integer> kept = new ArrayList<>();
      String latency = "";
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
        Dataset fold = new Dataset(file + " fold " + (f + 1), Format.PHRASEBANK,
            Map.of("train", train, "dev", dev, "test", test));
        FineTuner tuner = FineTuner.from(BaseModel.MINILM, s, InstantSource.system(), new FineTuner.Listener() {
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
          predicted.addAll(predictions(r, test));
          notes.add(String.format(Locale.ROOT, "%s fold %d: trained %,d of %,d encoder weights; epochs run %d, kept %d; dev macro-F1 %.3f; fold accuracy %.3f; steps skipped (gradient not finite) %d",
              method, f + 1, r.trainedWeights(), r.encoderWeights(), r.epochs(), r.bestEpoch(), r.dev().macroF1(), r.heldOut().accuracy(), r.skippedSteps()));
          if (f == folds - 1) {
            latency = tunedLatency(r);
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Evaluation e = Evaluation.ofPredictions(labels, truth, predicted);
      double[] ci = wilson(e.accuracy(), truth.size());
      rows.add(String.format(Locale.ROOT, "| %s | %d of 5 | %s | %.3f [%.3f, %.3f] | %.3f | %s | %.0f | %s |",
          method.equals("frozen") ? "frozen all-minilm-l6-v2-q + logreg + word n-grams (today)" : method + " all-minilm-l6-v2 (FP32)",
          folds, method.equals("frozen") ? "-" : epochs + " (kept " + kept + ")", e.accuracy(), ci[0], ci[1], e.macroF1(),
          epochSeconds.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", epochSeconds.stream().mapToDouble(d -> d).average().orElse(0)),
          seconds, peakMb() + " MB; " + latency));
    }
    if (encoders != null) {
      encoders.close();
    }
    out.println("| method | folds | epochs | accuracy [95% Wilson] | macro-F1 | s / epoch | total s | peak RSS; latency p50/p99 one sentence, batch 32 |");
    out.println("|---|---|---|---|---|---|---|---|");
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
    HeadSettings hs = HeadSettings.logreg().withFeatures(HeadSettings.EMBEDDING_NGRAMS);
    HeadFit fit = new HeadTrainer(hs, seed).fitSelected(embed.apply(train), texts(train), ys(labels, train), labels.size(),
        embed.apply(dev), texts(dev), ys(labels, dev));
    ModelInfo info = new ModelInfo("phrasebank", "phrasebank", "-", train.size(), fit.settings(), seed, Instant.EPOCH,
        fit.epochs(), fit.bestEpoch(), Map.of());
    TextModel m = new TextModel(enc.name(), labels, fit.head(), "", 0, info);
    float[][] x = embed.apply(test);
    List<String> p = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      p.add(m.predict(x[i], test.get(i).text()).label());
    }
    return p;
  }

  private String frozenLatency() {
    Encoder enc = encoders.get(Encoders.MINILM);
    return latency(t -> enc.embed(t), b -> enc.embedAll(b));
  }

  private String tunedLatency(TuneResult r) {
    TextModel m = TunedModels.textModelOf(r);
    Encoder enc = TunedModels.encoderOf(r);
    return latency(t -> m.predict(enc.embed(t)), b -> enc.embedAll(b));
  }

  private String latency(java.util.function.Consumer<String> one, java.util.function.Consumer<List<String>> batch32) {
    String s = "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period in 2007.";
    for (int i = 0; i < 5; i++) {
      one.accept(s);
    }
    double[] single = new double[latencyRuns];
    for (int i = 0; i < latencyRuns; i++) {
      long t = System.nanoTime();
      one.accept(s);
      single[i] = (System.nanoTime() - t) / 1e6;
    }
    List<String> b = java.util.Collections.nCopies(32, s);
    int runs = Math.max(5, latencyRuns / 10);
    double[] batched = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      batch32.accept(b);
      batched[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(single);
    Arrays.sort(batched);
    return String.format(Locale.ROOT, "%.1f / %.1f ms, %.0f / %.0f ms", q(single, 0.5), q(single, 0.99), q(batched, 0.5), q(batched, 0.99));
  }

  private static double q(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static List<String> predictions(TuneResult r, List<Example> test) {
    TextModel m = TunedModels.textModelOf(r);
    Encoder enc = TunedModels.encoderOf(r);
    List<float[]> x = enc.embedAll(test.stream().map(Example::text).toList());
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
