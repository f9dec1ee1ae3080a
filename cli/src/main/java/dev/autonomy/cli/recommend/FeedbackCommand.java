package dev.autonomy.cli.recommend;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.engine.Autonomy;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "feedback", mixinStandardHelpOptions = true,
    description = "Tell Autonomy what you did with a recommendation; the models learn from it at once.")
public final class FeedbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RECOMMENDATION-ID") String id;

  static final class Done {
    @Option(names = "--done", description = "You did it.") boolean done;
    @Option(names = "--skipped", description = "You did not.") boolean skipped;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Done outcome;

  @Option(names = "--rating", paramLabel = "1..5", description = "How good it was, 1 (bad) to 5 (great).")
  Integer rating;

  @Override
  public Integer call() {
    if (rating != null && (rating < 1 || rating > 5)) {
      throw new InvalidInputException("--rating must be 1..5, was " + rating);
    }
    try (Autonomy autonomy = Session.open(spec)) {
      Outcome o = outcome.done ? Outcome.DONE : Outcome.SKIPPED;
      autonomy.feedback(id, o, rating == null ? OptionalInt.empty() : OptionalInt.of(rating));
      var why = autonomy.why(id);
      Session.out(spec).printf(Locale.ROOT, "thanks: %s %s%s; preference for %s is now %.2f%n", id, o.name().toLowerCase(Locale.ROOT),
          rating == null ? "" : " (rating " + rating + ")", why.decision().recommendation().option().id(), why.preferenceNow());
    }
    return 0;
  }
}
