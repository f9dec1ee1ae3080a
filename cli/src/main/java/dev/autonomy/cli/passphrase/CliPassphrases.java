package dev.autonomy.cli.passphrase;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.vault.Passphrase;
import dev.autonomy.vault.PassphraseSource;
import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The person's passphrase as the command line gets it: {@value #VARIABLE} in the environment, else
 * typed on the terminal without echo when there is one (and only when the vault needs it). The one
 * place that reads either; the library gets a {@link Passphrase}, and the passphrase is never
 * printed or logged.
 */
public final class CliPassphrases implements PassphraseSource {
  /** The environment variable holding the vault's passphrase. */
  public static final String VARIABLE = "AUTONOMY_PASSPHRASE";
  /** The environment variable holding the new passphrase of 'passphrase change'. */
  public static final String NEW_VARIABLE = "AUTONOMY_NEW_PASSPHRASE";

  private final Function<String, String> environment;
  private final Console console;
  private final Consumer<String> notices;
  private final boolean noticeWhenClear;

  /**
   * @param environment the environment's variables
   * @param console the terminal to ask on, or null when there is none (or asking is not wanted)
   * @param notices where to say that a new vault stays clear (on stderr, once the command succeeded)
   * @param noticeWhenClear whether to say so
   */
  public CliPassphrases(Function<String, String> environment, Console console, Consumer<String> notices,
      boolean noticeWhenClear) {
    this.environment = environment;
    this.console = console;
    this.notices = notices;
    this.noticeWhenClear = noticeWhenClear;
  }

  @Override
  public Optional<Passphrase> unlock(Path home) {
    Optional<Passphrase> given = fromEnvironment(VARIABLE);
    if (given.isPresent() || console == null) {
      return given;
    }
    return typed("Passphrase of the vault in " + home + ": ");
  }

  @Override
  public Optional<Passphrase> choose(Path home) {
    Optional<Passphrase> given = fromEnvironment(VARIABLE);
    if (given.isEmpty() && console != null) {
      given = typedTwice("A new vault in " + home + ": choose a passphrase to encrypt it (empty: keep it clear): ");
    }
    if (given.isEmpty() && noticeWhenClear) {
      notices.accept("note: the new vault in " + home + " is not encrypted (no " + VARIABLE + " and no terminal to ask"
          + " on); 'autonomy passphrase set' encrypts it");
    }
    return given;
  }

  /** The new passphrase of a change: {@value #NEW_VARIABLE}, else typed twice on the terminal. */
  public Passphrase next(Path home) {
    return fromEnvironment(NEW_VARIABLE)
        .or(() -> console == null ? Optional.empty() : typedTwice("New passphrase for the vault in " + home + ": "))
        .orElseThrow(() -> new InvalidInputException("new passphrase: none given; set " + NEW_VARIABLE
            + ", or run this on a terminal to be asked; nothing was changed"));
  }

  /** The new passphrase of 'passphrase set': {@value #NEW_VARIABLE} or {@value #VARIABLE}, else typed twice. */
  public Passphrase first(Path home) {
    return fromEnvironment(NEW_VARIABLE)
        .or(() -> fromEnvironment(VARIABLE))
        .or(() -> console == null ? Optional.empty() : typedTwice("Passphrase to encrypt the vault in " + home + ": "))
        .orElseThrow(() -> new InvalidInputException("passphrase: none given; set " + VARIABLE
            + ", or run this on a terminal to be asked; nothing was changed"));
  }

  /** The current passphrase: {@value #VARIABLE}, else typed on the terminal. */
  public Passphrase current(Path home) {
    return unlock(home).orElseThrow(() -> new InvalidInputException("current passphrase: none given; set " + VARIABLE
        + ", or run this on a terminal to be asked; nothing was changed"));
  }

  private Optional<Passphrase> fromEnvironment(String name) {
    String value = environment.apply(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Passphrase.of(value.toCharArray()));
  }

  private Optional<Passphrase> typed(String prompt) {
    char[] chars = console.readPassword("%s", prompt);
    try {
      return chars == null || chars.length == 0 ? Optional.empty() : Optional.of(Passphrase.of(chars));
    } finally {
      if (chars != null) {
        Arrays.fill(chars, '\0');
      }
    }
  }

  private Optional<Passphrase> typedTwice(String prompt) {
    char[] first = console.readPassword("%s", prompt);
    if (first == null || first.length == 0) {
      return Optional.empty();
    }
    char[] again = console.readPassword("%s", "Again, to be sure: ");
    try {
      if (!Arrays.equals(first, again)) {
        throw new InvalidInputException("passphrase: the two typed differ; nothing was changed");
      }
      return Optional.of(Passphrase.of(first));
    } finally {
      Arrays.fill(first, '\0');
      if (again != null) {
        Arrays.fill(again, '\0');
      }
    }
  }
}
