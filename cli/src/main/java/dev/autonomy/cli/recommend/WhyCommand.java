package dev.autonomy.cli.recommend;

import dev.autonomy.cli.Session;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.recommend.Evidence;
import dev.autonomy.core.recommend.Explanation;
import dev.autonomy.core.recommend.LimitApplication;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.learn.Why;
import dev.autonomy.vault.FeedbackRow;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "why", mixinStandardHelpOptions = true,
    description = "Why a recommendation was made: inputs and weights, rules applied, what your stated limits left out, exploration,"
        + " the data behind it, and what your feedback changed since.")
public final class WhyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RECOMMENDATION-ID") String id;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      Why why = autonomy.why(id);
      Recommendation r = why.decision().recommendation();
      if (json) {
        Session.json(spec, why.view());
        return 0;
      }
      PrintWriter out = Session.out(spec);
      Explanation e = r.explanation();
      out.printf(Locale.ROOT, "%s: %s for your wish to %s, score %.2f, confidence %.2f%n", r.id(), r.option().name(), r.desire().code(), r.score(), r.confidence());
      out.printf("shown %s in context %s, by %s%n", why.decision().created(), why.decision().situation(), e.model());
      out.println(e.summary());
      out.println(e.exploration()
          ? String.format(Locale.ROOT, "This was EXPLORATION: picked at random (propensity %.3f) to learn about it.", e.propensity())
          : String.format(Locale.ROOT, "Chosen by score (propensity %.3f).", e.propensity()));
      out.println("Inputs (value x weight = effect):");
      for (Contribution c : e.contributions()) {
        out.printf(Locale.ROOT, "  %+.3f  %-34s %.4g x %.4g  %s%n", c.effect(), c.input(), c.value(), c.weight(), c.meaning());
      }
      out.println("Your rules:");
      if (e.rules().isEmpty()) {
        out.println("  none in force");
      }
      for (RuleApplication a : e.rules()) {
        out.printf("  %s \"%s\": %s%n", a.ruleId(), a.ruleText(), a.removed().isEmpty() ? "removed nothing here" : "removed " + String.join(", ", a.removed()));
      }
      out.println("Your stated limits:");
      if (e.limits().isEmpty()) {
        out.println("  none stated (budget, free_minutes)");
      }
      for (LimitApplication limit : e.limits()) {
        RecommendCommand.printLimit(out, "  ", limit);
      }
      out.println("Data it rests on:");
      if (e.evidence().isEmpty()) {
        out.println("  none yet: the desire came from your stated goals or the neutral prior");
      }
      for (Evidence ev : e.evidence()) {
        out.printf("  %-16s %6d records from %s%s, %s to %s%n", ev.kind(), ev.records(), ev.source(),
            ev.device().isEmpty() ? "" : " (" + ev.device() + ")", ev.from(), ev.to());
      }
      out.printf(Locale.ROOT, "Feedback on %s since: %d; its learned preference is now %.2f (from %d pieces of feedback; 0.50 means none).%n",
          r.option().id(), why.feedbackSince().size(), why.preferenceNow(), why.feedbackCount());
      for (FeedbackRow f : why.feedbackSince()) {
        out.printf("  %s %s%s%n", f.at(), f.outcome().name().toLowerCase(Locale.ROOT),
            f.rating().isPresent() ? " rating " + f.rating().getAsInt() : "");
      }
    }
    return 0;
  }
}
