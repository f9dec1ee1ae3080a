package dev.autonomy.cli.federate;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.PrivacyLedger;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "privacy", mixinStandardHelpOptions = true,
    description = "What left this machine for a federation, what it cost in privacy, and your cap on it.",
    subcommands = {PrivacyCommand.Ledger.class, PrivacyCommand.Budget.class})
public final class PrivacyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String epsilon(double e) {
    return Double.isInfinite(e) ? "infinite (sent without noise)" : String.format(Locale.ROOT, "%.3g", e);
  }

  @Command(name = "ledger", mixinStandardHelpOptions = true,
      description = "Every contribution sent: when, to which coordinator, round, model version, bytes, clip, noise, epsilon.")
  static final class Ledger implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        List<PrivacyLedger.Entry> entries = autonomy.federation().ledger();
        OptionalDouble budget = autonomy.federation().budget();
        double cumulative = autonomy.federation().cumulativeEpsilon();
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("entries", entries);
          m.put("cumulative_epsilon", Double.isInfinite(cumulative) ? null : cumulative);
          m.put("budget", budget.isPresent() ? budget.getAsDouble() : null);
          Session.json(spec, m);
          return 0;
        }
        PrintWriter out = Session.out(spec);
        if (entries.isEmpty()) {
          out.println("nothing has left this machine for a federation");
        }
        for (PrivacyLedger.Entry e : entries) {
          out.printf(Locale.ROOT, "%3d  %s  %s round %d (model v%d)  %d bytes  clip %.3g  noise %.3g  q %.2g  epsilon %s"
              + " (cumulative %s, delta %.0e)  %s%n", e.id(), e.at(), e.coordinator(), e.round(), e.modelVersion(),
              e.bytesSent(), e.clip(), e.noiseMultiplier(), e.samplingRate(), epsilon(e.epsilon()),
              epsilon(e.cumulativeEpsilon()), e.delta(), e.note());
        }
        out.printf("cumulative epsilon: %s; budget: %s%n", epsilon(cumulative),
            budget.isPresent() ? epsilon(budget.getAsDouble()) : "none set (autonomy privacy budget --epsilon E)");
      }
      return 0;
    }
  }

  @Command(name = "budget", mixinStandardHelpOptions = true,
      description = "Set your cap on cumulative epsilon: 'federate join' refuses a round that would pass it.")
  static final class Budget implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--epsilon", required = true, description = "The cap (a number > 0).") double epsilon;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        autonomy.federation().setBudget(epsilon);
        Session.out(spec).printf("privacy budget set: cumulative epsilon at most %s (spent so far: %s)%n",
            epsilon(epsilon), epsilon(autonomy.federation().cumulativeEpsilon()));
      }
      return 0;
    }
  }
}
