package dev.autonomy.text.classify;

import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScratchTuneTest {
  @Test
  void tune() {
    Path file = Path.of(System.getProperty("autonomy.shared"), "data/text-en-financial-phrasebank/Sentences_50Agree.txt");
    List<Example> all = new ArrayList<>(Format.PHRASEBANK.read(file).split(Dataset.ALL));
    Collections.shuffle(all, new Random(7));
    int n = Integer.getInteger("n", 300);
    List<Example> train = all.subList(0, n);
    List<Example> dev = all.subList(n, n + n / 4);
    List<Example> test = all.subList(2400, 3393);
    List<String> labels = Dataset.labels(train);
    try (Encoders encoders = Encoders.open()) {
      Encoder encoder = encoders.get(System.getProperty("enc", Encoders.MINILM));
      EmbeddingCache cache = new EmbeddingCache(Path.of("/tmp/embcache"));
      float[][] x = cache.embed(encoder, train.stream().map(Example::text).toList());
      float[][] dx = cache.embed(encoder, dev.stream().map(Example::text).toList());
      float[][] tx = cache.embed(encoder, test.stream().map(Example::text).toList());
      int[] y = train.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
      int[] dy = dev.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
      int[] ty = test.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
      for (String kind : List.of("logreg", "mlp")) {
        for (double l2 : new double[] {1e-3, 1e-2, 3e-2, 1e-1}) {
          for (double lr : new double[] {1e-3, 3e-3}) {
            HeadSettings s = new HeadSettings(kind, kind.equals("mlp") ? 256 : 0, l2, lr, 60, 6, 32, Boolean.parseBoolean(System.getProperty("cw", "true")));
            long t0 = System.nanoTime();
            HeadFit fit = new HeadTrainer(s, 7).fit(x, y, 3, dx, dy);
            int right = 0;
            for (int i = 0; i < tx.length; i++) right += HeadTrainer.argmax(fit.head().probabilities(tx[i])) == ty[i] ? 1 : 0;
            System.out.printf("%s l2=%g lr=%g acc=%.3f epochs=%d best=%d ms=%d%n", kind, l2, lr, (double) right / tx.length, fit.epochs(), fit.bestEpoch(), (System.nanoTime() - t0) / 1000000);
          }
        }
      }
    }
  }
}
