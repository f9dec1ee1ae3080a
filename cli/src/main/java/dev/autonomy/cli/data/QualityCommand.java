package dev.autonomy.cli.data;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.quality.QualityReport;
import dev.autonomy.vault.SourceInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Data-quality report: per signal, counts, coverage, gaps, duplicates, impossible values, outliers, imputed days.")
public final class QualityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      QualityReport report = autonomy.quality();
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>(report.toMap());
        out.put("sources", autonomy.sources());
        Session.json(spec, out);
      } else {
        PrintWriter out = Session.out(spec);
        if (autonomy.sources().isEmpty()) {
          out.println("The vault at " + autonomy.home() + " holds no data yet: run 'autonomy import FILE' first.");
          return 0;
        }
        out.println("Sources:");
        for (SourceInfo s : autonomy.sources()) {
          out.printf("  %-40s %-12s %8d signals%n", s.name(), s.format(), s.signals());
        }
        out.println();
        out.print(report.toText());
      }
    }
    return 0;
  }
}
