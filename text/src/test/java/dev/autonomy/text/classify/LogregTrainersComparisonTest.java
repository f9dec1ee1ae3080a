package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.core.data.SharedData;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.eval.ClassificationReport;
import dev.autonomy.text.eval.Splits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hand-written logistic head against Tribuo's, side by side on Financial PhraseBank (50Agree) with
 * the protocol of {@code autonomy bench text}: seeded stratified 5-fold CV, selection and early
 * stopping on a stratified 10% inner dev part of each training fold, refit on fit + dev, pooled
 * accuracy and macro-F1. Both trainers get the same cached embeddings and n-grams. Off by default
 * (it encodes 3,393 sentences); run it with
 *
 * <pre>
 * mvn -B -o test -f text/pom.xml -Dtest=LogregTrainersComparisonTest -Dcompare.encoders=bge-small-en-v15-q
 * </pre>
 *
 * ({@code -Dcompare.seeds=42,1}, {@code -Dcompare.features=embedding,embedding+ngrams}). The table
 * goes to stdout and {@code target/logreg-comparison.md}.
 */
@EnabledIfSystemProperty(named = "compare.encoders", matches = ".+")
class LogregTrainersComparisonTest {
  @Test
  void handWrittenAndTribuo_sideBySide() throws IOException {
    Path file = SharedData.dataset("text-en-financial-phrasebank/Sentences_50Agree.txt").orElseThrow();
    List<Example> all = Format.PHRASEBANK.read(file).split(Dataset.ALL);
    List<String> labels = Dataset.labels(all);
    int[] y = all.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    List<String> texts = all.stream().map(Example::text).toList();
    long majority = IntStream.of(y).filter(v -> v == labels.indexOf("neutral")).count();
    StringBuilder table = new StringBuilder();
    table.append("| encoder | features | seed | trainer | accuracy | macro-F1 | fold accuracies | train s (5 folds) | chosen per fold |\n");
    table.append("|---|---|---:|---|---:|---:|---|---:|---|\n");
    try (Encoders encoders = Encoders.open()) {
      for (String encoder : System.getProperty("compare.encoders").split(",")) {
        float[][] x = new EmbeddingCache(Path.of("target/text-cache")).embed(encoders.get(encoder), texts);
        for (long seed : longs(System.getProperty("compare.seeds", "42"))) {
          for (String features : System.getProperty("compare.features", "embedding,embedding+ngrams").split(",")) {
            HeadSettings today = HeadSettings.logreg().withFeatures(features);
            List<HeadSettings> hand = today.ngrams() ? List.of(today) : List.of(today, today.withClassWeights(false));
            List<Object[]> trainers = new ArrayList<>();
            hand.forEach(h -> trainers.add(new Object[] {h, false}));
            trainers.add(new Object[] {today, true});
            for (Object[] t : trainers) {
              HeadSettings hs = (HeadSettings) t[0];
              boolean tribuo = (Boolean) t[1];
              Run r = run(hs, tribuo, seed, x, texts, y, labels);
              String trainer = tribuo ? "Tribuo LinearSGD (LogMulticlass, AdaGrad)"
                  : hs.classWeights() == today.classWeights() ? "hand-written (Adam)" : "hand-written (Adam), class weights off";
              String line = String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %.1f | %s | %.1f | %s |%n", encoder, features, seed,
                  trainer, 100 * r.report.accuracy(),
                  100 * r.report.macroF1(), r.foldAccuracies, r.seconds, r.chosen);
              System.out.print(line);
              table.append(line);
              assertThat(r.report.macroF1()).as(line).isGreaterThan(0.5);
              assertThat(r.report.accuracy()).as(line).isGreaterThan((double) majority / y.length);
            }
          }
        }
      }
    }
    table.append(String.format(Locale.ROOT, "%nJava %s, %d cores visible to the JVM%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors()));
    Files.writeString(Path.of("target/logreg-comparison.md"), table);
  }

  private record Run(ClassificationReport report, String foldAccuracies, double seconds, String chosen) {}

  private static Run run(HeadSettings hs, boolean tribuo, long seed, float[][] x, List<String> texts, int[] y, List<String> labels) {
    int[][] folds = Splits.kFold(y, 5, new SplittableRandom(seed));
    int[] predicted = new int[y.length];
    List<String> foldAccuracy = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    double seconds = 0;
    for (int f = 0; f < 5; f++) {
      int[] trainIdx = Splits.complement(y.length, folds[f]);
      Splits.Split inner = Splits.stratified(pick(y, trainIdx), 0.1, 0.0, new SplittableRandom(seed + f));
      int[] fit = map(trainIdx, inner.train());
      int[] dev = map(trainIdx, inner.dev());
      long t0 = System.nanoTime();
      HeadTrainer trainer = new HeadTrainer(hs, seed, tribuo);
      HeadFit selected = trainer.fitSelected(pick(x, fit), pick(texts, fit), pick(y, fit), labels.size(), pick(x, dev),
          pick(texts, dev), pick(y, dev));
      HeadFit refit = trainer.refit(selected, pick(x, fit), pick(texts, fit), pick(y, fit), labels.size(), pick(x, dev),
          pick(texts, dev), pick(y, dev));
      seconds += (System.nanoTime() - t0) / 1e9;
      HeadSettings s = selected.settings();
      chosen.add((tribuo ? "lr " + s.learningRate() : hs.ngrams() ? s.lexicalRate() + "/" + s.lexicalL2() : "")
          + (s.classWeights() ? " w " : " u ") + selected.bestEpoch() + "ep");
      int right = 0;
      for (int i : folds[f]) {
        predicted[i] = HeadTrainer.argmax(refit.head().probabilities(x[i], texts.get(i)));
        right += predicted[i] == y[i] ? 1 : 0;
      }
      foldAccuracy.add(String.format(Locale.ROOT, "%.3f", (double) right / folds[f].length));
    }
    return new Run(ClassificationReport.of(labels, y, predicted), String.join(" ", foldAccuracy), seconds, String.join("; ", chosen));
  }

  private static long[] longs(String csv) {
    return java.util.Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
  }

  private static int[] pick(int[] a, int[] idx) {
    return IntStream.of(idx).map(i -> a[i]).toArray();
  }

  private static float[][] pick(float[][] a, int[] idx) {
    return IntStream.of(idx).mapToObj(i -> a[i]).toArray(float[][]::new);
  }

  private static List<String> pick(List<String> a, int[] idx) {
    return IntStream.of(idx).mapToObj(a::get).toList();
  }

  private static int[] map(int[] outer, int[] inner) {
    return IntStream.of(inner).map(i -> outer[i]).toArray();
  }
}
