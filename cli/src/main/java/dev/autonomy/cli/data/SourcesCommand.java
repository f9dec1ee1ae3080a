package dev.autonomy.cli.data;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.SourceInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sources", mixinStandardHelpOptions = true,
    description = {"The files imported into the vault, each with the id 'forget --source' takes.",
        "A source is a file's content from one path: two export.zip from two folders are two sources, and the",
        "same bytes from two paths are two sources sharing their signals."})
public final class SourcesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      List<SourceInfo> sources = autonomy.sources();
      if (json) {
        Session.json(spec, Map.of("sources", sources));
        return 0;
      }
      PrintWriter out = Session.out(spec);
      if (sources.isEmpty()) {
        out.println("The vault at " + autonomy.home() + " holds no data yet: run 'autonomy import FILE' first.");
        return 0;
      }
      out.printf("%-10s %-13s %9s  %-20s  %s%n", "id", "format", "signals", "first imported", "path");
      for (SourceInfo s : sources) {
        out.printf("%-10s %-13s %9d  %-20s  %s%n", s.id(), s.format(), s.signals(),
            s.firstImported().toString().substring(0, Math.min(19, s.firstImported().toString().length())), s.origin());
      }
    }
    return 0;
  }
}
