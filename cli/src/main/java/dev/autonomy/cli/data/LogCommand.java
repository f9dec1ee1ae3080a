package dev.autonomy.cli.data;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.data.LogRetention;
import dev.autonomy.vault.DecisionLog;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "log", mixinStandardHelpOptions = true,
    description = {"The decision log: every list shown, with what it was chosen from, and your feedback.",
        "Without a subcommand: how much it holds and how long it keeps it."},
    subcommands = {LogCommand.Keep.class})
public final class LogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Option(names = "--json", description = "Print one JSON object.") boolean json;

  @Override
  public Integer call() {
    try (Autonomy autonomy = Session.open(spec)) {
      LogRetention.Report report = autonomy.log().report();
      DecisionLog.Size size = report.size();
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", size);
        out.put("keep_days", report.keepDays().isPresent() ? report.keepDays().getAsInt() : null);
        Session.json(spec, out);
        return 0;
      }
      PrintWriter out = Session.out(spec);
      out.printf(Locale.ROOT, "%d list(s) shown, %d recommendation(s), %d shadow list(s), %d piece(s) of feedback: %.1f KB%s%n",
          size.lists(), size.recommendations(), size.shadowLists(), size.feedback(), size.bytes() / 1024.0,
          size.oldest().map(o -> ", the oldest from " + o).orElse(""));
      out.println(report.keepDays().isPresent() ? "keeps the last " + report.keepDays().getAsInt() + " day(s)"
          : "keeps everything (set a retention with: autonomy log keep DAYS)");
    }
    return 0;
  }

  @Command(name = "keep", mixinStandardHelpOptions = true,
      description = {"How long the log keeps what was shown and your feedback on it: DAYS (1..3650), or 'all'.",
          "Older lists go at once and from then on; models keep what they learned from them."})
  static final class Keep implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "DAYS|all") String days;

    @Override
    public Integer call() {
      OptionalInt keep = parse(days);
      try (Autonomy autonomy = Session.open(spec)) {
        DecisionLog.Pruned pruned = autonomy.log().keep(keep);
        Session.out(spec).printf("the log keeps %s; removed now: %d list(s), %d recommendation(s), %d piece(s) of feedback%n",
            keep.isPresent() ? "the last " + keep.getAsInt() + " day(s)" : "everything", pruned.lists(),
            pruned.recommendations(), pruned.feedback());
      }
      return 0;
    }

    private static OptionalInt parse(String days) {
      if ("all".equals(days)) {
        return OptionalInt.empty();
      }
      try {
        return OptionalInt.of(Integer.parseInt(days));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("DAYS must be a whole number of days or 'all', was '" + days + "'", e);
      }
    }
  }
}
