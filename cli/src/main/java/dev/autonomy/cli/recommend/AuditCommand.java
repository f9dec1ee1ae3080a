package dev.autonomy.cli.recommend;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.audit.AuditInputs;
import dev.autonomy.engine.audit.AuditReport;
import dev.autonomy.engine.audit.DependenceWatch;
import dev.autonomy.engine.audit.Exposure;
import dev.autonomy.engine.audit.Outcomes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Self-audit of your decision log: what was shown against what you wanted (bias), how it went,"
        + " and whether you are coming to depend on the recommendations.")
public final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--days", defaultValue = "28", paramLabel = "N", description = "Window in days, ending today (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--epsilon", defaultValue = "0.1", paramLabel = "P",
      description = "Exploration probability the recommendations were asked with, to compare against (default ${DEFAULT-VALUE}, as recommend --explore).")
  double epsilon;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    if (days < 1 || days > AuditInputs.MAX_DAYS) {
      throw new InvalidInputException("--days must be in 1.." + AuditInputs.MAX_DAYS + ", was " + days);
    }
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new InvalidInputException("--epsilon must be in 0..1, was " + epsilon);
    }
    try (Autonomy autonomy = Session.open(spec)) {
      AuditReport report = autonomy.audit(days, epsilon);
      if (json) {
        Session.json(spec, report);
        return 0;
      }
      PrintWriter out = Session.out(spec);
      out.println(report.summary());
      report.findings().ifPresent(f -> {
        exposure(out, f.exposure());
        outcomes(out, f.outcomes());
        dependence(out, f.dependence());
      });
      out.flush();
    }
    return 0;
  }

  private static void exposure(PrintWriter out, Exposure e) {
    out.printf(Locale.ROOT, "%nEXPOSURE AND BIAS%n");
    out.printf(Locale.ROOT, "  %d ranked lists, %d items shown; %d plans offered (%d plan items, counted apart)%n",
        e.requests(), e.rankedShown(), e.plans(), e.planItems());
    if (e.rankedShown() == 0) {
      out.println("  no ranked items in the window: the figures below need ranked recommendations");
      return;
    }
    out.println("  desire    shown  share  wanted  ");
    for (Exposure.DesireExposure d : e.desires()) {
      out.printf(Locale.ROOT, "  %-8s %6d %5.0f%%  %6s  %s%n", d.desire().code(), d.shown(), d.shownShare() * 100,
          pct(d.wantedShare()), d.served());
    }
    out.println("  (" + e.servedRule() + ")");
    if (!e.neverShown().isEmpty()) {
      out.println("  never shown: " + e.neverShown().stream().map(t -> t.code()).collect(Collectors.joining(", ")));
    }
    Exposure.Concentration c = e.concentration();
    out.printf(Locale.ROOT, "  %d distinct options of %d in the catalogue; top %d take %.0f%%: %s; Herfindahl %.3f (%.3f if even)%n",
        c.distinctOptions(), c.catalogueSize(), c.top().size(), c.topShare() * 100,
        c.top().stream().map(o -> String.format(Locale.ROOT, "%s %d", o.optionId(), o.shown())).collect(Collectors.joining(", ")),
        c.herfindahl(), 1.0 / Math.max(1, c.distinctOptions()));
    out.println("  places: " + e.places().stream()
        .map(p -> String.format(Locale.ROOT, "%s %d (%.0f%%)", p.place().code(), p.shown(), p.share() * 100))
        .collect(Collectors.joining(", ")));
    Exposure.ExplorationShare x = e.exploration();
    out.printf(Locale.ROOT, "  exploration: %d picks, %.1f%% of items; in %d of %d lists that could explore (%s) vs epsilon %.2f"
            + " (a little under epsilon is expected: a random draw landing on the top pick is not marked)%n",
        x.picks(), x.shareOfShown() * 100, x.listsWithPick(), x.explorableLists(), pct(x.listRate()), x.epsilon());
    if (e.ruleRemovals().isEmpty()) {
      out.println("  your rules removed nothing from these lists");
    } else {
      out.println("  removed by your rules most often:");
      e.ruleRemovals().forEach(r -> out.printf("    %-18s by %s \"%s\" in %d lists%n", r.optionId(), r.ruleId(), r.ruleText(), r.lists()));
    }
  }

  private static void outcomes(PrintWriter out, Outcomes o) {
    out.printf(Locale.ROOT, "%nOUTCOMES%n");
    out.printf(Locale.ROOT, "  feedback on %d of %d items shown (%.0f%%): %d done, %d skipped; mean rating %s (%d ratings)%n",
        o.withFeedback(), o.shown(), o.feedbackRate() * 100, o.done(), o.skipped(),
        o.meanRating().isPresent() ? String.format(Locale.ROOT, "%.2f", o.meanRating().getAsDouble()) : "n/a", o.ratings());
    Outcomes.ExplorationOutcome x = o.exploration();
    out.printf(Locale.ROOT, "  done-rate: exploration picks %s (%d of %d), score-ranked picks %s (%d of %d)%s%n",
        pct(x.exploration().rate()), x.exploration().done(), x.exploration().answered(),
        pct(x.ranked().rate()), x.ranked().done(), x.ranked().answered(),
        x.comparable() ? "" : "; too few answers to compare (needs " + Outcomes.MIN_TO_COMPARE + " in each)");
    Outcomes.PolicyValue v = o.policyValue();
    out.printf(Locale.ROOT, "  logging policy done-rate over %d answered ranked items: plain %s, inverse-propensity weighted (SNIPS) %s%n",
        v.answered(), pct(v.plain()), pct(v.weighted()));
    out.println("  " + v.meaning());
  }

  private static void dependence(PrintWriter out, DependenceWatch d) {
    out.printf(Locale.ROOT, "%nDEPENDENCE WATCH%n");
    out.println("  week                     asked shown chose-self answered done accept  active self-initiated (data days)");
    for (DependenceWatch.Period p : d.weeks()) {
      out.printf(Locale.ROOT, "  %s..%s %5d %5d %10d %8d %4d %6s  %6d %4d = %4s (%d)%n", p.from(), p.to(), p.requests(),
          p.shown(), p.selfDecided(), p.answered(), p.done(), pct(p.acceptance()), p.activeDays(), p.selfInitiatedDays(), pct(p.selfInitiatedShare()), p.dataDays());
    }
    out.println("  " + d.activeDayRule() + ";");
    out.println("  " + d.selfInitiatedRule() + ".");
    out.println("  Rule: " + d.alertRule() + ".");
    out.println("  " + d.verdict());
  }

  private static String pct(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.0f%%", v.getAsDouble() * 100) : "n/a";
  }
}
