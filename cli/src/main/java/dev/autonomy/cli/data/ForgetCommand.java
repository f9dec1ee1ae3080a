package dev.autonomy.cli.data;

import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Delete one imported source (and what was derived from it), or everything in the vault.")
public final class ForgetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class What {
    @Option(names = "--source", paramLabel = "NAME", description = "The source name as 'quality' lists it.") String source;
    @Option(names = "--all", description = "Everything: signals, models, recommendations, feedback, rules, caches.") boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Override
  public Integer call() {
    if (what.all) {
      Path home = AutonomyCli.root(spec).home();
      List<Path> deleted = Autonomy.forgetAll(home);
      Session.out(spec).printf("forgot everything in %s (%d files deleted)%n", home, deleted.size());
      return 0;
    }
    if (what.source.isBlank()) {
      throw new InvalidInputException("--source: give the source name as 'autonomy quality' lists it");
    }
    try (Autonomy autonomy = Session.open(spec)) {
      long removed = autonomy.forgetSource(what.source);
      Session.out(spec).printf("forgot %s: %d signals deleted; models will be rebuilt without it%n", what.source, removed);
    }
    return 0;
  }
}
