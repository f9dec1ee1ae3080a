package dev.autonomy.cli.passphrase;

import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.Argon2id;
import dev.autonomy.vault.Passphrase;
import dev.autonomy.vault.PassphraseSource;
import dev.autonomy.vault.VaultCrypt;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "passphrase", mixinStandardHelpOptions = true,
    description = {"The passphrase that encrypts your vault at rest (every page of its database and log, and its backups).",
        "Given by AUTONOMY_PASSPHRASE, else asked on the terminal. Forgotten, it cannot be recovered: nor can the vault."},
    subcommands = {PassphraseCommand.Status.class, PassphraseCommand.Set.class, PassphraseCommand.Change.class})
public final class PassphraseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Whether the vault is encrypted, with which cipher, and how the key is derived. Needs no passphrase.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      VaultCrypt.Status status = VaultCrypt.status(AutonomyCli.root(spec).home());
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("home", status.home().toString());
        m.put("encrypted", status.encrypted());
        m.put("cipher", status.cipher());
        status.kdf().ifPresent(k -> m.put("kdf", kdf(k)));
        Session.json(spec, m);
        return 0;
      }
      if (status.encrypted()) {
        Session.out(spec).printf("the vault in %s is encrypted: %s; key from the passphrase by %s%n", status.home(),
            status.cipher(), status.kdf().map(Argon2id::toString).orElse("?"));
      } else {
        Session.out(spec).printf("the vault in %s is NOT encrypted: anyone who can read its files can read your data;"
            + " 'autonomy passphrase set' encrypts it%n", status.home());
      }
      return 0;
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = {"Encrypt a clear vault in place with a passphrase (AUTONOMY_NEW_PASSPHRASE or AUTONOMY_PASSPHRASE,"
          + " else asked twice). Works on a checked copy swapped in at the end: stopped half-way, the vault is as it was.",
          "Stop 'autonomy serve' first: a vault another process has open is left alone."})
  static final class Set implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Path home = AutonomyCli.root(spec).home();
      CliPassphrases passphrases = Session.passphrases(spec);
      Passphrase next = passphrases.first(home);
      try {
        VaultCrypt.Status status = VaultCrypt.encrypt(home, next);
        record(spec, next, "set: the vault encrypted (" + status.cipher() + ")");
        Session.out(spec).printf("the vault in %s is encrypted now (%s; key by %s), its text models sealed and its"
            + " cached map graphs removed; from now on give its passphrase"
            + " (AUTONOMY_PASSPHRASE, or typed when asked). Forgotten, it cannot be recovered.%n", home, status.cipher(),
            status.kdf().map(Argon2id::toString).orElse("?"));
        return 0;
      } finally {
        // wiped on every path, a refusal included
        next.wipe();
      }
    }
  }

  @Command(name = "change", mixinStandardHelpOptions = true,
      description = {"Re-key the vault: the current passphrase (AUTONOMY_PASSPHRASE, else asked) opens it, and afterwards"
          + " only the new one (AUTONOMY_NEW_PASSPHRASE, else asked twice) does. Backups made before keep the old one.",
          "Stop 'autonomy serve' first: a vault another process has open is left alone."})
  static final class Change implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Path home = AutonomyCli.root(spec).home();
      CliPassphrases passphrases = Session.passphrases(spec);
      Passphrase current = passphrases.current(home);
      Passphrase next = null;
      try {
        next = passphrases.next(home);
        VaultCrypt.rekey(home, current, next);
        record(spec, next, "change: the vault re-keyed");
        Session.out(spec).printf("the vault in %s is re-keyed: only the new passphrase opens it now (set"
            + " AUTONOMY_PASSPHRASE to it); backups made before still need the old one%n", home);
        return 0;
      } finally {
        // wiped on every path, a refusal included
        current.wipe();
        if (next != null) {
          next.wipe();
        }
      }
    }
  }

  /** One access log row, actor cli, in the vault opened with its new passphrase. */
  private static void record(CommandSpec spec, Passphrase passphrase, String detail) {
    try (Autonomy autonomy = Session.open(spec, PassphraseSource.of(passphrase), System.nanoTime())) {
      autonomy.access().record(AccessLog.CLI, "passphrase", detail);
    }
  }

  private static Map<String, Object> kdf(Argon2id k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "argon2id");
    m.put("memory_kib", k.memoryKib());
    m.put("iterations", k.iterations());
    m.put("parallelism", k.parallelism());
    return m;
  }
}
