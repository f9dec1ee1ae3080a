package dev.autonomy.cli.desire;

import dev.autonomy.cli.ContextOption;
import dev.autonomy.cli.Session;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.DesiresNow;
import dev.autonomy.engine.desire.DesireEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "desires", mixinStandardHelpOptions = true,
    description = {"Predicted intensity (0..1) of each desire in a context, with what drove it.",
        "With --eval: model error on your last weeks (held out) against two naive baselines."})
public final class DesiresCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin ContextOption context;

  @Option(names = "--eval", description = "Evaluate the model on your held-out last weeks.")
  boolean eval;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      if (eval) {
        List<DesireEvaluation.Row> rows = autonomy.evaluate();
        if (json) {
          Session.json(spec, Map.of("eval", rows));
        } else {
          PrintWriter out = Session.out(spec);
          out.printf("%-8s %5s %10s %14s %18s%n", "desire", "days", "model_mae", "baseline_mean", "baseline_yesterday");
          for (DesireEvaluation.Row r : rows) {
            out.printf(Locale.ROOT, "%-8s %5d %10.4f %14.4f %18.4f%s%n", r.desire(), r.days(), r.modelMae(), r.baselineMeanMae(),
                r.baselineYesterdayMae(), r.modelMae() < Math.min(r.baselineMeanMae(), r.baselineYesterdayMae()) ? "  (beats both)" : "");
          }
        }
        return 0;
      }
      Situation situation = context.situation(autonomy);
      List<Desire> desires = autonomy.desires(situation);
      if (json) {
        Session.json(spec, new DesiresNow(situation, desires).view());
      } else {
        PrintWriter out = Session.out(spec);
        out.printf("Desires at %s%s%n", situation.at().withNano(0), situation.stated().isEmpty() ? "" : " " + situation.stated());
        for (Desire d : desires) {
          out.printf(Locale.ROOT, "  %-8s %.2f  %s  (confidence %.2f)%n", d.type().code(), d.intensity(), bar(d.intensity()), d.confidence());
          for (Contribution c : d.contributions().stream().limit(3).toList()) {
            out.printf(Locale.ROOT, "           %+.3f  %s = %.4g x weight %.4g  (%s)%n", c.effect(), c.input(), c.value(), c.weight(), c.meaning());
          }
        }
      }
    }
    return 0;
  }

  private static String bar(double v) {
    int n = (int) Math.round(v * 20);
    return "#".repeat(n) + ".".repeat(20 - n);
  }
}
