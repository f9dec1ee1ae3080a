package dev.autonomy.ingest.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRecordsTest {
  /** Each record as "line: field|field|...". */
  private static List<String> read(String text, int maxRecordChars) throws IOException {
    List<String> out = new ArrayList<>();
    try (CsvRecords csv = new CsvRecords(new StringReader(text), "f.csv", maxRecordChars)) {
      for (CSVRecord r = csv.next(); r != null; r = csv.next()) {
        out.add(csv.line() + ": " + String.join("|", r.toList()));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void next_namesTheLineEachRecordStartsOn_acrossQuotedLineBreaksAndBlankLines(String eol) throws IOException {
    String text = String.join(eol, "a,b", "", "\"one" + eol + "two\",c", "\"x,\"\"y\"\"\",", "", "", "last,z");
    assertThat(read(text, 1000)).containsExactly(
        "1: a|b",
        "3: one" + eol + "two|c",
        "5: x,\"y\"|",
        "8: last|z");
  }

  @Test
  void next_dropsAByteOrderMark() throws IOException {
    assertThat(read("\uFEFFtime,kind\n1,2\n", 1000)).containsExactly("1: time|kind", "2: 1|2");
  }

  @Test
  void next_refusesAQuoteNotClosedBeforeTheEnd_namingItsLineAndField() {
    assertThatThrownBy(() -> read("a,b\n\n1,\"never\nclosed\n", 1000))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("f.csv:3: field 'field 2': quoted field is not closed before the end of the file");
  }

  @Test
  void next_refusesALineLongerThanTheBound() {
    assertThatThrownBy(() -> read("a,b\n" + "9".repeat(101) + "\n", 100))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("f.csv:2: line is longer than 100 characters");
  }

  @Test
  void next_refusesARecordLongerThanTheBound_evenOfShortLines() {
    assertThatThrownBy(() -> read("a,b\n\"" + "short\n".repeat(50), 100))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("f.csv:2: record is longer than 100 characters");
  }

  @Test
  void next_refusesTextAfterAClosingQuote_asInvalidInput() {
    assertThatThrownBy(() -> read("a,b\n\"x\"y,z\n", 1000))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("f.csv:2: not valid CSV");
  }
}
