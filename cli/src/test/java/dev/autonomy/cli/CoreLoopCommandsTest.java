package dev.autonomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.vault.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The core loop's commands as a person runs them, in order, on one vault: output and exit codes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoreLoopCommandsTest {
  @TempDir static Path dir;
  static Path home;
  static DemoFiles.Written files;

  record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return Json.mapper().readTree(out);
    }
  }

  static Run run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void files() throws Exception {
    home = dir.resolve("home");
    SplittableRandom random = new SplittableRandom(11);
    files = DemoFiles.write(dir.resolve("files"), SyntheticPerson.generate(LocalDate.now(), 45, random.split()),
        ZoneId.systemDefault(), random.split());
  }

  @Test
  @Order(1)
  void import_eachFile_thenAgainAddsNothing() {
    for (Path f : files.all()) {
      Run r = run("--home", home.toString(), "import", f.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("imported " + f.getFileName());
    }
    // --home after the subcommand works too.
    Run again = run("import", files.eventsCsv().toString(), "--home", home.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains(" 0 added");
  }

  @Test
  @Order(2)
  void quality_listsEveryKindWithCoverage() throws Exception {
    Run r = run("--home", home.toString(), "quality", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode kinds = r.json().get("kinds");
    assertThat(kinds).isNotEmpty();
    assertThat(kinds.findValuesAsText("kind")).contains("steps", "sleep", "purchase");
    assertThat(kinds.get(0).has("coverage_percent")).isTrue();
  }

  @Test
  @Order(3)
  void desires_jsonHasTypeIntensityConfidence_andEvalHasTheBaselines() throws Exception {
    Run r = run("--home", home.toString(), "desires", "--context", "place=outdoor", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode desires = r.json().get("desires");
    assertThat(desires.findValuesAsText("type")).contains("move", "rest");
    for (JsonNode d : desires) {
      assertThat(d.get("intensity").asDouble()).isBetween(0.0, 1.0);
      assertThat(d.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }
    Run eval = run("--home", home.toString(), "desires", "--eval", "--json");
    assertThat(eval.exit()).as(eval.err()).isZero();
    JsonNode row = eval.json().get("eval").get(0);
    for (String field : new String[] {"desire", "days", "model_mae", "baseline_mean_mae", "baseline_yesterday_mae",
        "baseline_median_mae", "model_ci_low", "model_ci_high", "baseline_mean_ci_low", "baseline_mean_ci_high",
        "baseline_median_ci_low", "baseline_median_ci_high", "baseline_yesterday_ci_low", "baseline_yesterday_ci_high",
        "diff_mean_ci_low", "diff_mean_ci_high", "diff_median_ci_low", "diff_median_ci_high", "diff_yesterday_ci_low",
        "diff_yesterday_ci_high", "best_baseline", "verdict"}) {
      assertThat(row.has(field)).as(field).isTrue();
    }
    for (JsonNode e : eval.json().get("eval")) {
      assertThat(e.get("model_mae").asDouble())
          .isBetween(e.get("model_ci_low").asDouble() - 1e-12, e.get("model_ci_high").asDouble() + 1e-12);
      assertThat(e.get("verdict").asText()).matches("beats all|cannot tell|worse than (mean|median|yesterday)");
    }
    Run text = run("--home", home.toString(), "desires", "--eval");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("model MAE [95% CI]", "baseline median", "model - best baseline", "verdict")
        .containsAnyOf("beats all", "cannot tell", "worse than");
    for (JsonNode e : eval.json().get("eval")) {
      assertThat(text.out().lines().filter(l -> l.startsWith(e.get("desire").asText() + " ")))
          .as("the text row of %s ends with its verdict", e.get("desire").asText())
          .singleElement().asString().endsWith(e.get("verdict").asText());
    }
  }

  @Test
  @Order(4)
  void recommend_whyAndFeedback_roundTrip() throws Exception {
    Run r = run("--home", home.toString(), "recommend", "--context", "place=indoor", "--limit", "5", "--json", "--seed", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode recs = r.json().get("recommendations");
    assertThat(recs).hasSize(5);
    JsonNode first = recs.get(0);
    for (String field : new String[] {"id", "option", "desire", "score", "confidence", "explanation"}) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(first.get("explanation").get("contributions")).isNotEmpty();
    String id = first.get("id").asText();

    Run why = run("--home", home.toString(), "why", id);
    assertThat(why.exit()).as(why.err()).isZero();
    assertThat(why.out()).contains(id, "Inputs", "Your rules", "Data it rests on");

    Run fb = run("--home", home.toString(), "feedback", id, "--done", "--rating", "4");
    assertThat(fb.exit()).as(fb.err()).isZero();
    Run whyAfter = run("--home", home.toString(), "why", id, "--json");
    assertThat(whyAfter.json().get("feedback_since")).hasSize(1);

    // The same seed again: the seed fixes the exploration draw, never the ids, so nothing clashes in the log.
    Run again = run("--home", home.toString(), "recommend", "--context", "place=indoor", "--limit", "5", "--json", "--seed", "1");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.json().get("recommendations").get(0).get("id").asText()).isNotEqualTo(id);
  }

  @Test
  @Order(4)
  void recommend_neverShowsAnOptionOverTheStatedBudget_andWhyListsWhatTheLimitLeftOut() throws Exception {
    Run r = run("--home", home.toString(), "recommend", "--context", "budget=10,free_minutes=45", "--limit", "30", "--explore", "0", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode recs = r.json().get("recommendations");
    assertThat(recs).isNotEmpty();
    for (JsonNode rec : recs) {
      assertThat(rec.get("option").get("cost").asDouble()).as(rec.toString()).isLessThanOrEqualTo(10);
      assertThat(rec.get("option").get("minutes").asInt()).as(rec.toString()).isLessThanOrEqualTo(45);
    }
    JsonNode budget = r.json().get("limits").get(0);
    assertThat(budget.get("limit").asText()).isEqualTo("budget");
    assertThat(budget.get("soft").asBoolean()).isFalse();
    assertThat(budget.get("over").toString()).contains("{\"optionId\":\"running-shoes\",\"reason\":\"costs 90 > budget 10\"}");
    assertThat(r.json().get("limits").get(1).get("over").toString()).contains("takes 120 min > free_minutes 45");
    assertThat(recs.size()).isEqualTo(r.json().get("eligible").asInt());

    Run text = run("--home", home.toString(), "recommend", "--context", "budget=10", "--limit", "3", "--explore", "0");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("within your rules and stated limits", "stated budget 10 left out: ", "running-shoes (costs 90 > budget 10)");

    String id = recs.get(0).get("id").asText();
    Run why = run("--home", home.toString(), "why", id);
    assertThat(why.exit()).as(why.err()).isZero();
    assertThat(why.out()).contains("Your stated limits:", "  stated budget 10 left out: ", "running-shoes (costs 90 > budget 10)",
        "  stated free_minutes 45 left out: ", "museum (takes 120 min > free_minutes 45)");
    Run whyJson = run("--home", home.toString(), "why", id, "--json");
    JsonNode limits = whyJson.json().get("explanation").get("limits");
    assertThat(limits.get(0).get("over").toString()).contains("running-shoes", "costs 90 > budget 10");
    assertThat(limits).isEqualTo(r.json().get("limits"));
  }

  @Test
  @Order(4)
  void recommend_withSoftLimits_keepsOverLimitOptionsScoredDown() throws Exception {
    Run r = run("--home", home.toString(), "recommend", "--context", "budget=10,limits=soft", "--limit", "1000", "--explore", "0", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode shoes = null;
    for (JsonNode rec : r.json().get("recommendations")) {
      if (rec.get("option").get("id").asText().equals("running-shoes")) {
        shoes = rec;
      }
    }
    assertThat(shoes).as("running-shoes kept under limits=soft").isNotNull();
    assertThat(shoes.get("explanation").get("summary").asText()).contains("costs 90 > budget 10", "limits=soft", "scored down");
    assertThat(r.json().get("limits").get(0).get("soft").asBoolean()).isTrue();
    Run text = run("--home", home.toString(), "recommend", "--context", "budget=10,limits=soft", "--limit", "3", "--explore", "0");
    assertThat(text.out()).contains("stated budget 10 (limits=soft) scored down: ", "running-shoes (costs 90 > budget 10)");
  }

  @Test
  @Order(4)
  void recommend_aContextValueOfTheWrongTypeOrAnUnknownKey_exits2_andWritesNothing() throws Exception {
    int before = run("--home", home.toString(), "audit", "--json").json().get("loggedInAll").asInt();
    Run budget = run("--home", home.toString(), "recommend", "--context", "budget=lots");
    assertThat(budget.exit()).isEqualTo(2);
    assertThat(budget.err().strip()).startsWith("autonomy: context budget='lots': expected money you are willing to spend").doesNotContain("\n");
    Run limits = run("--home", home.toString(), "recommend", "--context", "budget=10,limits=maybe");
    assertThat(limits.exit()).isEqualTo(2);
    assertThat(limits.err().strip()).startsWith("autonomy: context limits='maybe': expected hard or soft");
    Run company = run("--home", home.toString(), "recommend", "--context", "company=friends");
    assertThat(company.exit()).isEqualTo(2);
    assertThat(company.err().strip()).isEqualTo(
        "autonomy: context: unknown key 'company'; known keys: place, weather, free_minutes, budget, limits, at, mood, quiet, activity");
    int after = run("--home", home.toString(), "audit", "--json").json().get("loggedInAll").asInt();
    assertThat(after).isEqualTo(before);
  }

  @Test
  @Order(4)
  void ask_readsEnglishAndChineseIntoDesireAndContext() throws Exception {
    Run en = run("--home", home.toString(), "ask", "I want to go for a run", "--json");
    assertThat(en.exit()).as(en.err()).isZero();
    assertThat(en.json().get("understood").get("desire").asText()).isEqualTo("move");
    assertThat(en.json().get("recommendations").get(0).get("option").get("id").asText()).isEqualTo("park-run");
    Run zh = run("--home", home.toString(), "ask", "想找个安静的地方看书", "--json");
    assertThat(zh.exit()).as(zh.err()).isZero();
    assertThat(zh.json().get("understood").get("desire").asText()).isEqualTo("rest");
    assertThat(zh.json().get("recommendations").get(0).get("option").get("id").asText()).isEqualTo("quiet-reading");
  }

  @Test
  @Order(5)
  void rules_removeOptionsFromRecommendations() throws Exception {
    assertThat(run("--home", home.toString(), "rule", "add", "never swim").exit()).isZero();
    assertThat(run("--home", home.toString(), "rule", "add", "max 45 minutes on weekdays").exit()).isZero();
    Run list = run("--home", home.toString(), "rule", "list");
    assertThat(list.out()).contains("r1", "never swim", "r2");
    Run r = run("--home", home.toString(), "recommend", "--context", "place=indoor,at=2026-11-30T18:00", "--limit", "30", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("recommendations").findValuesAsText("id")).isNotEmpty();
    for (JsonNode rec : r.json().get("recommendations")) {
      assertThat(rec.get("option").get("id").asText()).isNotEqualTo("swim");
      assertThat(rec.get("option").get("minutes").asInt()).isLessThanOrEqualTo(45);
    }
    assertThat(run("--home", home.toString(), "rule", "remove", "r1").exit()).isZero();
    assertThat(run("--home", home.toString(), "rule", "list").out()).doesNotContain("never swim");
  }

  @Test
  @Order(6)
  void recommendNoRank_laysOutTheAllowedOptionsWithoutAPick_logsNoList_andTheAuditCountsIt() throws Exception {
    int logged = run("--home", home.toString(), "audit", "--json").json().get("loggedInAll").asInt();
    Run text = run("--home", home.toString(), "recommend", "--no-rank", "--context", "at=2026-11-30T18:00");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("to choose from yourself", "not by what the model expects you to like", "rule r2")
        .doesNotContain("score", "confidence");
    Run json = run("--home", home.toString(), "recommend", "--no-rank", "--context", "at=2026-11-30T18:00", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.json().get("ranked").asBoolean()).isFalse();
    assertThat(json.json().get("options")).isNotEmpty();
    for (JsonNode o : json.json().get("options")) {
      // rule r2, "max 45 minutes on weekdays", holds on this Monday
      assertThat(o.get("minutes").asInt()).isLessThanOrEqualTo(45);
      assertThat(o.has("score")).isFalse();
    }
    Run both = run("--home", home.toString(), "recommend", "--no-rank", "--with-plan");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--no-rank lays out the options only");
    Run audit = run("--home", home.toString(), "audit", "--json");
    assertThat(audit.json().get("loggedInAll").asInt()).isEqualTo(logged);
    JsonNode recent = audit.json().get("findings").get("dependence").get("recent");
    assertThat(recent.get("selfDecided").asInt()).isEqualTo(2);
    assertThat(run("--home", home.toString(), "audit").out()).contains("chose-self", "chose for yourself from unranked options 2 times");
  }

  @Test
  @Order(6)
  void audit_accountsForEveryItemShownAndTheFeedbackGiven() throws Exception {
    Run audit = run("--home", home.toString(), "audit", "--json");
    assertThat(audit.exit()).as(audit.err()).isZero();
    JsonNode f = audit.json().get("findings");
    JsonNode exposure = f.get("exposure");
    int shown = exposure.get("rankedShown").asInt();
    assertThat(shown).isPositive();
    int byDesire = 0;
    for (JsonNode d : exposure.get("desires")) {
      byDesire += d.get("shown").asInt();
    }
    assertThat(byDesire).isEqualTo(shown);
    // One "done, rating 4" was given in recommend_whyAndFeedback_roundTrip, nothing else.
    JsonNode outcomes = f.get("outcomes");
    assertThat(outcomes.get("done").asInt()).isEqualTo(1);
    assertThat(outcomes.get("meanRating").asDouble()).isEqualTo(4.0);
    assertThat(f.get("dependence").get("verdict").asText()).isNotBlank();

    Run text = run("--home", home.toString(), "audit");
    assertThat(text.out()).contains("EXPOSURE AND BIAS", "OUTCOMES", "DEPENDENCE WATCH");
    Run bad = run("--home", home.toString(), "audit", "--days", "0");
    assertThat(bad.exit()).isEqualTo(2);
  }

  @Test
  @Order(6)
  void badInput_exitsNonZeroWithOneLineNamingWhat() {
    Run missing = run("--home", home.toString(), "import", dir.resolve("nope.csv").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().strip()).contains("nope.csv").doesNotContain("\n").doesNotContain("Exception");

    Run place = run("--home", home.toString(), "recommend", "--context", "place=underwater");
    assertThat(place.exit()).isEqualTo(2);
    assertThat(place.err()).contains("place", "indoor, outdoor or any");

    Run unknownKey = run("--home", home.toString(), "desires", "--context", "plcae=indoor");
    assertThat(unknownKey.exit()).isEqualTo(2);
    assertThat(unknownKey.err()).contains("plcae");

    Run rule = run("--home", home.toString(), "rule", "add", "be", "nice");
    assertThat(rule.exit()).isEqualTo(2);
    assertThat(rule.err()).contains("be nice", "never WORD");

    Run fb = run("--home", home.toString(), "feedback", "rec-nothing", "--done");
    assertThat(fb.exit()).isEqualTo(2);
    assertThat(fb.err()).contains("rec-nothing");

    Run rating = run("--home", home.toString(), "feedback", "rec-nothing", "--done", "--rating", "9");
    assertThat(rating.exit()).isEqualTo(2);
  }

  @Test
  @Order(7)
  void exportThenForget() throws Exception {
    Path out = dir.resolve("export");
    Run export = run("--home", home.toString(), "export", out.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(out.resolve("signals.csv")).exists();
    assertThat(out.resolve("recommendations.jsonl")).exists();
    // the two uses of "decide myself" (order 6) are part of what the person gets back
    assertThat(Json.mapper().readTree(out.resolve("self-choices.json").toFile())).hasSize(2);

    Run forget = run("--home", home.toString(), "forget", "--source", "spending.csv");
    assertThat(forget.exit()).as(forget.err()).isZero();
    Run quality = run("--home", home.toString(), "quality", "--json");
    assertThat(quality.json().get("sources").findValuesAsText("name")).doesNotContain("spending.csv");

    Run unconfirmed = run("--home", home.toString(), "forget", "--all");
    assertThat(unconfirmed.exit()).isEqualTo(2);
    assertThat(unconfirmed.err()).contains("--yes");
    assertThat(home.resolve("vault.db")).exists();

    Run all = run("--home", home.toString(), "forget", "--all", "--yes");
    assertThat(all.exit()).as(all.err()).isZero();
    try (var s = Files.list(home)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void forgetAll_refusesAFolderThatIsNotAVault_andDeletesNothing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".bashrc"), "export PATH=$PATH\n");
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs").resolve("letter.txt"), "dear");
    Files.writeString(dir.resolve("vault.db"), "not a database, a file of mine with that name");

    Run forget = run("--home", dir.toString(), "forget", "--all", "--yes");

    assertThat(forget.exit()).isEqualTo(2);
    assertThat(forget.err()).contains("not an Autonomy vault").contains("nothing deleted");
    assertThat(dir.resolve(".bashrc")).hasContent("export PATH=$PATH");
    assertThat(dir.resolve("docs").resolve("letter.txt")).hasContent("dear");
    assertThat(dir.resolve("vault.db")).exists();
  }

  @Test
  void forgetAll_inAFolderSharedWithOtherFiles_deletesOnlyTheVaultsOwn(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".bashrc"), "export PATH=$PATH\n");
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs").resolve("letter.txt"), "dear");
    Run rule = run("--home", dir.toString(), "rule", "add", "never swim");
    assertThat(rule.exit()).as(rule.err()).isZero();
    assertThat(dir.resolve(".autonomy-vault")).exists();

    Run forget = run("--home", dir.toString(), "forget", "--all", "--yes");

    assertThat(forget.exit()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("left alone 2 entries");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".bashrc", "docs");
    }
    assertThat(dir.resolve("docs").resolve("letter.txt")).hasContent("dear");
  }
}
