package dev.autonomy.cli.policy;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.policy.PolicyBook;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "policy", mixinStandardHelpOptions = true,
    description = {"The ranking policies: the fixed hand weights, and learned ones (LinUCB, Thompson sampling,",
        "epsilon-greedy) that start from them and learn from all your feedback, live or not."},
    subcommands = {PolicyCommand.ListPolicies.class, PolicyCommand.Switch.class})
public final class PolicyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Each policy, which is live, and how much feedback it learned from.")
  static final class ListPolicies implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        List<PolicyBook.Row> rows = autonomy.policies().list();
        if (json) {
          Session.json(spec, Map.of("policies", rows, "switches", autonomy.policies().switches()));
          return 0;
        }
        PrintWriter out = Session.out(spec);
        for (PolicyBook.Row r : rows) {
          out.printf("%s %-9s %5d update(s)  %s%n", r.live() ? "*" : " ", r.name(), r.updates(), r.description());
        }
        out.println("(* live: it orders what you are shown; the others learn beside it)");
      }
      return 0;
    }
  }

  @Command(name = "switch", mixinStandardHelpOptions = true,
      description = "Make a policy live (fixed, linucb, thompson, egreedy); the switch is recorded.")
  static final class Switch implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        PolicyBook.Switch made = autonomy.policies().switchTo(name);
        Session.out(spec).printf("live policy: %s (was %s), recorded at %s%n", made.to(), made.from(), made.at());
      }
      return 0;
    }
  }
}
