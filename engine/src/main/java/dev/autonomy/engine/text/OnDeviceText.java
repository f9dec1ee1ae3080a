package dev.autonomy.engine.text;

import dev.autonomy.engine.files.LocalFiles;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.vault.Vault;
import java.util.function.Supplier;

/**
 * The engine's one lifecycle for the on-device transformers: opened on first use (loading them
 * takes about a second), shared by everything that reads text (notes, {@code ask}), closed with
 * the facade. Nothing opens them unless text must be read. It also holds the models the person
 * chose to read with instead of the built-in ones ({@link PersonModels}).
 */
public final class OnDeviceText implements Supplier<Encoders>, AutoCloseable {
  private final PersonModels models;
  private Encoders encoders;

  public OnDeviceText(Vault vault) {
    this.models = new PersonModels(vault, new LocalFiles(vault)::textModels, this);
  }

  @Override
  public Encoders get() {
    if (encoders == null) {
      encoders = Encoders.open();
    }
    return encoders;
  }

  /** The models the person chose for the engine's reading of text. */
  public PersonModels models() {
    return models;
  }

  @Override
  public void close() {
    try {
      models.close();
    } finally {
      if (encoders != null) {
        encoders.close();
        encoders = null;
      }
    }
  }
}
