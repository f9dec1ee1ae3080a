package dev.autonomy.cli.desire;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.desire.Goals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "goals", mixinStandardHelpOptions = true,
    description = {"Show or set your stated goals: how strongly you want each desire (0..1).",
        "They are the model's prior while there is little data, e.g. 'autonomy goals move=0.7 save=0.6'."})
public final class GoalsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DESIRE=LEVEL", arity = "0..*", description = "move, rest, explore, buy, save = 0..1")
  List<String> goals = new ArrayList<>();

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      if (!goals.isEmpty()) {
        Goals g = autonomy.goals();
        for (String item : goals) {
          int eq = item.indexOf('=');
          if (eq <= 0) {
            throw new InvalidInputException("goal '" + item + "': expected DESIRE=LEVEL, e.g. move=0.7");
          }
          double level;
          try {
            level = Double.parseDouble(item.substring(eq + 1));
          } catch (NumberFormatException e) {
            throw new InvalidInputException("goal '" + item + "': level must be a number in 0..1");
          }
          if (!(level >= 0 && level <= 1)) {
            throw new InvalidInputException("goal '" + item + "': level must be in 0..1");
          }
          g = g.with(DesireType.fromCode(item.substring(0, eq)), level);
        }
        autonomy.setGoals(g);
      }
      var current = autonomy.goals().intensities();
      if (current.isEmpty()) {
        Session.out(spec).println("no goals stated; the model starts from your data alone");
      }
      current.forEach((type, level) -> Session.out(spec).printf(Locale.ROOT, "%-8s %.2f%n", type.code(), level));
    }
    return 0;
  }
}
