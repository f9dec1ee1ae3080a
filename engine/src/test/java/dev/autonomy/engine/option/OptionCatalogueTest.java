package dev.autonomy.engine.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.core.option.Option;
import dev.autonomy.core.option.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionCatalogueTest {
  private static final String HEADER = "id,name,desire,place,minutes,effort,cost,activity,tags\n";

  @TempDir Path dir;

  private Path write(String body) throws IOException {
    return Files.writeString(dir.resolve("options.csv"), body);
  }

  @Test
  void readCsv_keepsAQuotedCommaInOneField() throws IOException {
    List<Option> options = OptionCatalogue.readCsv(write(HEADER
        + "lake-swim,\"Swim in the lake, if warm\",move,outdoor,45,6,0,swim,water;summer\n"
        + "quiz,\"Pub quiz with \"\"the usual\"\" team\",explore,indoor,120,1,10,quiz,social\n"));
    assertThat(options).extracting(Option::name).containsExactly("Swim in the lake, if warm", "Pub quiz with \"the usual\" team");
    Option swim = options.get(0);
    assertThat(swim.desire()).isEqualTo(DesireType.MOVE);
    assertThat(swim.place()).isEqualTo(Place.OUTDOOR);
    assertThat(swim.minutes()).isEqualTo(45);
    assertThat(swim.tags()).containsExactlyInAnyOrder("water", "summer");
  }

  @Test
  void readCsv_keepsAQuotedLineBreakInOneField_andNamesLaterLinesRightly() throws IOException {
    Path file = write(HEADER + "walk,\"Walk\nby the river\",move,outdoor,30,2,0,walk,\n"
        + "bad,Bad,move,outdoor,soon,2,0,walk,\n");
    assertThatThrownBy(() -> OptionCatalogue.readCsv(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("options.csv:4: field 'minutes'");
    Files.writeString(file, HEADER + "walk,\"Walk\nby the river\",move,outdoor,30,2,0,walk,\n");
    assertThat(OptionCatalogue.readCsv(file)).singleElement().extracting(Option::name).isEqualTo("Walk\nby the river");
  }

  @Test
  void readCsv_namesFileLineAndField() throws IOException {
    assertThatThrownBy(() -> OptionCatalogue.readCsv(write("id,name,desire,place,minutes,effort\n")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("options.csv:1: field 'cost': missing column");
    assertThatThrownBy(() -> OptionCatalogue.readCsv(write(HEADER + "\nx,X,fly,indoor,1,1,0,a,b\n")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("options.csv:3: field 'desire'");
    assertThatThrownBy(() -> OptionCatalogue.readCsv(write(HEADER + "x,X,move,indoor,1,1,0\n")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("options.csv:2: expected 9 values, found 7");
    assertThatThrownBy(() -> OptionCatalogue.readCsv(write("")))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("options.csv:1: empty file");
  }
}
