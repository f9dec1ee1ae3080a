package dev.autonomy.cli.recommend;

import dev.autonomy.cli.ContextOption;
import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.intent.Intent;
import dev.autonomy.text.intent.IntentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true,
    description = {"Say what you want in your own words (English or Chinese), and get recommendations.",
        "An on-device transformer reads the text as a desire and a context, then Autonomy recommends.",
        "E.g. autonomy ask \"I want to go for a run\" or autonomy ask \"想找个安静的地方看书\"."})
public final class AskCommand implements Callable<Integer> {
  /** Context the reader finds that the ranker uses; other keys are shown but not used. */
  private static final Map<String, String> USED = Map.of("place", "place", "quiet", "quiet", "activity", "activity");

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
    String text = String.join(" ", words).strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("ask: say what you want, e.g. autonomy ask \"I want to go for a run\"");
    }
    if (limit < 1) {
      throw new InvalidInputException("--limit must be at least 1, was " + limit);
    }
    Intent intent;
    try (Encoders encoders = Encoders.open()) {
      intent = new IntentReader(encoders).read(text);
    }
    try (Autonomy autonomy = Session.open(spec)) {
      List<String> items = new ArrayList<>();
      intent.context().forEach((k, v) -> {
        if (USED.containsKey(k)) {
          items.add(USED.get(k) + "=" + v);
        }
      });
      Situation situation = context.situation(autonomy, items); // what the person adds wins over what was read
      Ranking ranking = autonomy.recommend(situation, new RankingPolicy(limit, 0.1), Optional.of(intent.desire()));
      if (json) {
        Map<String, Object> understood = new LinkedHashMap<>();
        understood.put("desire", intent.desire().code());
        understood.put("confidence", intent.confidence());
        understood.put("context", intent.context());
        understood.put("language", intent.language());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", text);
        out.put("understood", understood);
        out.put("context", situation.stated());
        out.put("recommendations", ranking.recommendations());
        Session.json(spec, out);
        return 0;
      }
      Session.out(spec).printf(Locale.ROOT, "Understood (%s): you want to %s (confidence %.2f)%s%n", intent.language(), intent.desire().code(),
          intent.confidence(), intent.context().isEmpty() ? "" : ", context " + intent.context());
      RecommendCommand.print(Session.out(spec), situation, ranking);
    }
    return 0;
  }
}
