package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.HashingEncoder;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EncoderChooserTest {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.EPOCH);

  /** A fake encoder under its own name that counts the sentences it encodes. */
  static class Counting extends HashingEncoder {
    final String name;
    final AtomicInteger encoded = new AtomicInteger();

    Counting(String name, int dimension) {
      super(dimension);
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      encoded.addAndGet(texts.size());
      return super.embedAll(texts);
    }
  }

  /** Sees only the filler words, so it knows nothing of the weather. */
  static Counting blind() {
    return new Counting("blind", 16) {
      @Override
      public float[] embed(String text) {
        return super.embed(text.replaceAll("rain|storm|cloud|wet|sun|warm|bright|dry|snow|ice|cold|frost", "the"));
      }
    };
  }

  /** CLINC150-like own splits, larger than the subsample: 2,700 train and 1,200 val sentences, all different. */
  static Dataset large() {
    List<Example> all = new ArrayList<>();
    for (Example e : ModelStoreTest.words(3900, 5).split(Dataset.ALL)) {
      all.add(new Example(e.text() + " n" + all.size(), e.label()));
    }
    Map<String, List<Example>> splits = new LinkedHashMap<>();
    splits.put("train", new ArrayList<>(all.subList(0, 2700)));
    splits.put("val", new ArrayList<>(all.subList(2700, 3900)));
    splits.put("test", new ArrayList<>(all.subList(2700, 3900)));
    return new Dataset("weather.json", Format.CLINC150, splits);
  }

  @Test
  void choice_keepsTheEncoderBetterOnTheSubsample_andOnlyItReadsTheWholeData() {
    Counting blind = blind();
    Counting seeing = new Counting("seeing", 32);
    List<String> heard = new ArrayList<>();
    TextTrainer trainer = new TextTrainer(HeadSettings.logreg(), 1, new EmbeddingCache(), CLOCK,
        new TextTrainer.Listener() {
          @Override
          public void choosing(int candidates, int trainExamples, int devExamples) {
            heard.add("choosing " + candidates + " on " + trainExamples + "+" + devExamples);
          }

          @Override
          public void compared(String encoder, double devMacroF1) {
            heard.add("compared " + encoder);
          }
        });
    TrainResult r = trainer.train(large(), List.<Encoder>of(blind, seeing));

    EncoderChoice choice = r.choice();
    assertThat(choice.chosen()).isEqualTo("seeing");
    assertThat(r.model().encoder()).isEqualTo("seeing");
    assertThat(choice.trainExamples()).isEqualTo(EncoderChooser.TRAIN_SAMPLE);
    assertThat(choice.devExamples()).isEqualTo(EncoderChooser.DEV_SAMPLE);
    assertThat(choice.devMacroF1().keySet()).containsExactly("blind", "seeing");
    assertThat(choice.devMacroF1().get("seeing")).isGreaterThan(choice.devMacroF1().get("blind"));
    assertThat(heard).containsExactly("choosing 2 on 2000+1000", "compared blind", "compared seeing");
    // The loser encoded the subsample only; the winner the subsample and then the rest of train and
    // val, each sentence once.
    assertThat(blind.encoded.get()).isEqualTo(3000);
    assertThat(seeing.encoded.get()).isEqualTo(2700 + 1200);
    Map<String, Double> scores = r.model().info().scores();
    assertThat(scores).containsEntry("dev_macro_f1[blind]", choice.devMacroF1().get("blind"))
        .containsEntry("dev_macro_f1[seeing]", choice.devMacroF1().get("seeing"))
        .containsEntry("choice_train_examples", 2000.0)
        .containsEntry("choice_dev_examples", 1000.0)
        .containsKey("val_accuracy");
  }

  @Test
  void choice_onATie_keepsTheFirstTheFasterEncoder() {
    HashingEncoder fast = new Counting("fast", 32);
    HashingEncoder slow = new Counting("slow", 32);
    TrainResult r = new TextTrainer(HeadSettings.logreg(), 1, CLOCK).train(ModelStoreTest.words(300, 2), List.of(fast, slow));
    assertThat(r.choice().devMacroF1().get("fast")).isEqualTo(r.choice().devMacroF1().get("slow"));
    assertThat(r.choice().chosen()).isEqualTo("fast");
  }

  @Test
  void choice_onSmallData_usesAllOfTrainAndDev() {
    // 300 examples split 80/10/10: 240 train, 30 dev, both under the subsample's sizes.
    TrainResult r = new TextTrainer(HeadSettings.logreg(), 1, CLOCK)
        .train(ModelStoreTest.words(300, 2), List.<Encoder>of(blind(), new Counting("seeing", 32)));
    assertThat(r.choice().trainExamples()).isEqualTo(r.model().info().trainExamples());
    assertThat(r.choice().devExamples()).isEqualTo(r.dev().report().total());
    assertThat(r.choice().chosen()).isEqualTo("seeing");
  }

  @Test
  void oneCandidate_skipsTheChoice() {
    Counting only = new Counting("only", 32);
    Counting never = new Counting("never", 32);
    List<String> heard = new ArrayList<>();
    TextTrainer trainer = new TextTrainer(HeadSettings.logreg(), 1, new EmbeddingCache(), CLOCK,
        new TextTrainer.Listener() {
          @Override
          public void choosing(int candidates, int trainExamples, int devExamples) {
            heard.add("choosing");
          }
        });
    TrainResult r = trainer.train(large(), List.<Encoder>of(only));
    assertThat(r.choice()).isNull();
    assertThat(heard).isEmpty();
    assertThat(only.encoded.get()).isEqualTo(2700 + 1200);
    assertThat(never.encoded.get()).isZero();
    assertThat(r.model().info().scores()).doesNotContainKeys("dev_macro_f1[only]", "choice_train_examples");
  }

  @Test
  void noDevLabelSeenInTraining_leavesNothingToChooseOn_soTheFirstEncoderTrains() {
    List<Example> all = ModelStoreTest.words(300, 2).split(Dataset.ALL);
    Map<String, List<Example>> splits = new LinkedHashMap<>();
    splits.put("train", all.stream().filter(e -> !e.label().equals("snowy")).toList());
    splits.put("val", all.stream().filter(e -> e.label().equals("snowy")).toList());
    Counting first = new Counting("first", 32);
    Counting second = new Counting("second", 32);
    TrainResult r = new TextTrainer(HeadSettings.logreg(), 1, CLOCK)
        .train(new Dataset("odd.json", Format.CLINC150, splits), List.<Encoder>of(first, second));
    assertThat(r.choice()).isNull();
    assertThat(r.model().encoder()).isEqualTo("first");
    assertThat(second.encoded.get()).isZero();
  }
}
