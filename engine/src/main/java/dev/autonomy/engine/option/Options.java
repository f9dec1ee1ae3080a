package dev.autonomy.engine.option;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.option.Option;
import dev.autonomy.engine.state.Derived;
import dev.autonomy.vault.Documents;
import dev.autonomy.vault.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What Autonomy can propose: the built-in catalogue plus the person's own options. */
public final class Options {
  private final Vault vault;
  private final Derived<OptionCatalogue> catalogue;

  public Options(Vault vault) {
    this.vault = vault;
    this.catalogue = new Derived<>(vault, List.of(Documents.area(PersonOptions.DOCUMENT)),
        () -> OptionCatalogue.builtIn().with(PersonOptions.load(vault)));
  }

  public OptionCatalogue catalogue() {
    return catalogue.get();
  }

  /** Adds (or replaces, by id) options from the person's CSV file; returns how many. */
  public int add(Path csv) {
    try {
      List<Option> extra = OptionCatalogue.readCsv(csv);
      PersonOptions.add(vault, extra);
      return extra.size();
    } catch (IOException e) {
      throw new InvalidInputException(csv + ": cannot read: " + e.getMessage(), e);
    }
  }
}
