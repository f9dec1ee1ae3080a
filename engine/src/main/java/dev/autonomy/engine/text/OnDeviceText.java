package dev.autonomy.engine.text;

import dev.autonomy.text.encode.Encoders;
import java.util.function.Supplier;

/**
 * The engine's one lifecycle for the on-device transformers: opened on first use (loading them
 * takes about a second), shared by everything that reads text (notes, {@code ask}), closed with
 * the facade. Nothing opens them unless text must be read.
 */
public final class OnDeviceText implements Supplier<Encoders>, AutoCloseable {
  private Encoders encoders;

  @Override
  public Encoders get() {
    if (encoders == null) {
      encoders = Encoders.open();
    }
    return encoders;
  }

  @Override
  public void close() {
    if (encoders != null) {
      encoders.close();
      encoders = null;
    }
  }
}
