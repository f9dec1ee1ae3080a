package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.data.SharedData;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.eval.ClassificationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The real encoder plus each head: fit on 300 PhraseBank sentences, scored on 300 others. */
class PhraseBankSubsetTest {
  @Test
  void heads_beatMajorityClassOnRealSubset() {
    Optional<Path> found = SharedData.dataset("text-en-financial-phrasebank/Sentences_50Agree.txt");
    assumeTrue(found.isPresent(), "PhraseBank not present at ../shared/data/text-en-financial-phrasebank");
    Path file = found.get();
    List<Example> all = new ArrayList<>(Format.PHRASEBANK.read(file).split(Dataset.ALL));
    Collections.shuffle(all, new Random(7));
    List<Example> train = all.subList(0, 300);
    List<Example> dev = all.subList(300, 400);
    List<Example> test = all.subList(400, 700);
    List<String> labels = Dataset.labels(train);
    int[] y = train.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    int[] devY = dev.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    int[] testY = test.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    long majority = test.stream().filter(e -> e.label().equals("neutral")).count();
    double majorityShare = (double) majority / test.size();

    try (Encoders encoders = Encoders.open()) {
      Encoder encoder = encoders.get(Encoders.MINILM);
      EmbeddingCache cache = new EmbeddingCache();
      float[][] x = cache.embed(encoder, train.stream().map(Example::text).toList());
      float[][] devX = cache.embed(encoder, dev.stream().map(Example::text).toList());
      float[][] testX = cache.embed(encoder, test.stream().map(Example::text).toList());
      HeadSettings unweighted = new HeadSettings("logreg", 0, 1e-2, 3e-3, 60, 6, 32, false);
      for (HeadSettings settings : List.of(unweighted, HeadSettings.logreg(), HeadSettings.mlp())) {
        HeadFit fit = new HeadTrainer(settings, 7).fit(x, y, labels.size(), devX, devY);
        int[] predicted = new int[testX.length];
        for (int i = 0; i < testX.length; i++) {
          predicted[i] = HeadTrainer.argmax(fit.head().probabilities(testX[i]));
        }
        ClassificationReport report = ClassificationReport.of(labels, testY, predicted);
        String what = settings.kind() + (settings.classWeights() ? " weighted" : "");
        System.out.println(what + " accuracy " + report.accuracy() + " macro-F1 " + report.macroF1() + " majority " + majorityShare);
        // predicting the majority class everywhere has macro-F1 about 0.25
        assertThat(report.macroF1()).as(what).isGreaterThan(0.45);
        if (!settings.classWeights()) {
          assertThat(report.accuracy()).as(what).isGreaterThan(majorityShare + 0.05);
        }
      }
    }
  }
}
