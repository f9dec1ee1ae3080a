package dev.autonomy.tune;

import dev.autonomy.text.encode.Encoder;
import java.util.Arrays;
import java.util.List;

/**
 * A fine-tuned encoder behind the text module's {@link Encoder}: the pooled, L2-normalised vector
 * its own classification head (saved in the text model) reads. One forward pass at a time.
 */
final class TunedEncoder implements Encoder {
  private final String name;
  private final TunedClassifier classifier;

  TunedEncoder(String name, TunedClassifier classifier) {
    this.name = name;
    this.classifier = classifier;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimension() {
    return classifier.encoder().config().hidden();
  }

  @Override
  public synchronized float[] embed(String text) {
    return classifier.embed(List.of(text))[0];
  }

  @Override
  public synchronized List<float[]> embedAll(List<String> texts) {
    return Arrays.asList(classifier.embed(texts));
  }

  @Override
  public synchronized void close() {
    classifier.close();
  }
}
