package dev.autonomy.cli.text;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.text.classify.TextModel;
import dev.autonomy.text.encode.EmbeddingCache;
import dev.autonomy.text.encode.Encoder;
import dev.autonomy.text.encode.Encoders;
import dev.autonomy.text.watch.DayShare;
import dev.autonomy.text.watch.Headline;
import dev.autonomy.text.watch.HeadlineReader;
import dev.autonomy.text.watch.SentimentWatch;
import dev.autonomy.text.watch.WatchRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code autonomy watch sentiment FILE --model M}: negative share per day, with spike alerts. */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    description = {
      "Classify dated headlines (YYYY-MM-DD<TAB>text per line, or JSON lines {\"date\",\"text\"}) with a saved model,"
          + " track the share of negative ones per day, and print an ALERT line when a day spikes above its recent level:",
      "share > mean + max(SIGMAS x sd, MIN-JUMP) of the previous WINDOW days (at least 3 with headlines), on a day with"
          + " at least MIN-HEADLINES headlines."
    })
final class WatchSentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Dated headlines.")
  Path file;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "A sentiment model saved by 'text train'.")
  String model;

  @Option(names = "--negative-label", defaultValue = "negative", paramLabel = "LABEL", description = "(default: ${DEFAULT-VALUE}).")
  String negativeLabel;

  @Option(names = "--window", defaultValue = "7", paramLabel = "DAYS", description = "(default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--sigmas", defaultValue = "2.0", description = "(default: ${DEFAULT-VALUE}).")
  double sigmas;

  @Option(names = "--min-jump", defaultValue = "0.10", paramLabel = "SHARE", description = "(default: ${DEFAULT-VALUE}).")
  double minJump;

  @Option(names = "--min-headlines", defaultValue = "5", paramLabel = "N", description = "(default: ${DEFAULT-VALUE}).")
  int minHeadlines;

  @Option(names = "--json", description = "Print one JSON object (rule, days, alerts).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    WatchRule rule = new WatchRule(negativeLabel, window, sigmas, minJump, minHeadlines, Math.min(3, window));
    TextModel m = Session.textModels(spec).load(model);
    if (!m.labels().contains(negativeLabel)) {
      throw new InvalidInputException("model '" + model + "' has labels " + m.labels() + ", none is '" + negativeLabel
          + "'; pass --negative-label");
    }
    List<Headline> headlines = HeadlineReader.read(file);
    List<DayShare> days;
    try (Encoders encoders = Encoders.open()) {
      Encoder encoder = encoders.get(m.encoder());
      days = new SentimentWatch(rule).watch(headlines, texts -> {
        float[][] x = new EmbeddingCache().embed(encoder, texts);
        List<String> labels = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
          labels.add(m.predict(x[i], texts.get(i)).label());
        }
        return labels;
      });
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("rule", rule.describe());
      out.put("headlines", headlines.size());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (DayShare d : days) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", d.date().toString());
        r.put("headlines", d.headlines());
        r.put("negatives", d.negatives());
        r.put("share", d.share());
        r.put("baseline_mean", Double.isNaN(d.baselineMean()) ? null : d.baselineMean());
        r.put("baseline_sd", Double.isNaN(d.baselineSd()) ? null : d.baselineSd());
        r.put("alert", d.alert());
        rows.add(r);
      }
      out.put("days", rows);
      out.put("alerts", days.stream().filter(DayShare::alert).map(d -> d.date().toString()).toList());
      Session.json(spec, out);
    } else {
      o.println("rule: " + rule.describe());
      for (DayShare d : days) {
        String base = Double.isNaN(d.baselineMean()) ? "baseline -" : String.format(Locale.ROOT, "baseline %.2f sd %.2f", d.baselineMean(), d.baselineSd());
        o.printf(Locale.ROOT, "%s  %3d headlines  %3d %s  share %.2f  %s%n", d.date(), d.headlines(), d.negatives(), negativeLabel, d.share(), base);
        if (d.alert()) {
          o.printf(Locale.ROOT, "ALERT %s: %s share %.2f > %.2f + max(%.1f x %.2f, %.2f) of the previous %d days (%d headlines)%n",
              d.date(), negativeLabel, d.share(), d.baselineMean(), rule.sigmas(), d.baselineSd(), rule.minJump(), rule.window(), d.headlines());
        }
      }
    }
    o.flush();
    return 0;
  }
}
