package dev.autonomy.text.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatTest {
  @TempDir Path dir;

  static Path shared(String rel) {
    Optional<Path> p = SharedData.dataset(rel);
    assumeTrue(p.isPresent(), "shared data absent: ../shared/data/" + rel);
    return p.get();
  }

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void clinc150_readsSplitsWithOosFolded() {
    Dataset d = Format.CLINC150.read(shared("text-en-clinc150/data_full.json.gz"));
    List<Example> train = d.split("train");
    assertThat(Dataset.labels(train)).hasSize(151).contains("oos");
    // CLINC150 "full": 100 training sentences per in-scope intent
    assertThat(train.stream().filter(e -> e.label().equals("transfer")).count()).isEqualTo(100);
    assertThat(d.split("val")).anyMatch(e -> e.label().equals("oos"));
    assertThat(d.hasOwnSplits()).isTrue();
    assertThatThrownBy(() -> d.split("dev")).isInstanceOf(InvalidInputException.class).hasMessageContaining("no split 'dev'");
  }

  @Test
  void phrasebank_readsLatin1WithThreeLabels() throws IOException {
    Path file = shared("text-en-financial-phrasebank/Sentences_50Agree.txt");
    List<Example> all = Format.PHRASEBANK.read(file).split(Dataset.ALL);
    long lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.isBlank()).count();
    assertThat(all).hasSize((int) lines);
    assertThat(Dataset.labels(all)).containsExactly("negative", "neutral", "positive");
    assertThat(all).noneMatch(e -> e.text().contains("\uFFFD"));
    assertThat(all).anyMatch(e -> e.text().matches(".*[\u00e4\u00f6\u00e5].*")); // Finnish names survive latin-1
  }

  @Test
  void crosswoz_labelsUserTurnsByTheirOneDomain() {
    Dataset d = Format.CROSSWOZ.read(shared("text-zh-crosswoz/val.json.zip"));
    List<Example> all = d.split(Dataset.ALL);
    assertThat(all.size()).isGreaterThan(3_000); // 3,615 in the 500 val dialogues
    assertThat(Dataset.labels(all)).containsExactlyInAnyOrder("景点", "餐馆", "酒店", "地铁", "出租");
  }

  @Test
  void csv_handlesQuotesAnyColumnOrderAndTsv() throws IOException {
    Dataset csv = Format.CSV.read(write("a.csv", "label,text\npos,\"good, really \"\"good\"\"\"\nneg,bad\n\n"));
    assertThat(csv.split(Dataset.ALL)).containsExactly(new Example("good, really \"good\"", "pos"), new Example("bad", "neg"));
    Dataset tsv = Format.CSV.read(write("a.tsv", "text\tlabel\r\nnice, yes\tpos\r\nawful\tneg\r\n"));
    assertThat(tsv.split(Dataset.ALL)).containsExactly(new Example("nice, yes", "pos"), new Example("awful", "neg"));
  }

  @Test
  void jsonl_readsTextAndLabel() throws IOException {
    Dataset d = Format.JSONL.read(write("a.jsonl", "{\"text\":\"hi\",\"label\":\"a\"}\n\n{\"label\":\"b\",\"text\":\"yo\",\"x\":1}\n"));
    assertThat(d.split(Dataset.ALL)).containsExactly(new Example("hi", "a"), new Example("yo", "b"));
  }

  @Test
  void badInput_isRejectedNamingFileAndLine() throws IOException {
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> Format.CSV.read(empty)).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty.csv").hasMessageContaining("empty");
    Path noHeader = write("nohead.csv", "hello,pos\n");
    assertThatThrownBy(() -> Format.CSV.read(noHeader)).hasMessageContaining("nohead.csv:1").hasMessageContaining("'text' and 'label'");
    Path emptyText = write("t.csv", "text,label\nok,a\n ,b\n");
    assertThatThrownBy(() -> Format.CSV.read(emptyText)).hasMessageContaining("t.csv:3").hasMessageContaining("'text'");
    Path short1 = write("s.csv", "text,label\nonly\n");
    assertThatThrownBy(() -> Format.CSV.read(short1)).hasMessageContaining("s.csv:2").hasMessageContaining("found 1");
    Path badJson = write("b.jsonl", "{\"text\":\"a\",\"label\":\"x\"}\nnot json\n");
    assertThatThrownBy(() -> Format.JSONL.read(badJson)).hasMessageContaining("b.jsonl:2").hasMessageContaining("not JSON");
    Path noLabel = write("n.jsonl", "{\"text\":\"a\"}\n");
    assertThatThrownBy(() -> Format.JSONL.read(noLabel)).hasMessageContaining("n.jsonl:1: field 'label'");
    Path csvAsPhrase = write("c.txt", "text,label\nhello,pos\n");
    assertThatThrownBy(() -> Format.PHRASEBANK.read(csvAsPhrase)).hasMessageContaining("c.txt:1").hasMessageContaining("no '@'");
    Path notClinc = write("x.json", "{\"foo\": []}");
    assertThatThrownBy(() -> Format.CLINC150.read(notClinc)).hasMessageContaining("x.json").hasMessageContaining("CLINC150");
    Path badItem = write("y.json", "{\"train\": [[\"a\", \"b\"], [\"only\"]]}");
    assertThatThrownBy(() -> Format.CLINC150.read(badItem)).hasMessageContaining("train[1]");
    Path notUtf8 = dir.resolve("latin.csv");
    Files.write(notUtf8, new byte[] {'t', 'e', 'x', 't', ',', 'l', 'a', 'b', 'e', 'l', '\n', (byte) 0xE9, ',', 'a', '\n'});
    assertThatThrownBy(() -> Format.CSV.read(notUtf8)).hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(() -> Format.fromCode("xml")).hasMessageContaining("unknown format 'xml'").hasMessageContaining("phrasebank");
    assertThatThrownBy(() -> Format.CSV.read(dir.resolve("missing.csv"))).hasMessageContaining("no such file");
  }

  @Test
  void hash_changesWithAnyLabel() {
    Dataset a = new Dataset("a", Format.CSV, java.util.Map.of(Dataset.ALL, List.of(new Example("x", "p"), new Example("y", "q"))));
    Dataset b = new Dataset("b", Format.CSV, java.util.Map.of(Dataset.ALL, List.of(new Example("x", "p"), new Example("y", "p"))));
    assertThat(a.hash()).hasSize(16).isNotEqualTo(b.hash());
  }
}
