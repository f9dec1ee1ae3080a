package dev.autonomy.text.classify;

import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoders;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class ScratchClincTest {
  @Test
  void sweep() {
    Dataset d = Format.CLINC150.read(Path.of(System.getProperty("autonomy.shared"), "data/text-en-clinc150/data_full.json.gz"));
    EmbeddingCache cache = new EmbeddingCache(Path.of("/tmp/text-cache"));
    try (Encoders e = Encoders.open()) {
      double[][] grid = {{1e-3, 3e-4}, {1e-4, 1e-3}};
      for (double[] g : grid) {
        HeadSettings s = new HeadSettings("mlp", 256, g[0], g[1], 40, 5, 32, true);
        long t0 = System.nanoTime();
        TrainResult r = new TextTrainer(s, 42, cache, InstantSource.system(), null).train(d, e.get(Encoders.MINILM));
        System.out.printf("l2=%g lr=%g in=%.4f oos=%.4f epochs=%d best=%d s=%.0f%n", g[0], g[1], r.heldOut().inScopeAccuracy(), r.heldOut().oosRecall(), r.fit().epochs(), r.fit().bestEpoch(), (System.nanoTime() - t0) / 1e9);
      }
    }
  }
}
