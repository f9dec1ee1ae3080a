package dev.autonomy.engine.demo;

import dev.autonomy.core.desire.Contribution;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.core.feedback.Outcome;
import dev.autonomy.core.recommend.Recommendation;
import dev.autonomy.core.recommend.RuleApplication;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.DesiresNow;
import dev.autonomy.engine.rank.Ranking;
import dev.autonomy.engine.rank.RankingPolicy;
import dev.autonomy.engine.situation.StatedUse;
import dev.autonomy.vault.ImportResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The README's main job: a whole turn of the loop on a seeded synthetic person, in a throw-away
 * vault, through the same importers, models and ranker a person's own data goes through.
 */
public final class Demo {
  public static final int DAYS = 90;

  private Demo() {}

  /** Runs the demo in {@code workDir} (files under files/, the vault under vault/). */
  public static void run(PrintWriter out, Path workDir, long seed, Clock clock) throws IOException {
    run(out, workDir, seed, clock, dev.autonomy.vault.PassphraseSource.none());
  }

  /** As {@link #run(PrintWriter, Path, long, Clock)}, the vault encrypted when {@code passphrases} gives one. */
  public static void run(PrintWriter out, Path workDir, long seed, Clock clock,
      dev.autonomy.vault.PassphraseSource passphrases) throws IOException {
    long started = System.nanoTime();
    LocalDate today = LocalDate.now(clock);
    SplittableRandom random = new SplittableRandom(seed);
    List<SyntheticDay> days = SyntheticPerson.generate(today, DAYS, random.split());
    DemoFiles.Written files = DemoFiles.write(workDir.resolve("files"), days, clock.getZone(), random.split());
    out.printf("== 1. A synthetic person: %d days (%s to %s), seed %d, written as real files%n", DAYS, days.get(0).date(),
        days.get(days.size() - 1).date(), seed);
    for (Path f : files.all()) {
      out.printf("   %-14s %8.1f KB%n", f.getFileName(), Files.size(f) / 1024.0);
    }

    try (Autonomy autonomy = Autonomy.open(workDir.resolve("vault"), clock, random.split(), passphrases)) {
      out.println("\n== 2. Import through the real importers (one transaction each)");
      for (Path f : files.all()) {
        ImportResult r = autonomy.importPath(f, null, null);
        out.printf("   %-14s %-12s %6d read, %6d added, %5d duplicates%n", r.source(), r.report().format(),
            r.report().signalsRead(), r.added(), r.duplicates());
      }
      ImportResult again = autonomy.importPath(files.eventsCsv(), null, null);
      out.printf("   re-import of %s: %d added (idempotent)%n", again.source(), again.added());

      out.println("\n== 3. Data quality");
      for (String line : autonomy.quality().toText().split("\n")) {
        out.println("   " + line);
      }

      Situation morning = new Situation(today.atTime(7, 0).atZone(clock.getZone()), Map.of());
      out.printf("%n== 4a. The wish to move across the day (%s)%n", autonomy.desiresNow(morning).basis().get(DesireType.MOVE));
      for (int hour : new int[] {7, 12, 18, 22}) {
        Situation moment = new Situation(today.atTime(hour, 0).atZone(clock.getZone()), Map.of());
        Desire move = autonomy.desires(moment).stream().filter(d -> d.type() == DesireType.MOVE).findFirst().orElseThrow();
        Contribution top = move.contributions().isEmpty() ? null : move.contributions().get(0);
        out.printf(Locale.ROOT, "   %02d:00  move %.2f (confidence %.2f)%s%n", hour, move.intensity(), move.confidence(),
            top == null ? "" : "  top input: " + top.input() + " (" + top.meaning() + ")");
      }

      ZonedDateTime evening = today.atTime(LocalTime.of(18, 0)).atZone(clock.getZone());
      out.println("\n== 4b. What the situation does to this person, learned from their weather file and where their workouts were");
      for (Map<String, String> stated : List.of(Map.of("weather", "sun"), Map.of("weather", "rain"),
          Map.of("place", "indoor"), Map.of("place", "outdoor"))) {
        DesiresNow now = autonomy.desiresNow(new Situation(evening, stated));
        StringBuilder line = new StringBuilder();
        for (Desire d : now.desires()) {
          line.append(String.format(Locale.ROOT, "  %s %.2f", d.type().code(), d.intensity()));
        }
        String said = stated.entrySet().iterator().next().toString();
        out.printf("   %-16s%s%n", said, line);
        for (StatedUse use : now.stated()) {
          out.printf("      %s%n", use.used() ? "used: " + use.why() : "not used: " + use.why());
        }
        now.desires().stream().flatMap(d -> d.contributions().stream()).filter(c -> c.input().equals(said))
            .findFirst().ifPresent(c -> out.printf("      why: %s%n", c.meaning()));
      }
      for (String place : List.of("indoor", "outdoor")) {
        Situation situation = new Situation(evening, Map.of("place", place, "free_minutes", "60"));
        out.printf("%n== 4. Desires and recommendations, %s, %s, 60 free minutes%n", evening.toLocalDate(), place);
        for (Desire d : autonomy.desires(situation)) {
          Contribution top = d.contributions().isEmpty() ? null : d.contributions().get(0);
          out.printf(Locale.ROOT, "   %-8s %.2f (confidence %.2f)%s%n", d.type().code(), d.intensity(), d.confidence(),
              top == null ? "" : String.format(Locale.ROOT, "  top input: %s = %.2f x %.3f", top.input(), top.value(), top.weight()));
        }
        Ranking ranking = autonomy.recommend(situation, new RankingPolicy(3, 0.1));
        printRanking(out, ranking);
        out.println("   ...and if it is movement you want (recommend --desire move):");
        printRanking(out, autonomy.recommend(situation, new RankingPolicy(2, 0), java.util.Optional.of(DesireType.MOVE)));
      }

      out.println("\n== 5. Your rules are hard constraints");
      autonomy.addRule("never swim");
      autonomy.addRule("max 45 minutes on weekdays");
      Situation weekdayIndoor = new Situation(nextWeekday(evening), Map.of("place", "indoor"));
      Ranking ruled = autonomy.recommend(weekdayIndoor, new RankingPolicy(3, 0));
      out.printf("   rules: %s; on %s indoors:%n", autonomy.rules().stream().map(r -> r.id() + " \"" + r.text() + "\"").toList(),
          weekdayIndoor.at().getDayOfWeek().toString().toLowerCase(Locale.ROOT));
      printRanking(out, ruled);

      out.println("\n== 6. Feedback: the engine learns at once");
      // Three evenings: each time the person is shown the list, does the disliked option if it is
      // there and rates it 1/5 (feedback counts once per recommendation, so each rating is on its own showing).
      Recommendation disliked = ruled.recommendations().get(0);
      String dislikedId = disliked.option().id();
      autonomy.feedback(disliked.id(), Outcome.DONE, OptionalInt.of(1));
      out.printf("   evening 1: did '%s' and rated it 1/5%n", disliked.option().name());
      for (int night = 2; night <= 3; night++) {
        List<Recommendation> shown = autonomy.recommend(weekdayIndoor, new RankingPolicy(3, 0)).recommendations();
        Optional<Recommendation> shownAgain = shown.stream().filter(r -> r.option().id().equals(dislikedId)).findFirst();
        if (shownAgain.isPresent()) {
          autonomy.feedback(shownAgain.get().id(), Outcome.DONE, OptionalInt.of(1));
          disliked = shownAgain.get();
          out.printf("   evening %d: shown again at #%d; did it, rated 1/5 again%n", night, shown.indexOf(disliked) + 1);
        } else {
          out.printf("   evening %d: no longer among the top 3%n", night);
        }
      }
      Ranking after = autonomy.recommend(weekdayIndoor, new RankingPolicy(3, 0));
      out.println("   now:");
      printRanking(out, after);
      var why = autonomy.why(disliked.id());
      out.printf(Locale.ROOT, "   why %s: preference for %s is now %.2f after %d feedback%s%n", disliked.id(), dislikedId,
          why.preferenceNow(), why.feedbackCount(), why.feedbackCount() == 1 ? "" : "s");

      out.println("\n== 7. How good is the desire model? (last weeks held out)");
      out.printf("   %-8s %5s %10s %14s %18s%n", "desire", "days", "model_mae", "baseline_mean", "baseline_yesterday");
      for (dev.autonomy.engine.desire.DesireEvaluation.Row r : autonomy.evaluate()) {
        out.printf(Locale.ROOT, "   %-8s %5d %10.4f %14.4f %18.4f%n", r.desire(), r.days(), r.modelMae(), r.baselineMeanMae(), r.baselineYesterdayMae());
      }
    }

    out.println("\n== 8. The founding design's worked example: intensity = 0.8 x (health + exercise) + 0.08 x outdoor (see README)");
    for (WorkedExampleRun.Outcome o : WorkedExampleRun.run(ZonedDateTime.now(clock))) {
      out.printf(Locale.ROOT, "   %-7s inputs (%.1f, %.1f) -> intensity %.2f -> recommends %s%n", o.example().name(),
          o.example().inputs().values().get(0), o.example().inputs().values().get(1), o.desire().intensity(), o.chosen().name());
    }
    out.printf(Locale.ROOT, "%nDone in %.1f s. Vault: %s%n", (System.nanoTime() - started) / 1e9, workDir.resolve("vault"));
    out.flush();
  }

  private static ZonedDateTime nextWeekday(ZonedDateTime t) {
    ZonedDateTime d = t;
    while (d.getDayOfWeek().getValue() > 5) {
      d = d.plusDays(1);
    }
    return d;
  }

  private static void printRanking(PrintWriter out, Ranking ranking) {
    int i = 1;
    for (Recommendation r : ranking.recommendations()) {
      out.printf(Locale.ROOT, "   %d. %-38s score %.2f  confidence %.2f  [%s]%s%n", i++, r.option().name(), r.score(), r.confidence(),
          r.id(), r.explanation().exploration() ? " exploring" : "");
      out.println("      " + r.explanation().summary());
    }
    for (RuleApplication a : ranking.rules()) {
      if (!a.removed().isEmpty()) {
        out.printf("      rule %s \"%s\" removed %s%n", a.ruleId(), a.ruleText(), a.removed());
      }
    }
  }
}
