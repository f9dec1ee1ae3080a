package dev.autonomy.text.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  @Test
  void read_keepsAQuotedLineBreakInOneField_andLaterLinesKeepTheirNumbers() throws IOException {
    Path file = Files.writeString(dir.resolve("a.csv"), "text,label\n\"first line\nsecond, line\",pos\n\n,neg\n");
    assertThatThrownBy(() -> Format.CSV.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a.csv:5: field 'text'");
    Files.writeString(file, "text,label\n\"first line\nsecond, line\",pos\nok,neg\n");
    assertThat(Format.CSV.read(file).split(Dataset.ALL))
        .containsExactly(new Example("first line\nsecond, line", "pos"), new Example("ok", "neg"));
  }

  @Test
  void read_refusesAQuoteNeverClosed_namingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("b.csv"), "text,label\nok,pos\n\"never closed,neg\n");
    assertThatThrownBy(() -> Format.CSV.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("b.csv:3").hasMessageContaining("not valid CSV");
  }
}
