package dev.autonomy.solve.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.solve.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TsplibReaderTest {

  static Stream<String> optimalTours() throws IOException {
    Path folder = SharedData.require("tsplib/tsp");
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".opt.tour"))
          .map(f -> f.substring(0, f.length() - ".opt.tour".length()))
          .filter(name -> Files.exists(folder.resolve(name + ".tsp")))
          .sorted().toList().stream();
    }
  }

  static Map<String, Long> optimum() throws IOException {
    Map<String, Long> optimum = new HashMap<>();
    List<String> lines = Files.readAllLines(SharedData.require("tsplib/optimum.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(",");
      optimum.put(parts[0], Long.parseLong(parts[3]));
    }
    return optimum;
  }

  /** Every distance type (EUC_2D, ATT, GEO, and the EXPLICIT formats) against the published optimum. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("optimalTours")
  void optimalTour_hasThePublishedLength(String name) throws IOException {
    Path folder = SharedData.require("tsplib/tsp");
    TspInstance instance = TsplibReader.read(folder.resolve(name + ".tsp"));
    int[] tour = TsplibReader.readTour(folder.resolve(name + ".opt.tour"));

    assertThat(instance.verifiedLength(tour)).isEqualTo(optimum().get(name));
  }

  @Test
  void optimalTours_coverEveryCoordinateType() throws IOException {
    Path folder = SharedData.require("tsplib/tsp");
    assertThat(optimalTours().map(n -> TsplibReader.read(folder.resolve(n + ".tsp")).edgeWeightType()))
        .contains(EdgeWeightType.EUC_2D, EdgeWeightType.ATT, EdgeWeightType.GEO, EdgeWeightType.EXPLICIT);
  }

  @Test
  void ceil2d_roundsUp() {
    TspInstance instance = TsplibReader.read("t.tsp", """
        NAME: t
        TYPE: TSP
        DIMENSION: 2
        EDGE_WEIGHT_TYPE: CEIL_2D
        NODE_COORD_SECTION
        1 0 0
        2 1 1
        EOF
        """);
    assertThat(instance.distance(0, 1)).isEqualTo(2);
  }

  private static final String GOOD = """
      NAME: tiny
      TYPE: TSP
      DIMENSION: 3
      EDGE_WEIGHT_TYPE: EUC_2D
      NODE_COORD_SECTION
      1 0 0
      2 3 4
      3 6 8
      EOF
      """;

  @Test
  void read_acceptsAWellFormedFile() {
    TspInstance instance = TsplibReader.read("tiny.tsp", GOOD);
    assertThat(instance.name()).isEqualTo("tiny");
    assertThat(instance.dimension()).isEqualTo(3);
    assertThat(instance.distance(0, 1)).isEqualTo(5);
    assertThat(instance.tourLength(new int[] {0, 1, 2})).isEqualTo(20);
  }

  @Test
  void read_rejectsMissingNodeCoordSection() {
    String text = GOOD.substring(0, GOOD.indexOf("NODE_COORD_SECTION")) + "EOF\n";
    assertThatThrownBy(() -> TsplibReader.read("bad.tsp", text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.tsp")
        .hasMessageContaining("NODE_COORD_SECTION")
        .hasMessageContaining("missing");
  }

  @Test
  void read_rejectsWrongDimension() {
    String text = GOOD.replace("DIMENSION: 3", "DIMENSION: 4");
    assertThatThrownBy(() -> TsplibReader.read("bad.tsp", text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.tsp:")
        .hasMessageContaining("DIMENSION is 4 but the section has 3 nodes");
    String fewer = GOOD.replace("DIMENSION: 3", "DIMENSION: 2");
    assertThatThrownBy(() -> TsplibReader.read("bad.tsp", fewer))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.tsp:8")
        .hasMessageContaining("node 3 is outside 1..2");
  }

  @Test
  void read_rejectsUnknownEdgeWeightType() {
    String text = GOOD.replace("EUC_2D", "EUC_3D");
    assertThatThrownBy(() -> TsplibReader.read("bad.tsp", text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.tsp:4")
        .hasMessageContaining("EDGE_WEIGHT_TYPE")
        .hasMessageContaining("EUC_3D");
  }

  @Test
  void read_rejectsANonNumber() {
    String text = GOOD.replace("2 3 4", "2 3 four");
    assertThatThrownBy(() -> TsplibReader.read("bad.tsp", text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("bad.tsp:7: field 'NODE_COORD_SECTION': expected a number, found 'four'");
  }

  @Test
  void read_rejectsOtherProblemTypes() {
    assertThatThrownBy(() -> TsplibReader.read("bad.tsp", GOOD.replace("TYPE: TSP", "TYPE: ATSP")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.tsp:2: field 'TYPE': expected TSP");
  }

  @Test
  void read_rejectsAShortMatrix() {
    String text = """
        NAME: m
        TYPE: TSP
        DIMENSION: 3
        EDGE_WEIGHT_TYPE: EXPLICIT
        EDGE_WEIGHT_FORMAT: UPPER_ROW
        EDGE_WEIGHT_SECTION
        1 2
        EOF
        """;
    assertThatThrownBy(() -> TsplibReader.read("m.tsp", text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected 3 weights for UPPER_ROW and DIMENSION 3");
  }

  @Test
  void read_reportsAMissingFile() {
    assertThatThrownBy(() -> TsplibReader.read(Path.of("no/such.tsp")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no/such.tsp");
  }

  /** Fuzz: whatever the text, the reader answers with an instance or an InvalidInputException. */
  @Property(tries = 300)
  void read_failsOnlyWithInvalidInput(@ForAll @StringLength(max = 200) String noise, @ForAll boolean prefix) {
    String text = prefix ? GOOD.substring(0, GOOD.indexOf("1 0 0")) + noise : noise;
    try {
      TsplibReader.read("fuzz.tsp", text);
    } catch (InvalidInputException expected) {
      assertThat(expected.getMessage()).startsWith("fuzz.tsp");
    }
  }
}
