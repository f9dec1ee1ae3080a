package dev.autonomy.cli.data;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a file (or a Fitabase folder) into your vault, in one transaction.",
      "Formats: apple-health (export.zip or export.xml), fitbit (Fitabase CSV folder), gpx, events (CSV/JSONL:"
          + " time,kind,amount,unit,category,text). Re-importing the same data adds nothing."
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "File or folder to import.")
  Path path;

  @Option(names = "--format", paramLabel = "FORMAT", description = "apple-health, fitbit, gpx, events or weather (default: detected).")
  String format;

  @Option(names = "--person", paramLabel = "ID", description = "For files holding several persons (Fitabase): the one to import.")
  String person;

  @Option(names = "--set-aside", description = {"Leave out records outside what any record can be (dated before 1990 or",
      "after tomorrow, negative steps...) and import the rest; without it such a record refuses the import."})
  boolean setAside;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      PrintWriter err = spec.commandLine().getErr();
      ImportResult r = autonomy.importPath(path, format, person, n -> {
        err.printf("  ... %,d signals read%n", n);
        err.flush();
      }, setAside);
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", r.source());
        out.put("source_id", r.sourceId());
        out.put("format", r.report().format());
        out.put("read", r.report().signalsRead());
        out.put("added", r.added());
        out.put("duplicates", r.duplicates());
        out.put("skipped", r.report().skipped());
        out.put("warnings", r.report().warnings());
        Session.json(spec, out);
      } else {
        PrintWriter out = Session.out(spec);
        out.printf("imported %s (%s) as source %s: %d signals read, %d added, %d already in the vault%n",
            r.source(), r.report().format(), r.sourceId(), r.report().signalsRead(), r.added(), r.duplicates());
        r.report().skipped().forEach((why, n) -> out.printf("  skipped %d: %s%n", n, why));
        r.report().warnings().forEach(w -> out.println("  warning: " + w));
      }
    }
    return 0;
  }
}
