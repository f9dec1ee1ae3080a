package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.HashingEncoder;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTrainerTest {
  final TextTrainer trainer = new TextTrainer(HeadSettings.logreg(), 1, InstantSource.fixed(Instant.EPOCH));

  @Test
  void oneClass_isRejected() {
    Dataset d = new Dataset("one.csv", Format.CSV, Map.of(Dataset.ALL, List.of(new Example("a", "x"), new Example("b", "x"))));
    assertThatThrownBy(() -> trainer.train(d, new HashingEncoder(8)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("one.csv: only one label 'x'");
  }

  @Test
  void severalEncoders_keepTheOneBetterOnDev_andRecordEachCandidate() {
    // Sees only the filler words, so it knows nothing of the weather: a poor encoder, tried first.
    HashingEncoder blind = new HashingEncoder(16) {
      @Override
      public String name() {
        return "blind";
      }

      @Override
      public float[] embed(String text) {
        return super.embed(text.replaceAll("rain|storm|cloud|wet|sun|warm|bright|dry|snow|ice|cold|frost", "the"));
      }
    };
    HashingEncoder seeing = new HashingEncoder(32);
    TrainResult r = trainer.train(ModelStoreTest.words(300, 2), List.of(blind, seeing));
    assertThat(r.model().encoder()).isEqualTo(seeing.name());
    assertThat(r.choice().chosen()).isEqualTo(seeing.name());
    Map<String, Double> scores = r.model().info().scores();
    assertThat(scores).containsKeys("dev_macro_f1[blind]", "dev_macro_f1[" + seeing.name() + "]", "test_accuracy");
    assertThat(scores.get("dev_macro_f1[" + seeing.name() + "]")).isGreaterThan(scores.get("dev_macro_f1[blind]"));
    // One candidate is just a plain training run.
    TrainResult one = trainer.train(ModelStoreTest.words(300, 2), List.of(seeing));
    assertThat(one.model().info().scores()).doesNotContainKey("dev_macro_f1[" + seeing.name() + "]");
    assertThat(one.choice()).isNull();
  }

  @Test
  void ownSplits_learnOnTrainSelectOnVal_andTuneAnOosThreshold() {
    Dataset words = ModelStoreTest.words(600, 4);
    List<Example> all = words.split(Dataset.ALL);
    List<Example> train = new ArrayList<>(all.subList(0, 400));
    List<Example> val = new ArrayList<>(all.subList(400, 600));
    String[] junk = {"pizza", "taxes", "guitar", "novel", "piano", "orbit", "lemon", "ferry"};
    for (int i = 0; i < 40; i++) {
      Example e = new Example(junk[i % 8] + " " + junk[(i * 3 + 1) % 8], "oos");
      (i % 2 == 0 ? train : val).add(e);
    }
    Map<String, List<Example>> splits = new LinkedHashMap<>();
    splits.put("train", train);
    splits.put("val", val);
    splits.put("test", val);
    TrainResult r = trainer.train(new Dataset("clinc-like.json", Format.CLINC150, splits), new HashingEncoder(64));
    assertThat(r.heldOutName()).isEqualTo("val");
    assertThat(r.model().rejectLabel()).isEqualTo("oos");
    assertThat(r.model().info().scores()).containsKeys("val_in_scope_accuracy", "val_oos_recall", "oos_threshold");
    assertThat(r.heldOut().inScopeAccuracy()).isGreaterThan(0.9);
    assertThat(r.heldOut().oosRecall()).isGreaterThan(0.5);
  }
}
