package dev.autonomy.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autonomy.bench.BenchCli;
import dev.autonomy.core.data.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRoutesCommandTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    var cli = BenchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void missingDataFolder_exitsTwo() {
    Result r = run("routes", "--data", dir.resolve("nothing").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--data: no such folder");
  }

  @Test
  void noDataGivenAndNoSharedData_exitsTwoAskingForData() {
    String before = System.getProperty(SharedData.PROPERTY);
    System.setProperty(SharedData.PROPERTY, dir.resolve("no-shared").toString());
    try {
      Result r = run("routes");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().strip())
          .isEqualTo("autonomy bench: --data: not given, and ../shared/data/osm-graphhopper was not found beside the repository;"
              + " pass --data DIR");
    } finally {
      if (before == null) {
        System.clearProperty(SharedData.PROPERTY);
      } else {
        System.setProperty(SharedData.PROPERTY, before);
      }
    }
  }
}
