package dev.autonomy.cli.desire;

import dev.autonomy.cli.ContextOption;
import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.DesiresNow;
import dev.autonomy.engine.desire.DesireEvaluation;
import dev.autonomy.engine.desire.PairedBootstrap;
import dev.autonomy.engine.moment.MomentEvaluation;
import dev.autonomy.engine.situation.StatedUse;
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
        "With --eval: model error (MAE) on your last weeks, held out, against three naive baselines (your",
        "training mean, your training median, yesterday's value), each with a 95% interval (bootstrap over",
        "the held-out days, seeded), and a verdict: 'beats all', 'worse than <baseline>' or 'cannot tell'.",
        "--eval --json rows: desire, days, model_mae, baseline_mean_mae, baseline_median_mae,",
        "baseline_yesterday_mae; model_ci_low/_high and baseline_{mean,median,yesterday}_ci_low/_high;",
        "diff_{mean,median,yesterday}_ci_low/_high (model MAE minus that baseline's, paired; below 0:",
        "the model is better); best_baseline; verdict."})
public final class DesiresCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin ContextOption context;

  @Option(names = "--eval", description = "Evaluate the model on your held-out last weeks.")
  boolean eval;

  @Option(names = "--blocks", paramLabel = "H",
      description = "With --eval: evaluate the moment-level move model per block of H hours on your last "
          + MomentEvaluation.DEFAULT_TEST_DAYS + " days of timed step data, held out, against your block mean and yesterday"
          + " (--json rows: desire, block_hours, days, model_mae, baseline_block_mean_mae, baseline_yesterday_mae,"
          + " baseline_block_median_mae, model_ci_low, model_ci_high, ratio, ratio_ci_low, ratio_ci_high, verdict).")
  Integer blocks;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      if (blocks != null && !eval) {
        throw new InvalidInputException("--blocks goes with --eval");
      }
      if (eval && blocks != null) {
        MomentEvaluation.Row row = autonomy.evaluateMoments(blocks, MomentEvaluation.DEFAULT_TEST_DAYS);
        if (json) {
          Session.json(spec, Map.of("eval", List.of(row)));
        } else {
          Session.out(spec).printf(Locale.ROOT,
              "move, %d-hour blocks, last %d days held out: model MAE %.4f [%.3f, %.3f]; block mean %.4f, block median %.4f,"
                  + " yesterday %.4f; ratio to the better of block mean and yesterday %.3f [%.3f, %.3f]: %s%n",
              row.blockHours(), row.days(), row.modelMae(), row.modelCiLow(), row.modelCiHigh(), row.baselineBlockMeanMae(),
              row.baselineBlockMedianMae(), row.baselineYesterdayMae(), row.ratio(), row.ratioCiLow(), row.ratioCiHigh(),
              row.verdict());
        }
        return 0;
      }
      if (eval) {
        List<DesireEvaluation.Row> rows = autonomy.evaluate();
        if (json) {
          Session.json(spec, Map.of("eval", rows));
        } else {
          PrintWriter out = Session.out(spec);
          out.printf("%-8s %4s  %-22s %-22s %-22s %-22s  %-36s %s%n", "desire", "days", "model MAE [95% CI]",
              "baseline mean", "baseline median", "baseline yesterday", "model - best baseline [95% CI]", "verdict");
          for (DesireEvaluation.Row r : rows) {
            String best = r.bestBaseline();
            PairedBootstrap.Interval diff = r.difference(best);
            out.printf(Locale.ROOT, "%-8s %4d  %-22s %-22s %-22s %-22s  %-36s %s%n", r.desire(), r.days(),
                cell(r.modelMae(), r.modelCi()), cell(r.baselineMeanMae(), r.baselineMeanCi()),
                cell(r.baselineMedianMae(), r.baselineMedianCi()), cell(r.baselineYesterdayMae(), r.baselineYesterdayCi()),
                String.format(Locale.ROOT, "%+.4f [%+.3f, %+.3f] (%s)", r.modelMae() - r.baselineMae(best), diff.low(),
                    diff.high(), best),
                r.verdict());
          }
          out.println();
          out.println("MAE of the 0..1 intensity on your last days, held out; [95% interval: bootstrap over those days].");
          out.println("'beats all' only when model minus each baseline is below 0 over its whole interval; 'worse than X'");
          out.println("when above 0 against X; otherwise 'cannot tell' (too few days to say).");
        }
        return 0;
      }
      Situation situation = context.situation(autonomy);
      DesiresNow now = autonomy.desiresNow(situation);
      if (json) {
        Session.json(spec, now.view());
      } else {
        PrintWriter out = Session.out(spec);
        out.printf("Desires at %s%s%n", situation.at().withNano(0), situation.stated().isEmpty() ? "" : " " + situation.stated());
        Map<DesireType, String> basis = now.basis();
        for (Desire d : now.desires()) {
          out.printf(Locale.ROOT, "  %-8s %.2f  %s  (confidence %.2f)%n", d.type().code(), d.intensity(), bar(d.intensity()), d.confidence());
          if (d.type() == DesireType.MOVE && basis.containsKey(DesireType.MOVE)) {
            out.printf("           from the %s%n", basis.get(DesireType.MOVE));
          }
          if (d.populationEffect() != 0.0) {
            out.printf(Locale.ROOT, "           %+.3f from the population prior learned with others; %.3f from your own data%n",
                d.populationEffect(), d.intensity() - d.populationEffect());
          }
          for (Contribution c : d.contributions().stream().limit(3).toList()) {
            out.printf(Locale.ROOT, "           %+.3f  %s = %.4g x weight %.4g  (%s)%n", c.effect(), c.input(), c.value(), c.weight(), c.meaning());
          }
        }
        for (StatedUse use : now.stated()) {
          out.printf("  stated %s=%s: %s%s%n", use.key(), use.value(), use.used() ? "used, " : "not used by desires: ", use.why());
        }
      }
    }
    return 0;
  }

  private static String cell(double mae, PairedBootstrap.Interval ci) {
    return String.format(Locale.ROOT, "%.4f [%.3f, %.3f]", mae, ci.low(), ci.high());
  }

  private static String bar(double v) {
    int n = (int) Math.round(v * 20);
    return "#".repeat(n) + ".".repeat(20 - n);
  }
}
