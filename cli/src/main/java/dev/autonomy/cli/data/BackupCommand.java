package dev.autonomy.cli.data;

import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.cli.Session;
import dev.autonomy.vault.VaultBackup;
import dev.autonomy.vault.VaultCheck;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write a consistent copy of the vault's database to FILE, also while a server or an import uses it;"
        + " the copy is checked before it is put in place. To restore it, copy it into an empty folder as vault.db"
        + " and use that folder as --home (an encrypted vault's copy is encrypted too: put FILE.crypt beside it as"
        + " vault.db.crypt).")
public final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A file that does not exist yet (a backup never overwrites).")
  Path file;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Path home = AutonomyCli.root(spec).home();
    VaultCheck.Report report = VaultBackup.backup(home, file, Session.passphrases(spec));
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("vault", home.toString());
      out.put("backup", report.file().toString());
      out.put("schema_version", report.schemaVersion());
      out.put("signals", report.signals());
      out.put("sound", report.clean());
      Session.json(spec, out);
    } else {
      Session.out(spec).printf("backed up %s to %s (%d signals, schema version %d; the copy checks sound)%n",
          home, report.file(), report.signals(), report.schemaVersion());
    }
    return 0;
  }
}
