package dev.autonomy.cli.recommend;

import dev.autonomy.cli.ContextOption;
import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.ask.Answer;
import dev.autonomy.text.intent.Intent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true,
    description = {"Say what you want in your own words (English or Chinese), and get recommendations.",
        "An on-device transformer reads the text as a desire and a context, then Autonomy recommends.",
        "E.g. autonomy ask \"I want to go for a run\" or autonomy ask \"想找个安静的地方看书\"."})
public final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What you want, in a sentence.")
  List<String> words;

  @picocli.CommandLine.Mixin ContextOption context;

  @Option(names = "--limit", defaultValue = "3", description = "How many to show (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      // What the person adds with --context wins over what was read from the text.
      Answer answer = autonomy.ask(String.join(" ", words), context.situation(autonomy), limit);
      if (json) {
        Session.json(spec, answer.view());
        return 0;
      }
      Intent intent = answer.intent();
      Session.out(spec).printf(Locale.ROOT, "Understood (%s%s): you want to %s (confidence %.2f)%s%n", intent.language(),
          answer.reader().equals(Answer.BUILT_IN) ? "" : ", by your model " + answer.reader(), intent.desire().code(),
          intent.confidence(), intent.context().isEmpty() ? "" : ", context " + intent.context());
      RecommendCommand.print(Session.out(spec), answer.situation(), answer.ranking());
    }
    return 0;
  }
}
