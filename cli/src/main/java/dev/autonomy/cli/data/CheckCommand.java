package dev.autonomy.cli.data;

import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.cli.ExitCodes;
import dev.autonomy.cli.Session;
import dev.autonomy.vault.VaultCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Verify the vault without changing it: SQLite's integrity check, the schema version, and that every"
        + " stored value is within its bounds. Exits 0 when sound, " + ExitCodes.FAILURE + " when something is wrong.")
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1",
      description = "A backup file, or a vault folder, to check instead of the vault in --home.")
  Path path;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    VaultCheck.Report report = VaultCheck.check(path != null ? path : AutonomyCli.root(spec).home(), Session.passphrases(spec));
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("file", report.file().toString());
      out.put("sound", report.clean());
      out.put("schema_version", report.schemaVersion());
      out.put("known_schema_version", report.knownSchemaVersion());
      out.put("signals", report.signals());
      out.put("problems", report.problems());
      Session.json(spec, out);
    } else {
      PrintWriter w = Session.out(spec);
      if (report.clean()) {
        w.printf("%s: sound (integrity, schema version %d, %d signals within their bounds)%n",
            report.file(), report.schemaVersion(), report.signals());
      } else {
        w.printf("%s: %d %s:%n", report.file(), report.problems().size(),
            report.problems().size() == 1 ? "problem" : "problems");
        report.problems().forEach(p -> w.println("  " + p));
        w.println("restore a backup ('autonomy backup FILE' makes one), or export what can be read and start a new vault");
      }
    }
    return report.clean() ? 0 : ExitCodes.FAILURE;
  }
}
