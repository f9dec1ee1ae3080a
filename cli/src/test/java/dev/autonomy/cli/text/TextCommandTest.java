package dev.autonomy.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.cli.AutonomyCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The text and watch commands in-process, on a small English sentiment set and the real encoder. */
class TextCommandTest {
  @TempDir static Path home;
  static Path csv;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    if (!cli.getSubcommands().containsKey("watch")) {
      cli.addSubcommand(new WatchCommand());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  static final String[] COMPANIES = {"Nokia", "Fiskars", "Kone", "Stora Enso", "Wartsila", "Elisa", "Orion", "Sampo"};
  static final String[] BAD = {"shares fell after a profit warning", "cut 300 jobs as sales collapsed", "reported a quarterly loss",
      "lost a major customer", "saw orders drop sharply"};
  static final String[] GOOD = {"profit rose strongly this quarter", "won a large new contract", "raised its full-year outlook",
      "reported record sales", "shares jumped on strong demand"};

  @BeforeAll
  static void data() throws IOException {
    StringBuilder b = new StringBuilder("text,label\n");
    for (String c : COMPANIES) {
      for (int i = 0; i < 5; i++) {
        b.append(c).append(' ').append(BAD[i]).append(",negative\n");
        b.append(c).append(' ').append(GOOD[i]).append(",positive\n");
      }
    }
    csv = home.resolve("news.csv");
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void trainEvalClassify_roundTrip() throws IOException {
    Run train = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "news", "--seed", "3", "--json");
    assertThat(train.code()).as(train.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(train.out());
    assertThat(t.has("accuracy")).isTrue();
    assertThat(t.has("macro_f1")).isTrue();
    // English data: both English encoders are tried and the better on dev is kept.
    assertThat(t.get("encoders_compared").toString()).isEqualTo("[\"all-minilm-l6-v2-q\",\"bge-small-en-v15-q\"]");
    assertThat(t.get("encoder").asText()).isIn("all-minilm-l6-v2-q", "bge-small-en-v15-q");
    assertThat(t.get("scores").has("dev_macro_f1[bge-small-en-v15-q]")).isTrue();
    // 80 sentences are fewer than the choice's sample: it sees all of train and dev.
    assertThat(t.get("encoder_choice").get("chosen").asText()).isEqualTo(t.get("encoder").asText());
    assertThat(t.get("encoder_choice").get("train_examples").asInt()).isEqualTo(t.get("train_examples").asInt());
    assertThat(t.get("encoder_choice").get("dev_macro_f1").size()).isEqualTo(2);
    assertThat(t.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.75);
    assertThat(home.resolve("models/text/news.json")).exists();

    Run eval = run("text", "eval", "--model", "news", "--data", csv.toString(), "--format", "csv", "--json");
    assertThat(eval.code()).as(eval.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(eval.out());
    assertThat(e.get("split").asText()).isEqualTo("all");
    assertThat(e.get("examples").asInt()).isEqualTo(80);
    assertThat(e.get("accuracy").asDouble()).isGreaterThan(0.9);
    assertThat(e.get("macro_f1").asDouble()).isGreaterThan(0.9);
    assertThat(e.get("report").get("confusion_matrix").size()).isEqualTo(2);

    Run text = run("text", "eval", "--model", "news", "--data", csv.toString(), "--format", "csv");
    assertThat(text.out()).contains("accuracy").contains("macro avg").contains("confusion matrix");

    Run classify = run("text", "classify", "--model", "news", "Kone shares fell after a profit warning");
    assertThat(classify.code()).isZero();
    assertThat(classify.out()).startsWith("negative\t");

    Path headlines = home.resolve("headlines.tsv");
    StringBuilder h = new StringBuilder();
    for (int d = 1; d <= 8; d++) {
      for (int i = 0; i < 6; i++) {
        boolean bad = d == 8 ? i < 5 : i == 0;
        h.append(String.format("2026-03-%02d\t%s %s%n", d, COMPANIES[i], bad ? BAD[i % 5] : GOOD[i % 5]));
      }
    }
    Files.writeString(headlines, h.toString());
    Run watch = run("watch", "sentiment", headlines.toString(), "--model", "news");
    assertThat(watch.code()).as(watch.err()).isZero();
    assertThat(watch.out()).contains("rule: alert when").contains("ALERT 2026-03-08");
    assertThat(watch.out().lines().filter(l -> l.startsWith("ALERT")).count()).isEqualTo(1);
  }

  @Test
  void evalRejectSweep_showsWhatEachThresholdCosts_andAgreesWithTheModelsOwn() throws IOException {
    StringBuilder b = new StringBuilder("text,label\n");
    String[] other = {"what time is it in Tokyo", "play some jazz music", "how do I boil an egg", "set an alarm for 7",
        "tell me a joke about cats"};
    for (String c : COMPANIES) {
      for (int i = 0; i < 5; i++) {
        b.append(c).append(' ').append(BAD[i]).append(",negative\n");
        b.append(c).append(' ').append(GOOD[i]).append(",positive\n");
      }
    }
    for (int k = 0; k < 4; k++) {
      for (String o : other) {
        b.append(o).append(k == 0 ? "" : " please".repeat(k)).append(",oos\n");
      }
    }
    Path withOos = home.resolve("news-oos.csv");
    Files.writeString(withOos, b.toString(), StandardCharsets.UTF_8);
    Run train = run("text", "train", "--data", withOos.toString(), "--format", "csv", "--out", "news-oos", "--seed", "3");
    assertThat(train.code()).as(train.err()).isZero();

    Run eval = run("text", "eval", "--model", "news-oos", "--data", withOos.toString(), "--format", "csv", "--reject-sweep",
        "--json");
    assertThat(eval.code()).as(eval.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(eval.out());
    JsonNode sweep = e.get("reject_sweep");
    assertThat(sweep.size()).isEqualTo(96);
    assertThat(sweep.get(0).get("threshold").asDouble()).isZero();
    // Rejecting more can only find more of the out-of-scope sentences.
    for (int i = 1; i < sweep.size(); i++) {
      assertThat(sweep.get(i).get("oos_recall").asDouble()).isGreaterThanOrEqualTo(sweep.get(i - 1).get("oos_recall").asDouble());
    }
    // At the model's own threshold the sweep says what the evaluation itself measured.
    int own = (int) Math.round(e.get("model_threshold").asDouble() * 100);
    assertThat(sweep.get(own).get("accuracy").asDouble()).isEqualTo(e.get("accuracy").asDouble());
    assertThat(sweep.get(own).get("oos_recall").asDouble()).isEqualTo(e.get("oos_recall").asDouble());

    Run table = run("text", "eval", "--model", "news-oos", "--data", withOos.toString(), "--format", "csv", "--reject-sweep");
    assertThat(table.out()).contains("reject below | accuracy | in-scope accuracy | oos recall").contains("(the model's)");

    Run noOos = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "plain", "--seed", "3");
    assertThat(noOos.code()).as(noOos.err()).isZero();
    Run refused = run("text", "eval", "--model", "plain", "--data", csv.toString(), "--format", "csv", "--reject-sweep");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("--reject-sweep: model 'plain' has no 'oos' label to reject to");
  }

  @Test
  void trainWithNgrams_savesAWideModelThatEvalsAndClassifies() throws IOException {
    Run train = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "wide", "--seed", "3",
        "--features", "embedding+ngrams", "--json");
    assertThat(train.code()).as(train.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(train.out());
    assertThat(t.get("features").asText()).isEqualTo("embedding+ngrams");
    assertThat(new ObjectMapper().readTree(home.resolve("models/text/wide.json").toFile()).get("head").has("lexical")).isTrue();

    Run eval = run("text", "eval", "--model", "wide", "--data", csv.toString(), "--format", "csv", "--json");
    assertThat(eval.code()).as(eval.err()).isZero();
    assertThat(new ObjectMapper().readTree(eval.out()).get("accuracy").asDouble()).isGreaterThan(0.9);

    Run classify = run("text", "classify", "--model", "wide", "Kone shares fell after a profit warning");
    assertThat(classify.code()).as(classify.err()).isZero();
    assertThat(classify.out()).startsWith("negative\t");

    Run bad = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "x", "--features", "chars");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown features 'chars'");
  }

  @Test
  void badInput_exitsTwoAndWritesNothing() throws IOException {
    Path one = home.resolve("one.csv");
    Files.writeString(one, "text,label\nfine day,ok\ngood day,ok\n");
    Run r = run("text", "train", "--data", one.toString(), "--format", "csv", "--out", "one");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("one.csv: only one label 'ok'");
    assertThat(home.resolve("models/text/one.json")).doesNotExist();

    Run wrong = run("text", "train", "--data", csv.toString(), "--format", "jsonl", "--out", "x");
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("news.csv:1").contains("not JSON");

    Run format = run("text", "train", "--data", csv.toString(), "--format", "xml", "--out", "x");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("unknown format 'xml'");

    Run head = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "x", "--head", "svm");
    assertThat(head.code()).isEqualTo(2);
    assertThat(head.err()).contains("unknown head 'svm'");

    Run encoder = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "x", "--encoder", "gpt-9");
    assertThat(encoder.code()).isEqualTo(2);
    assertThat(encoder.err()).contains("unknown encoder 'gpt-9'");

    Run missing = run("text", "classify", "--model", "nope", "hello");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no text model 'nope'");

    Run empty = run("text", "classify", "--model", "nope", " ");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("TEXT is empty");

    Run noArgs = run("text", "train");
    assertThat(noArgs.code()).isEqualTo(2);
    assertThat(noArgs.err()).contains("Missing required options");
    assertThat(home.resolve("models/text/x.json")).doesNotExist();
  }
}
