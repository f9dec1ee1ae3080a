package dev.autonomy.engine.files;

import dev.autonomy.core.data.Sealing;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.vault.Vault;
import java.nio.file.Path;

/**
 * The files the person's vault keeps beside its database, reached through the opened vault so that
 * an encrypted vault's stay unreadable without its passphrase: trained text models and fine-tuned
 * weights are sealed with the vault's file key, and map graphs are built in memory instead of
 * cached on disk (a cached graph names the area the person plans in). A clear vault writes both as
 * it always did.
 */
public final class LocalFiles {
  /** The vault's folder of map files (the person's OSM extracts) and, when clear, their cached graphs. */
  public static final String MAPS = "maps";

  private final Vault vault;

  public LocalFiles(Vault vault) {
    this.vault = vault;
  }

  /** Whether the vault is encrypted, and so its files are sealed. */
  public boolean sealed() {
    return vault.sealing().encrypts();
  }

  /** How files beside the database are written and read. */
  public Sealing sealing() {
    return vault.sealing();
  }

  /** The store of trained text models ({@code <home>/models/text}), sealed when the vault is encrypted. */
  public ModelStore textModels() {
    return ModelStore.inHome(vault.home(), vault.sealing());
  }

  /** The folder the person's map files live in. */
  public Path maps() {
    return vault.home().resolve(MAPS);
  }

  /**
   * Opens the map in {@code osmFile}: its graph cached in {@link #maps()} for a clear vault, built in
   * memory (nothing written) for an encrypted one.
   */
  public OsmMap openMap(Path osmFile) {
    return sealed() ? OsmMap.inMemory(osmFile) : OsmMap.open(osmFile, maps());
  }
}
