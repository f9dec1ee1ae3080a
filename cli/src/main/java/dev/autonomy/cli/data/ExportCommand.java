package dev.autonomy.cli.data;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.AccessLog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write everything held about you (signals, features, model, recommendations, feedback, rules) as CSV/JSON into DIR.")
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A folder that does not exist yet, or is empty.")
  Path dir;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      var summary = autonomy.export(dir);
      autonomy.access().record(AccessLog.CLI, "export", summary.dir().toString());
      if (json) {
        Session.json(spec, summary);
      } else {
        Session.out(spec).println("exported to " + summary.dir() + ":");
        summary.files().forEach((f, n) -> Session.out(spec).printf("  %-24s %8d%n", f, n));
      }
    }
    return 0;
  }
}
