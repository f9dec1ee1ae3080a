package dev.autonomy.tune;

import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** A tiny randomly initialised BERT (2 layers, hidden 32) on MiniLM's tokenizer, and toy data. */
final class Tiny {
  static final BertConfig CONFIG = new BertConfig(30_522, 32, 2, 2, 64, 64);

  private Tiny() {}

  static Backbone backbone(long seed) {
    return new Backbone(
        "tiny",
        BaseModel.sha256(("tiny-" + seed).getBytes(StandardCharsets.UTF_8)),
        CONFIG,
        () -> Transformer.random(CONFIG, seed),
        BaseModel.MINILM.tokenizerBytes(),
        Optional.empty());
  }

  /** Health notes whose label depends on the words: separable, but only by reading them. */
  static Dataset notes(int perClass, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> good = List.of("salad", "walk", "water", "sleep", "vegetables", "run", "swim", "fruit");
    List<String> bad = List.of("cigarettes", "soda", "fries", "candy", "beer", "donuts", "smoking", "chips");
    List<String> frames = List.of("today I had %s and %s", "lots of %s, then %s", "%s again, plus %s at night");
    List<Example> all = new ArrayList<>();
    for (int i = 0; i < perClass; i++) {
      String f = frames.get(r.nextInt(frames.size()));
      all.add(new Example(String.format(f, good.get(r.nextInt(8)), good.get(r.nextInt(8))), "healthy"));
      all.add(new Example(String.format(f, bad.get(r.nextInt(8)), bad.get(r.nextInt(8))), "unhealthy"));
    }
    return new Dataset("notes.csv", Format.CSV, Map.of(Dataset.ALL, all));
  }
}
