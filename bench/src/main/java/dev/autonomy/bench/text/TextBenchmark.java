package dev.autonomy.bench.text;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.Evaluation;
import dev.autonomy.text.classify.HeadFit;
import dev.autonomy.text.classify.HeadSettings;
import dev.autonomy.text.classify.HeadTrainer;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.classify.TextTrainer;
import dev.autonomy.text.classify.TrainResult;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.eval.Splits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code autonomy bench text}: transformer embeddings + our heads against fastText on the same
 * splits, and the encoders' speed.
 *
 * <ul>
 *   <li>CLINC150 ({@code text-en-clinc150}): learn from {@code train} (oos_train as class "oos"),
 *       select on {@code val}; in-scope accuracy and oos recall on {@code val}, with and without
 *       the confidence threshold (tuned on val, so that row is optimistic).
 *   <li>Financial PhraseBank ({@code text-en-financial-phrasebank}): seeded stratified 5-fold CV;
 *       heads stop early on a 10% dev part of each training fold; pooled accuracy and macro-F1.
 *   <li>CrossWOZ ({@code text-zh-crosswoz}, val dialogues): user turns by domain, seeded
 *       stratified 80/10/10; test accuracy and macro-F1.
 *   <li>Latency: one sentence at a time (p50, p99) and batches of 32 (sentences per second).
 * </ul>
 *
 * <p>Run: {@code ./autonomy bench text --data ../shared/data}. Embeddings are cached under {@code
 * --cache} (default target/text-cache), so reruns skip the encoding.
 */
public final class TextBenchmark {
  public static final Set<String> PARTS = Set.of("clinc150", "phrasebank", "crosswoz", "latency");

  /** What to run. */
  public record Settings(Path data, Path cache, long seed, List<String> heads, List<String> features, Set<String> parts,
      Path fastText, int latencyRuns, List<String> englishEncoders) {
    public Settings {
      englishEncoders = List.copyOf(englishEncoders);
      if (englishEncoders.isEmpty()) {
        throw new InvalidInputException("name at least one English encoder");
      }
      heads = List.copyOf(heads);
      features = List.copyOf(features);
      parts = Set.copyOf(parts);
      for (String h : heads) {
        HeadSettings.forKind(h);
      }
      for (String f : features) {
        HeadSettings.logreg().withFeatures(f);
      }
      for (String p : parts) {
        if (!PARTS.contains(p)) {
          throw new InvalidInputException("unknown part '" + p + "'; expected some of " + PARTS);
        }
      }
    }
  }

  /** One method on one data set. NaN where a figure does not apply. */
  public record QualityRow(String dataset, String evaluation, String method, double accuracy, double macroF1,
      double inScopeAccuracy, double oosRecall, double trainSeconds) {}

  /** One encoder's speed. */
  public record LatencyRow(String encoder, int sentences, double p50Ms, double p99Ms, double batch32PerSecond) {}

  public record Report(List<QualityRow> quality, List<LatencyRow> latency, List<String> notes) {
    public String markdown() {
      StringBuilder b = new StringBuilder();
      if (!quality.isEmpty()) {
        b.append("| data set | evaluation | method | accuracy | macro-F1 | in-scope acc | oos recall | train s |\n");
        b.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (QualityRow r : quality) {
          b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.dataset(), r.evaluation(), r.method(),
              pct(r.accuracy()), pct(r.macroF1()), pct(r.inScopeAccuracy()), pct(r.oosRecall()), num(r.trainSeconds(), "%.1f")));
        }
      }
      if (!latency.isEmpty()) {
        b.append('\n');
        b.append("| encoder | sentences | single p50 ms | single p99 ms | batch 32: sentences/s |\n");
        b.append("|---|---:|---:|---:|---:|\n");
        for (LatencyRow r : latency) {
          b.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f |%n", r.encoder(), r.sentences(), r.p50Ms(), r.p99Ms(), r.batch32PerSecond()));
        }
      }
      if (!notes.isEmpty()) {
        b.append('\n');
        notes.forEach(n -> b.append("- ").append(n).append('\n'));
      }
      return b.toString();
    }

    private static String pct(double v) {
      return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String num(double v, String f) {
      return Double.isNaN(v) ? "" : String.format(Locale.ROOT, f, v);
    }
  }

  private final Settings settings;
  private final InstantSource clock;
  private final Consumer<String> progress;
  private final EmbeddingCache cache;
  private final FastTextPeer fastText;
  private final List<QualityRow> quality = new ArrayList<>();
  private final List<LatencyRow> latency = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  /** PhraseBank, per head and features: each encoder's per-fold inner-dev macro-F1 and test predictions. */
  private final Map<String, Map<String, FoldOutcome[]>> phrasebankFolds = new LinkedHashMap<>();

  /** One fold of one method: its inner-dev macro-F1 (before the refit) and its predictions on the fold. */
  private record FoldOutcome(double devMacroF1, String[] predicted) {}

  public TextBenchmark(Settings settings, InstantSource clock, Consumer<String> progress) {
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
    this.cache = new EmbeddingCache(settings.cache());
    this.fastText = new FastTextPeer(settings.fastText(), settings.seed());
  }

  public Report run() {
    if (!fastText.available()) {
      notes.add("fastText peer skipped: " + settings.fastText() + " not found (apt-get install -y fasttext)");
    }
    try (Encoders encoders = Encoders.open()) {
      // fastText does not depend on the encoder: it runs once, after the last English encoder,
      // and the data set's notes are written once, there.
      List<String> english = settings.englishEncoders();
      String last = english.get(english.size() - 1);
      if (settings.parts().contains("clinc150")) {
        for (String name : english) {
          clinc(encoders.get(name), name.equals(last));
        }
      }
      if (settings.parts().contains("phrasebank")) {
        for (String name : english) {
          phrasebank(encoders.get(name), name.equals(last));
        }
        if (english.size() > 1) {
          phrasebankEncoderChosenOnDev();
        }
      }
      if (settings.parts().contains("crosswoz")) {
        crosswoz(encoders.get(Encoders.BGE_ZH));
      }
      if (settings.parts().contains("latency")) {
        latency(encoders);
      }
    }
    notes.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM, Java "
        + System.getProperty("java.version") + "; seed " + settings.seed());
    return new Report(quality, latency, notes);
  }

  private Path file(String rel) {
    Path f = settings.data().resolve(rel);
    if (!Files.isRegularFile(f)) {
      throw new InvalidInputException("--data: " + f + " not found");
    }
    return f;
  }

  private TextTrainer trainer(HeadSettings head) {
    return new TextTrainer(head, settings.seed(), cache, clock, new TextTrainer.Listener() {
      @Override
      public void encoded(String part, int done, int total) {
        if (done == total || done % 2048 == 0) {
          progress.accept("  encoded " + part + " " + done + "/" + total);
        }
      }
    });
  }

  private void clinc(Encoder encoder, boolean lastEncoder) {
    Dataset data = Format.CLINC150.read(file("text-en-clinc150/data_full.json.gz"));
    List<Example> val = data.split("val");
    progress.accept("clinc150: encoding train and val with " + encoder.name());
    TextTrainer warm = trainer(HeadSettings.logreg());
    warm.embed(encoder, "train", data.split("train"));
    warm.embed(encoder, "val", val);
    for (HeadSettings hs : heads()) {
      String h = name(hs);
      progress.accept("clinc150: " + h + " on " + encoder.name());
      TextTrainer trainer = trainer(hs);
      long t0 = System.nanoTime();
      TrainResult r = trainer.train(data, encoder);
      double seconds = (System.nanoTime() - t0) / 1e9;
      TextModel m = r.model();
      TextModel noThreshold = new TextModel(m.encoder(), m.labels(), m.head(), m.rejectLabel(), 0, m.info());
      Evaluation plain = Evaluation.of(noThreshold, trainer.embed(encoder, "val", val), val);
      if (hs.ngrams()) {
        notes.add("CLINC150 " + encoder.name() + " + " + h + ": n-gram step size " + r.fit().settings().lexicalRate() + ", n-gram L2 "
            + r.fit().settings().lexicalL2() + " (chosen on val; classes balanced,"
            + " so class weights are all 1)");
      }
      quality.add(row("CLINC150", "val", encoder.name() + " + " + h + ", oos as class", plain, seconds));
      quality.add(row("CLINC150", "val", encoder.name() + " + " + h + ", + threshold " + String.format(Locale.ROOT, "%.2f", m.rejectBelow()),
          r.heldOut(), seconds));
    }
    if (lastEncoder && fastText.available()) {
      progress.accept("clinc150: fastText");
      FastTextPeer.Run run = fastText.run(data.split("train"), val);
      quality.add(row("CLINC150", "val", "fastText supervised", Evaluation.ofPredictions(List.of(), val, run.predicted()), run.trainSeconds()));
    }
    if (!lastEncoder) {
      return;
    }
    notes.add("CLINC150: train = train + oos_train (oos a 151st class), selection on val; encoding time is not in 'train s' (cached)."
        + " The threshold row tunes its threshold on val, so its val figures are optimistic. Published on test (Larson et al. 2019):"
        + " BERT 96.9 / 40.3, MLP 93.5 / 47.4, fastText 89.0 / 9.7 (in-scope accuracy / oos recall).");
  }

  private void phrasebank(Encoder encoder, boolean lastEncoder) {
    List<Example> all = Format.PHRASEBANK.read(file("text-en-financial-phrasebank/Sentences_50Agree.txt")).split(Dataset.ALL);
    List<String> labels = Dataset.labels(all);
    int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    progress.accept("phrasebank: encoding " + all.size() + " sentences");
    float[][] x = cache.embed(encoder, all.stream().map(Example::text).toList());
    int[][] folds = Splits.kFold(y, 5, new SplittableRandom(settings.seed()));
    List<String> texts = all.stream().map(Example::text).toList();
    for (HeadSettings hs : heads()) {
      String h = name(hs);
      List<String> chosen = new ArrayList<>();
      double devAccuracy = 0;
      progress.accept("phrasebank: 5-fold " + h);
      String[] predicted = new String[all.size()];
      double[] foldAccuracy = new double[5];
      long t0 = System.nanoTime();
      for (int f = 0; f < 5; f++) {
        int[] trainIdx = Splits.complement(all.size(), folds[f]);
        int[] trainY = pick(y, trainIdx);
        Splits.Split inner = Splits.stratified(trainY, 0.1, 0.0, new SplittableRandom(settings.seed() + f));
        int[] fitIdx = map(trainIdx, inner.train());
        int[] devIdx = map(trainIdx, inner.dev());
        HeadTrainer trainer = new HeadTrainer(hs, settings.seed());
        HeadFit selected = trainer.fitSelected(pick(x, fitIdx), pick(texts, fitIdx), pick(y, fitIdx), labels.size(),
            pick(x, devIdx), pick(texts, devIdx), pick(y, devIdx));
        chosen.add((hs.ngrams() ? selected.settings().lexicalRate() + "/" + selected.settings().lexicalL2()
            + (selected.settings().classWeights() ? " weighted " : " unweighted ") : "") + selected.bestEpoch() + " ep");
        int devRight = 0;
        for (int i : devIdx) {
          devRight += argmax(selected.head().probabilities(x[i], texts.get(i))) == y[i] ? 1 : 0;
        }
        devAccuracy += (double) devRight / devIdx.length / 5;
        List<String> devPredicted = new ArrayList<>();
        for (int i : devIdx) {
          devPredicted.add(labels.get(argmax(selected.head().probabilities(x[i], texts.get(i)))));
        }
        double devMacroF1 = Evaluation.ofPredictions(labels, pick(all, devIdx), devPredicted).macroF1();
        // Selection and the epoch count come from the inner dev; then train + dev are learnt together.
        HeadFit fit = trainer.refit(selected, pick(x, fitIdx), pick(texts, fitIdx), pick(y, fitIdx), labels.size(),
            pick(x, devIdx), pick(texts, devIdx), pick(y, devIdx));
        int right = 0;
        for (int i : folds[f]) {
          int p = argmax(fit.head().probabilities(x[i], texts.get(i)));
          predicted[i] = labels.get(p);
          right += p == y[i] ? 1 : 0;
        }
        foldAccuracy[f] = (double) right / folds[f].length;
        String[] foldPredicted = new String[folds[f].length];
        for (int k = 0; k < folds[f].length; k++) {
          foldPredicted[k] = predicted[folds[f][k]];
        }
        phrasebankFolds.computeIfAbsent(h, k -> new LinkedHashMap<>())
            .computeIfAbsent(encoder.name(), k -> new FoldOutcome[5])[f] = new FoldOutcome(devMacroF1, foldPredicted);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Evaluation e = Evaluation.ofPredictions(labels, all, Arrays.asList(predicted));
      quality.add(row("PhraseBank 50Agree", "5-fold CV", encoder.name() + " + " + h, e, seconds));
      notes.add(String.format(Locale.ROOT, "PhraseBank %s + %s fold accuracies: %s; mean inner-dev accuracy %.3f%s", encoder.name(), h,
          Arrays.toString(Arrays.stream(foldAccuracy).map(a -> Math.round(a * 1000) / 1000.0).toArray()), devAccuracy,
          "; chosen on each fold's inner dev (n-gram step/L2, class weights, epochs; then refit on train + dev): " + chosen));
    }
    if (lastEncoder && fastText.available()) {
      progress.accept("phrasebank: 5-fold fastText");
      String[] predicted = new String[all.size()];
      double seconds = 0;
      for (int f = 0; f < 5; f++) {
        int[] trainIdx = Splits.complement(all.size(), folds[f]);
        List<Example> test = pick(all, folds[f]);
        FastTextPeer.Run run = fastText.run(pick(all, trainIdx), test);
        seconds += run.trainSeconds();
        for (int k = 0; k < folds[f].length; k++) {
          predicted[folds[f][k]] = run.predicted().get(k);
        }
      }
      quality.add(row("PhraseBank 50Agree", "5-fold CV", "fastText supervised", Evaluation.ofPredictions(labels, all, Arrays.asList(predicted)), seconds));
    }
    if (!lastEncoder) {
      return;
    }
    notes.add("PhraseBank: " + all.size() + " sentences in our copy; FinBERT (Araci 2019) reports 0.86 accuracy / 0.84 macro-F1 on a 20% test split of all 4,846.");
  }

  private void crosswoz(Encoder encoder) {
    List<Example> all = Format.CROSSWOZ.read(file("text-zh-crosswoz/val.json.zip")).split(Dataset.ALL);
    List<String> labels = Dataset.labels(all);
    int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    Splits.Split split = Splits.stratified(y, 0.1, 0.1, new SplittableRandom(settings.seed()));
    progress.accept("crosswoz: encoding " + all.size() + " user turns");
    float[][] x = cache.embed(encoder, all.stream().map(Example::text).toList());
    List<Example> test = pick(all, split.test());
    List<String> texts = all.stream().map(Example::text).toList();
    for (HeadSettings hs : heads()) {
      String h = name(hs);
      progress.accept("crosswoz: " + h);
      long t0 = System.nanoTime();
      HeadFit fit = new HeadTrainer(hs, settings.seed())
          .fitSelected(pick(x, split.train()), pick(texts, split.train()), pick(y, split.train()), labels.size(),
              pick(x, split.dev()), pick(texts, split.dev()), pick(y, split.dev()));
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<String> predicted = new ArrayList<>();
      for (int i : split.test()) {
        predicted.add(labels.get(argmax(fit.head().probabilities(x[i], texts.get(i)))));
      }
      quality.add(row("CrossWOZ domains", "seeded 80/10/10, test", encoder.name() + " + " + h, Evaluation.ofPredictions(labels, test, predicted), seconds));
      if (hs.ngrams()) {
        notes.add("CrossWOZ " + h + ": chosen on dev: n-gram step " + fit.settings().lexicalRate() + ", n-gram L2 " + fit.settings().lexicalL2()
            + (fit.settings().classWeights() ? ", weighted" : ", unweighted"));
      }
    }
    if (fastText.available()) {
      progress.accept("crosswoz: fastText");
      FastTextPeer.Run run = fastText.run(pick(all, split.train()), test);
      quality.add(row("CrossWOZ domains", "seeded 80/10/10, test", "fastText supervised (chars)", Evaluation.ofPredictions(labels, test, run.predicted()), run.trainSeconds()));
    }
    notes.add("CrossWOZ: " + all.size() + " user turns of the 500 val dialogues whose acts name exactly one of 景点/餐馆/酒店/地铁/出租; test = "
        + test.size() + " turns. Turns of one dialogue can fall on both sides of the split.");
  }

  private void latency(Encoders encoders) {
    List<String> en = Format.CLINC150.read(file("text-en-clinc150/data_full.json.gz")).split("val").stream().map(Example::text).toList();
    List<String> zh = Format.CROSSWOZ.read(file("text-zh-crosswoz/val.json.zip")).split(Dataset.ALL).stream().map(Example::text).toList();
    for (Encoder encoder : List.of(encoders.get(Encoders.MINILM), encoders.get(Encoders.BGE_EN), encoders.get(Encoders.BGE_ZH))) {
      List<String> texts = encoder.name().equals(Encoders.BGE_ZH) ? zh : en;
      progress.accept("latency: " + encoder.name());
      int runs = Math.min(settings.latencyRuns(), texts.size());
      for (int i = 0; i < 20; i++) {
        encoder.embed(texts.get(i));
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        encoder.embed(texts.get(i));
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      int batches = Math.max(1, Math.min(10, texts.size() / 32));
      long t0 = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        encoder.embedAll(texts.subList(b * 32, b * 32 + 32));
      }
      double perSecond = batches * 32 / ((System.nanoTime() - t0) / 1e9);
      latency.add(new LatencyRow(encoder.name(), runs, quantile(ms, 0.5), quantile(ms, 0.99), perSecond));
    }
    notes.add("Latency: one sentence per call on the calling thread; a batch of 32 is spread over a pool of one thread per core,"
        + " each sentence its own ONNX Runtime run. Reference: ONNX Runtime INT8 all-MiniLM-L6-v2 p50 3.2 ms on a desktop CPU.");
  }

  /**
   * What {@code text train --encoder auto} does, measured: on each fold, the English encoder whose
   * selected fit had the better inner-dev macro-F1 (the first on a tie) gives that fold's
   * predictions. The test folds play no part in the choice.
   */
  private void phrasebankEncoderChosenOnDev() {
    List<Example> all = Format.PHRASEBANK.read(file("text-en-financial-phrasebank/Sentences_50Agree.txt")).split(Dataset.ALL);
    List<String> labels = Dataset.labels(all);
    int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    int[][] folds = Splits.kFold(y, 5, new SplittableRandom(settings.seed()));
    for (Map.Entry<String, Map<String, FoldOutcome[]>> method : phrasebankFolds.entrySet()) {
      String[] predicted = new String[all.size()];
      List<String> chosen = new ArrayList<>();
      for (int f = 0; f < 5; f++) {
        String bestEncoder = null;
        FoldOutcome best = null;
        for (Map.Entry<String, FoldOutcome[]> byEncoder : method.getValue().entrySet()) {
          FoldOutcome o = byEncoder.getValue()[f];
          if (best == null || o.devMacroF1() > best.devMacroF1()) {
            best = o;
            bestEncoder = byEncoder.getKey();
          }
        }
        chosen.add(bestEncoder);
        for (int k = 0; k < folds[f].length; k++) {
          predicted[folds[f][k]] = best.predicted()[k];
        }
      }
      Evaluation e = Evaluation.ofPredictions(labels, all, Arrays.asList(predicted));
      quality.add(row("PhraseBank 50Agree", "5-fold CV", "encoder chosen on inner dev + " + method.getKey(), e, Double.NaN));
      notes.add("PhraseBank encoder chosen on each fold's inner dev for " + method.getKey() + ": " + chosen);
    }
  }

  /** Every head with every feature set, in the order asked for. */
  private List<HeadSettings> heads() {
    List<HeadSettings> out = new ArrayList<>();
    for (String h : settings.heads()) {
      for (String f : settings.features()) {
        out.add(HeadSettings.forKind(h).withFeatures(f));
      }
    }
    return out;
  }

  private static String name(HeadSettings hs) {
    return hs.kind() + switch (hs.features()) {
      case HeadSettings.EMBEDDING_NGRAMS -> " + word n-grams";
      case HeadSettings.EMBEDDING_NGRAMS_CHARS -> " + word & char n-grams";
      default -> "";
    };
  }

  private static double quantile(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static QualityRow row(String data, String evaluation, String method, Evaluation e, double seconds) {
    return new QualityRow(data, evaluation, method, e.accuracy(), e.macroF1(), e.inScopeAccuracy(), e.oosRecall(), seconds);
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  private static int[] map(int[] base, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = base[idx[i]];
    }
    return out;
  }

  private static int[] pick(int[] a, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = a[idx[i]];
    }
    return out;
  }

  private static float[][] pick(float[][] a, int[] idx) {
    float[][] out = new float[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = a[idx[i]];
    }
    return out;
  }

  private static <T> List<T> pick(List<T> a, int[] idx) {
    List<T> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(a.get(i));
    }
    return out;
  }
}
