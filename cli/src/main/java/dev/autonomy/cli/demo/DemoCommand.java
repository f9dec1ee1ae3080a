package dev.autonomy.cli.demo;

import dev.autonomy.cli.Session;
import dev.autonomy.core.data.ThrowAwayFolder;
import dev.autonomy.engine.demo.Demo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The whole loop on a seeded synthetic person, in a throw-away vault.",
        "Real files, real importers, desires, recommendations with reasons, rules, feedback, evaluation,",
        "and the design's worked example. Needs no network and no data of yours."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic person (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--keep", description = "Keep the throw-away folder (its path is printed) instead of deleting it.")
  boolean keep;

  @Override
  public Integer call() throws IOException {
    Path work = ThrowAwayFolder.create("autonomy-demo-");
    try {
      Demo.run(spec.commandLine().getOut(), work, seed, Clock.systemDefaultZone(), Session.passphrasesFromEnvironment(spec));
    } finally {
      if (keep) {
        spec.commandLine().getOut().println("Kept: try  ./autonomy --home " + work.resolve("vault") + " recommend");
      } else {
        spec.commandLine().getOut().println("(the throw-away vault is deleted now; run 'demo --keep' to keep it)");
        ThrowAwayFolder.delete(work);
      }
    }
    return 0;
  }
}
