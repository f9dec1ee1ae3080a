package dev.autonomy.cli.data;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.option.OptionCatalogue;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "options", mixinStandardHelpOptions = true,
    description = {"List the options Autonomy can propose, or add your own from a CSV file.",
        "The file's header: id,name,desire,place,minutes,effort,cost,activity,tags (tags separated by ';')."})
public final class OptionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--add", paramLabel = "FILE", description = "Add (or replace by id) options from this CSV file.")
  Path add;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      if (add != null) {
        int n = autonomy.addOptions(add);
        Session.out(spec).printf("added %d options from %s%n", n, add);
      }
      OptionCatalogue catalogue = autonomy.options();
      if (json) {
        Session.json(spec, Map.of("options", catalogue.all()));
      } else {
        for (var o : catalogue.all()) {
          Session.out(spec).printf(Locale.ROOT, "%-22s %-8s %-8s %4d min  effort %4.1f  cost %6.2f  %s%n",
              o.id(), o.desire().code(), o.place().code(), o.minutes(), o.effort(), o.cost(), o.name());
        }
      }
    }
    return 0;
  }
}
