package dev.autonomy.text.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.Sealing;
import dev.autonomy.text.data.Dataset;
import dev.autonomy.text.data.Example;
import dev.autonomy.text.data.Format;
import dev.autonomy.text.encode.HashingEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
  @TempDir Path home;

  static Dataset words(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[][] vocab = {{"rain", "storm", "cloud", "wet"}, {"sun", "warm", "bright", "dry"}, {"snow", "ice", "cold", "frost"}};
    String[] filler = {"today", "the", "very", "quite", "outside", "again"};
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      String text = vocab[c][r.nextInt(4)] + " " + filler[r.nextInt(6)] + " " + vocab[c][r.nextInt(4)] + " " + filler[r.nextInt(6)];
      out.add(new Example(text, new String[] {"rainy", "sunny", "snowy"}[c]));
    }
    return new Dataset("weather.csv", Format.CSV, Map.of(Dataset.ALL, out));
  }

  /** A stand-in for the vault's sealing: reversible, bound to the file name, and visibly not clear. */
  static final class XorSealing implements Sealing {
    @Override
    public boolean encrypts() {
      return true;
    }

    @Override
    public byte[] seal(byte[] clear, String name) {
      byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + clear.length);
      for (int i = 0; i < clear.length; i++) {
        out[MAGIC.length + i] = (byte) (clear[i] ^ name.hashCode() ^ i);
      }
      return out;
    }

    @Override
    public byte[] open(byte[] stored, String name) {
      if (!Sealing.isSealed(stored)) {
        throw new InvalidInputException(name + " is not sealed");
      }
      byte[] out = new byte[stored.length - MAGIC.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) (stored[MAGIC.length + i] ^ name.hashCode() ^ i);
      }
      return out;
    }
  }

  @Test
  void aSealingStore_writesNothingClear_readsItBack_andAClearStoreRefusesIt() throws IOException {
    HashingEncoder enc = new HashingEncoder(32);
    TrainResult result = new TextTrainer(HeadSettings.logreg(), 3, InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z")))
        .train(words(120, 2), enc);
    ModelStore sealed = ModelStore.inHome(home, new XorSealing());
    assertThat(sealed.seals()).isTrue();
    Path file = sealed.save("weather", result.model());
    String onDisk = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertThat(onDisk).startsWith("AUTONOMY-SEALED1").doesNotContain("rainy").doesNotContain("autonomy-text-model");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("weather.json");
    }
    TextModel loaded = sealed.load("weather");
    assertThat(loaded.head().probabilities(enc.embed("warm sun"))).containsExactly(result.model().head().probabilities(enc.embed("warm sun")));
    assertThat(sealed.names()).containsExactly("weather");
    assertThatThrownBy(() -> ModelStore.inHome(home).load("weather"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weather.json is sealed with an encrypted vault's key");
    // a sealed file moved to another name does not open
    Files.copy(file, file.resolveSibling("other.json"));
    assertThatThrownBy(() -> sealed.load("other")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> sealed.readFile("../weather.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a file name");
  }

  @Test
  void saveThenLoad_givesBitIdenticalPredictions() {
    HashingEncoder enc = new HashingEncoder(32);
    for (HeadSettings s : List.of(HeadSettings.logreg(), HeadSettings.mlp())) {
      TrainResult result = new TextTrainer(s, 3, InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z"))).train(words(300, 1), enc);
      ModelStore store = ModelStore.inHome(home);
      Path file = store.save("weather-" + s.kind(), result.model());
      assertThat(file).isEqualTo(home.resolve("models/text/weather-" + s.kind() + ".json"));
      TextModel loaded = store.load("weather-" + s.kind());
      assertThat(loaded.labels()).isEqualTo(result.model().labels());
      assertThat(loaded.encoder()).isEqualTo("hashing-32");
      assertThat(loaded.info().dataHash()).isEqualTo(words(300, 1).hash());
      assertThat(loaded.info().created()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
      assertThat(loaded.info().scores()).containsKeys("test_accuracy", "dev_macro_f1");
      assertThat(result.heldOut().accuracy()).isGreaterThan(0.9);
      for (String t : List.of("rain and storm", "warm sun", "ice cold frost", "nothing known here")) {
        assertThat(loaded.head().probabilities(enc.embed(t))).containsExactly(result.model().head().probabilities(enc.embed(t)));
      }
    }
    assertThat(ModelStore.inHome(home).names()).containsExactly("weather-logreg", "weather-mlp");
  }

  @Test
  void goldenFile_stillPredictsTheSame() throws IOException {
    Path file = home.resolve("golden.json");
    try (InputStream in = getClass().getResourceAsStream("golden-logreg-v1.json")) {
      Files.write(file, in.readAllBytes());
    }
    TextModel m = ModelStore.read(file);
    double[] p = m.head().probabilities(new float[] {1f, 0f});
    // logits [1, 0.5]: p(a) = 1 / (1 + e^-0.5)
    assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(-0.5)), within(1e-12));
    assertThat(m.predict(new float[] {0f, 1f}).label()).isEqualTo("b");
    assertThat(m.info().seed()).isEqualTo(1);
  }

  @Test
  void badNamesAndFiles_areClearErrors() throws IOException {
    ModelStore store = ModelStore.inHome(home);
    assertThatThrownBy(() -> store.load("nope")).isInstanceOf(InvalidInputException.class).hasMessageContaining("no text model 'nope'");
    assertThatThrownBy(() -> store.path("../etc")).isInstanceOf(InvalidInputException.class).hasMessageContaining("must be");
    Files.createDirectories(store.dir());
    Files.writeString(store.dir().resolve("old.json"), "{\"format\":\"autonomy-text-model\",\"version\":99}");
    assertThatThrownBy(() -> store.load("old")).hasMessageContaining("version 99");
    Files.writeString(store.dir().resolve("junk.json"), "not json");
    assertThatThrownBy(() -> store.load("junk")).hasMessageContaining("junk.json");
  }
}
