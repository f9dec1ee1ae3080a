package dev.autonomy.bandit.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObdReaderTest {
  static final String HEADER = ",timestamp,item_id,position,click,propensity_score,user_feature_0,user_feature_1,user_feature_2,"
      + "user_feature_3,user-item_affinity_0,user-item_affinity_1,user-item_affinity_2\n";
  static final String GOOD = "0,2019-11-24 00:03:13.442536+00:00,2,3,0,0.333,aa,bb,cc,dd,0.0,1.0,0.0\n";

  @TempDir Path dir;

  Path gz(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void readLog_readsEveryFieldOfAGzippedLog() throws IOException {
    Path file = gz("men.csv.gz", HEADER + GOOD + "1,2019-11-24 00:04:00+00:00,0,1,1,0.5,aa,bb,cc,ee,0.5,0.0,0.0\n");
    var log = ObdReader.readLog(file);
    assertThat(log).hasSize(2);
    ObdImpression first = log.get(0);
    assertThat(first.index()).isZero();
    assertThat(first.itemId()).isEqualTo(2);
    assertThat(first.position()).isEqualTo(3);
    assertThat(first.click()).isZero();
    assertThat(first.propensity()).isEqualTo(0.333);
    assertThat(first.userFeatures()).containsExactly("aa", "bb", "cc", "dd");
    assertThat(first.affinity()).containsExactly(0.0, 1.0, 0.0);
    assertThat(log.get(1).click()).isEqualTo(1);
  }

  @Test
  void readLog_rejectsBadRowsWithTheirFileLineAndField() throws IOException {
    Path badClick = gz("a.csv.gz", HEADER + GOOD + GOOD.replace(",3,0,0.333,", ",3,7,0.333,"));
    assertThatThrownBy(() -> ObdReader.readLog(badClick)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a.csv.gz:3: field 'click': must be in 0..1, was 7");
    Path badPropensity = gz("b.csv.gz", HEADER + GOOD + GOOD + GOOD.replace("0.333", "0"));
    assertThatThrownBy(() -> ObdReader.readLog(badPropensity))
        .hasMessageContaining("b.csv.gz:4: field 'propensity_score': must be a probability in (0, 1], was 0");
    Path badItem = gz("c.csv.gz", HEADER + GOOD.replace(",2,3,", ",9,3,"));
    assertThatThrownBy(() -> ObdReader.readLog(badItem)).hasMessageContaining("c.csv.gz:2: field 'item_id': must be in 0..2, was 9");
    Path shortRow = gz("d.csv.gz", HEADER + GOOD + "1,2019,0,1\n");
    assertThatThrownBy(() -> ObdReader.readLog(shortRow)).hasMessageContaining("d.csv.gz:3: has 4 fields, the header has 13");
    Path notNumber = gz("e.csv.gz", HEADER + GOOD.replace(",1.0,0.0\n", ",x,0.0\n"));
    assertThatThrownBy(() -> ObdReader.readLog(notNumber))
        .hasMessageContaining("e.csv.gz:2: field 'user-item_affinity_1': must be a number, was 'x'");
    Path missingColumn = gz("f.csv.gz", HEADER.replace("click", "clack") + GOOD);
    assertThatThrownBy(() -> ObdReader.readLog(missingColumn)).hasMessageContaining("f.csv.gz:1: field 'click': missing column");
    assertThatThrownBy(() -> ObdReader.readLog(dir.resolve("nothing.csv.gz"))).hasMessageContaining("nothing.csv.gz: no such file");
  }

  @Test
  void readItems_checksIdsRunInOrder() throws IOException {
    Path file = dir.resolve("item_context.csv");
    Files.writeString(file, ",item_id,item_feature_0,item_feature_1,item_feature_2,item_feature_3\n0,0,-0.5,a,b,c\n1,2,0.1,a,b,c\n");
    assertThatThrownBy(() -> ObdReader.readItems(file))
        .hasMessageContaining("item_context.csv:3: field 'item_id': expected item 1 (ids run 0, 1, 2, ... in order), was 2");
    Files.writeString(file, ",item_id,item_feature_0,item_feature_1,item_feature_2,item_feature_3\n0,0,-0.5,a,b,c\n1,1,0.1,a,e,c\n");
    assertThat(ObdReader.readItems(file)).extracting(ObdItem::feature0).containsExactly(-0.5, 0.1);
  }

  @Test
  void load_readsTheSharedSampleWhenItIsThere() {
    Optional<Path> root = SharedData.dataset("open-bandit-dataset");
    assumeTrue(root.isPresent(), "../shared/data/open-bandit-dataset is not here");
    ObdCampaign random = ObdCampaign.load(root.get(), "random", "men");
    assertThat(random.log()).hasSize(10_000);
    assertThat(random.items()).hasSize(34);
    assertThat(random.log().stream().mapToInt(ObdImpression::click).sum()).isEqualTo(46);
    assertThat(random.positions()).isEqualTo(3);
    assertThat(random.log().get(0).propensity()).isEqualTo(1.0 / 34, within(1e-12));
    ObdCampaign bts = ObdCampaign.load(root.get(), "bts", "women");
    assertThat(bts.items()).hasSize(46);
    assertThat(bts.clickRate()).isEqualTo(0.0046);
  }
}
