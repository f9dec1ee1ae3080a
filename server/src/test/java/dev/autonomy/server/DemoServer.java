package dev.autonomy.server;

import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

/** A real server on an ephemeral loopback port over a vault holding 45 days of the demo person. */
final class DemoServer implements AutoCloseable {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T17:00:00Z"), PARIS);
  static final AccessToken TOKEN = new AccessToken("test-token-0123456789abcdef");

  final Autonomy autonomy;
  final AutonomyServer server;
  final String base;

  private DemoServer(Autonomy autonomy, AutonomyServer server, String base) {
    this.autonomy = autonomy;
    this.server = server;
    this.base = base;
  }

  static DemoServer start(Path dir) throws java.io.IOException {
    SplittableRandom random = new SplittableRandom(7);
    DemoFiles.Written files = DemoFiles.write(dir.resolve("files"),
        SyntheticPerson.generate(LocalDate.now(CLOCK), 45, random.split()), PARIS, random.split());
    Autonomy autonomy = Autonomy.open(dir.resolve("home"), CLOCK, new SplittableRandom(3));
    for (Path f : files.all()) {
      autonomy.importPath(f, null, null);
    }
    AutonomyServer server = new AutonomyServer(autonomy, TOKEN);
    int port = server.start(AutonomyServer.LOOPBACK, 0);
    return new DemoServer(autonomy, server, "http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    server.close();
    autonomy.close();
  }
}
