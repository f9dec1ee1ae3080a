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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code text train --fine-tune} end to end on the real base model (one short LoRA epoch), and its refusals. */
class FineTuneCommandTest {
  @TempDir Path home;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    CommandLine cli = AutonomyCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  private Path csv() throws IOException {
    StringBuilder b = new StringBuilder("text,label\n");
    for (String c : TextCommandTest.COMPANIES) {
      for (int i = 0; i < 5; i++) {
        b.append(c).append(' ').append(TextCommandTest.BAD[i]).append(",negative\n");
        b.append(c).append(' ').append(TextCommandTest.GOOD[i]).append(",positive\n");
      }
    }
    Path csv = home.resolve("news.csv");
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
    return csv;
  }

  @Test
  void loraFineTune_savesASmallModelThatEvalsAndClassifies() throws IOException {
    Path csv = csv();
    Run train = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "tuned", "--fine-tune", "lora",
        "--epochs", "1", "--batch", "16", "--max-len", "32", "--json");
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.err()).contains("epoch 1/1 [##############################] 4/4 loss ").contains("dev macro-F1");
    JsonNode t = new ObjectMapper().readTree(train.out());
    assertThat(t.get("base").asText()).isEqualTo("all-minilm-l6-v2");
    assertThat(t.get("base_sha256").asText()).hasSize(64);
    assertThat(t.get("trained_weights").asLong()).isLessThan(t.get("encoder_weights").asLong() / 100);
    assertThat(t.get("encoder").asText()).startsWith("tuned:tuned.");
    JsonNode dev = t.get("dev_by_epoch");
    assertThat(dev).hasSize(1);
    assertThat(dev.get(0).get("epoch").asInt()).isEqualTo(1);
    assertThat(dev.get(0).get("per_class")).extracting(c -> c.get("label").asText()).containsExactly("negative", "positive");
    assertThat(train.err()).contains("epoch 1/1 dev report (");

    Run eval = run("text", "eval", "--model", "tuned", "--data", csv.toString(), "--format", "csv", "--json");
    assertThat(eval.code()).as(eval.err()).isZero();
    assertThat(new ObjectMapper().readTree(eval.out()).get("examples").asInt()).isEqualTo(80);

    Run classify = run("text", "classify", "--model", "tuned", "Kone shares fell after a profit warning");
    assertThat(classify.code()).as(classify.err()).isZero();
    assertThat(classify.out()).matches("(?s)(negative|positive)\t.*");
  }

  @Test
  void outOfScopeLabel_theFineTunedModelReportsItsRejectionThreshold() throws IOException {
    StringBuilder b = new StringBuilder(Files.readString(csv()));
    String[] other = {"what time is it in Tokyo", "play some jazz music", "how do I boil an egg", "set an alarm for 7"};
    for (int k = 0; k < 5; k++) {
      for (String o : other) {
        b.append(o).append(" please".repeat(k)).append(",oos\n");
      }
    }
    Path csv = home.resolve("news-oos.csv");
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
    Run train = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "intents", "--fine-tune", "lora",
        "--epochs", "1", "--batch", "16", "--max-len", "32", "--json");
    assertThat(train.code()).as(train.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(train.out());
    double threshold = t.get("oos_threshold").asDouble();
    assertThat(threshold).isBetween(0.0, 0.95);
    JsonNode without = t.get("without_threshold");
    assertThat(without.has("oos_recall")).isTrue();
    // The threshold never finds fewer out-of-scope sentences than no threshold does.
    assertThat(t.get("oos_recall").asDouble()).isGreaterThanOrEqualTo(without.get("oos_recall").asDouble());
    Run sweep = run("text", "eval", "--model", "intents", "--data", csv.toString(), "--format", "csv", "--reject-sweep",
        "--json");
    assertThat(sweep.code()).as(sweep.err()).isZero();
    assertThat(new ObjectMapper().readTree(sweep.out()).get("model_threshold").asDouble()).isEqualTo(threshold);
  }

  @Test
  void badFineTuneOptions_exitTwoWithTheReason() throws IOException {
    Path csv = csv();
    Run method = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "x", "--fine-tune", "half");
    assertThat(method.code()).isEqualTo(2);
    assertThat(method.err()).contains("unknown fine-tuning method 'half'; expected full or lora");
    Run encoder = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "x", "--fine-tune", "lora",
        "--encoder", "e5-small-v2-q");
    assertThat(encoder.code()).isEqualTo(2);
    assertThat(encoder.err()).contains("--encoder: fine-tuning starts from an FP32 base model; unknown base model 'e5-small-v2'; expected one of [all-minilm-l6-v2, bge-small-en-v15, bge-small-zh-v15]");
    Run rank = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "x", "--fine-tune", "lora",
        "--lora-rank", "0");
    assertThat(rank.code()).isEqualTo(2);
    assertThat(rank.err()).contains("lora rank must be 1 to 256, was 0");
    Run pooling = run("text", "train", "--data", csv.toString(), "--format", "csv", "--out", "x", "--fine-tune", "full",
        "--pooling", "median");
    assertThat(pooling.code()).isEqualTo(2);
    assertThat(pooling.err()).contains("--pooling: unknown pooling 'median'; expected mean or cls");
    assertThat(home.resolve("models/text/x.json")).doesNotExist();
  }

  @Test
  void progressBar_drawsItsShareOfTheWidth() {
    StringWriter s = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(s), "epoch 1/3", 4);
    assertThat(bar.line(1, "loss 0.5")).isEqualTo("epoch 1/3 [#######.......................] 1/4 loss 0.5");
    assertThat(bar.line(4, "")).isEqualTo("epoch 1/3 [##############################] 4/4");
    bar.update(2, "loss 0.4");
    bar.done("done");
    assertThat(s.toString()).isEqualTo("\repoch 1/3 [###############...............] 2/4 loss 0.4\r"
        + "epoch 1/3 [##############################] 4/4 done" + System.lineSeparator());
  }
}
