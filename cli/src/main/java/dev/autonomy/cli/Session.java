package dev.autonomy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.autonomy.cli.passphrase.CliPassphrases;
import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.text.classify.ModelStore;
import dev.autonomy.vault.Json;
import dev.autonomy.vault.PassphraseSource;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.SplittableRandom;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command needs from the edge: the vault folder, its passphrase, the clock, a random source,
 * and a way to print. The only place the CLI reads the system clock and seeds randomness.
 */
public final class Session {
  private Session() {}

  /** Opens the person's Autonomy in the folder given by --home (or its defaults). */
  public static Autonomy open(CommandSpec spec) {
    return open(spec, System.nanoTime());
  }

  public static Autonomy open(CommandSpec spec, long seed) {
    return open(spec, passphrases(spec), seed);
  }

  /** Opens the person's Autonomy with the passphrase {@code passphrases} gives (after a change: the new one). */
  public static Autonomy open(CommandSpec spec, PassphraseSource passphrases, long seed) {
    return Autonomy.open(AutonomyCli.root(spec).home(), Clock.systemDefaultZone(), new SplittableRandom(seed), passphrases);
  }

  /**
   * The vault's store of trained text models, sealed when the vault is encrypted: the vault is
   * opened (asking for its passphrase when it needs one) only to reach its file key, and closed
   * again, so a long training does not hold it.
   */
  public static ModelStore textModels(CommandSpec spec) {
    try (Autonomy autonomy = open(spec)) {
      return autonomy.files().textModels();
    }
  }

  /**
   * The person's passphrase, asked for only when the vault needs one: AUTONOMY_PASSPHRASE, else
   * typed on the terminal when there is one. A new vault without one stays clear, and stderr says
   * once how to encrypt it.
   */
  public static CliPassphrases passphrases(CommandSpec spec) {
    AutonomyCli root = AutonomyCli.root(spec);
    return new CliPassphrases(root::environment, System.console(), root::noticeAfterSuccess, true);
  }

  /** AUTONOMY_PASSPHRASE only, never a prompt and no notice: for throw-away vaults (the demo). */
  public static CliPassphrases passphrasesFromEnvironment(CommandSpec spec) {
    AutonomyCli root = AutonomyCli.root(spec);
    return new CliPassphrases(root::environment, null, root::noticeAfterSuccess, false);
  }

  public static PrintWriter out(CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  /** Prints one JSON object on stdout. */
  public static void json(CommandSpec spec, Object value) {
    try {
      PrintWriter out = out(spec);
      out.println(Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new AutonomyFailure("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
