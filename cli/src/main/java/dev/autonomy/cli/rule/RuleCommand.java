package dev.autonomy.cli.rule;

import dev.autonomy.cli.Session;
import dev.autonomy.core.rule.PersonRule;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.rule.RuleParser;
import dev.autonomy.vault.AccessLog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rule", mixinStandardHelpOptions = true,
    description = {"Your rules: hard constraints that no recommendation or plan may break.",
        "Forms: " + RuleParser.FORMS},
    subcommands = {RuleCommand.Add.class, RuleCommand.ListRules.class, RuleCommand.Remove.class})
public final class RuleCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a rule, e.g. \"never swim\" or \"max 45 minutes on weekdays\".")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "TEXT", arity = "1..*") List<String> words;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        PersonRule rule = autonomy.addRule(String.join(" ", words));
        autonomy.access().record(AccessLog.CLI, "rule", "rule added " + rule.id() + ": " + rule.text());
        Session.out(spec).printf("added %s: %s%n", rule.id(), rule.text());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List your rules.")
  static final class ListRules implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        List<PersonRule> rules = autonomy.rules();
        if (json) {
          Session.json(spec, Map.of("rules", rules));
        } else if (rules.isEmpty()) {
          Session.out(spec).println("no rules");
        } else {
          rules.forEach(r -> Session.out(spec).printf("%-4s %s%n", r.id(), r.text()));
        }
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a rule by id (see 'rule list').")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        autonomy.removeRule(id);
        autonomy.access().record(AccessLog.CLI, "rule", "rule removed " + id);
        Session.out(spec).println("removed " + id);
      }
      return 0;
    }
  }
}
