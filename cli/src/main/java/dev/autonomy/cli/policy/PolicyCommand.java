package dev.autonomy.cli.policy;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.bandit.ope.Comparison;
import dev.autonomy.bandit.ope.Estimate;
import dev.autonomy.engine.policy.PolicyBook;
import dev.autonomy.engine.policy.PolicyEvaluation;
import dev.autonomy.vault.AccessLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
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
    subcommands = {PolicyCommand.ListPolicies.class, PolicyCommand.Shadow.class, PolicyCommand.Switch.class,
        PolicyCommand.Evaluate.class, PolicyCommand.Reset.class})
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
          Session.json(spec, Map.of("policies", rows, "shadows", autonomy.policies().shadows(),
              "switches", autonomy.policies().switches()));
          return 0;
        }
        PrintWriter out = Session.out(spec);
        for (PolicyBook.Row r : rows) {
          out.printf("%s %-9s %5d update(s)  %s%n", r.live() ? "*" : r.shadow() ? "s" : " ", r.name(), r.updates(),
              r.description());
        }
        out.println("(* live: it orders what you are shown; s shadow: it ranks beside the live one on every request,"
            + " logged, never shown; all learned ones learn from all your feedback)");
      }
      return 0;
    }
  }

  @Command(name = "shadow", mixinStandardHelpOptions = true,
      description = {"Let a policy rank in the shadow of the live one on every request: what it would have shown is",
          "logged (never shown), so 'policy evaluate' compares the two on the same situations."})
  static final class Shadow implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "fixed, linucb, thompson, egreedy or conservative") String name;
    @Option(names = "--off", description = "Stop it ranking in the shadow.") boolean off;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        List<String> shadows = autonomy.policies().shadow(name, !off);
        autonomy.access().record(AccessLog.CLI, "rule", (off ? "shadow policy removed " : "shadow policy added ") + name);
        Session.out(spec).printf("%s %s; in the shadow of %s now: %s%n", name, off ? "no longer ranks in the shadow"
            : "ranks in the shadow from the next request", autonomy.policies().liveName(),
            shadows.isEmpty() ? "none" : String.join(", ", shadows));
      }
      return 0;
    }
  }

  @Command(name = "switch", mixinStandardHelpOptions = true,
      description = "Make a policy live (fixed, linucb, thompson, egreedy, conservative); the switch is recorded.")
  static final class Switch implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        PolicyBook.Switch made = autonomy.policies().switchTo(name);
        autonomy.access().record(AccessLog.CLI, "rule", "live policy switched to " + made.to());
        Session.out(spec).printf("live policy: %s (was %s), recorded at %s%n", made.to(), made.from(), made.at());
      }
      return 0;
    }
  }

  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = {"Start every learned policy afresh from the hand weights and make the fixed one live (what",
          "repairs damaged saved policies); your decision log and feedback are kept."})
  static final class Reset implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        PolicyBook.Switch made = autonomy.policies().reset();
        Session.out(spec).printf("policies reset at %s: the fixed hand weights are live, learned policies start afresh%n",
            made.at());
      }
      return 0;
    }
  }

  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = {"Estimate from your own log how a policy would have done on the top slot, against the live one.",
          "Only lists logged with their candidates whose top item got feedback count; the reward is that feedback's",
          "satisfaction (0..1). Where the policy was live or in the shadow, its own logged choices are used;",
          "elsewhere it is replayed from its prior on your feedback in time order."})
  static final class Evaluate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "fixed, linucb, thompson, egreedy or conservative") String name;
    @Option(names = "--days", paramLabel = "N", description = "Look back N days (default ${DEFAULT-VALUE}).")
    int days = PolicyBook.EVALUATION_DAYS;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        PolicyEvaluation.Result r = autonomy.policies().evaluate(name, days);
        if (json) {
          Session.json(spec, r);
          return 0;
        }
        PrintWriter out = Session.out(spec);
        out.printf("%s on the top slot: %d list(s) with feedback on their top item, of %d logged with candidates in %d day(s)"
            + " (shown by %s)%n", r.policy(), r.evaluable(), r.lists(), r.days(), String.join(", ",
            r.logged().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        for (Estimate e : r.estimates()) {
          out.printf(Locale.ROOT, "  %-6s %.3f  [%.3f, %.3f]%s%n", e.estimator().code(), e.value(), e.low(), e.high(),
              e == r.estimates().get(0) ? "  (default)" : "");
        }
        out.printf("  its choices: %s%n", String.join(", ", r.targetFrom().entrySet().stream()
            .map(e -> e.getKey() + " on " + e.getValue() + " list(s)").toList()));
        Comparison c = r.comparison();
        out.printf(Locale.ROOT, "against the live policy (%s): %.3f vs %.3f, difference %+.3f [%+.3f, %+.3f]: %s%n",
            c.estimator().code(), c.a(), c.b(), c.difference(), c.low(), c.high(), r.verdict());
      }
      return 0;
    }
  }
}
