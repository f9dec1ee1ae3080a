package dev.autonomy.cli.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.core.RefusedException;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.demo.DemoFiles;
import dev.autonomy.engine.demo.SyntheticPerson;
import dev.autonomy.engine.desire.PopulationPrior;
import dev.autonomy.engine.desire.PopulationTrainer;
import dev.autonomy.engine.federate.Coordinator;
import dev.autonomy.engine.federate.Federation;
import dev.autonomy.server.federate.CoordinatorServer;
import dev.autonomy.vault.PrivacyLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A federation of real engine processes on loopback: five persons' vaults, five JVMs running
 * {@code autonomy federate join}, one coordinator. The round closes with the five; each vault
 * records what it sent before it sent it and keeps the population model the coordinator ended
 * with; bad terms and bad messages are refused with nothing sent.
 */
class FederationProcessesTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final int PERSONS = 5;
  @TempDir static Path dir;
  private static final List<Path> homes = new ArrayList<>();

  @BeforeAll
  static void persons() throws IOException {
    for (int p = 0; p < PERSONS; p++) {
      SplittableRandom random = new SplittableRandom(100 + p);
      Path home = dir.resolve("person-" + p);
      DemoFiles.Written files = DemoFiles.write(dir.resolve("files-" + p),
          SyntheticPerson.generate(LocalDate.now(Clock.system(ZONE)), 40, random.split()), ZONE, random.split());
      try (Autonomy autonomy = Autonomy.open(home, Clock.system(ZONE), new SplittableRandom(p))) {
        for (Path f : files.all()) {
          autonomy.importPath(f, null, null);
        }
      }
      homes.add(home);
    }
  }

  private static CoordinatorServer coordinator(Path state, int cohort, double noise, PopulationTrainer trainer) {
    Coordinator.Settings settings = new Coordinator.Settings(cohort, cohort / 2 + 1, 1, 0.2, noise, 1e-5,
        Duration.ofSeconds(60));
    return new CoordinatorServer(new Coordinator(settings, trainer, Coordinator.fresh(trainer), Clock.systemUTC(),
        s -> CoordinatorServer.save(state, s)));
  }

  @Test
  void fiveEngineProcessesCloseARoundAndEachKeepsTheModelAndItsLedgerEntry() throws Exception {
    Path state = dir.resolve("coordinator");
    try (CoordinatorServer server = coordinator(state, PERSONS, 1.0, Federation.trainer())) {
      int port = server.start("127.0.0.1", 0);
      String url = "http://127.0.0.1:" + port;
      List<Process> children = new ArrayList<>();
      for (Path home : homes) {
        children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            AutonomyCli.class.getName(), "--home", home.toString(), "federate", "join", url, "--rounds", "1",
            "--wait", "40")
            .redirectErrorStream(true).redirectOutput(home.resolveSibling(home.getFileName() + ".out").toFile()).start());
      }
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < children.size(); i++) {
        assertThat(children.get(i).waitFor(4, TimeUnit.MINUTES)).as("child %d finished", i).isTrue();
        all.append("child ").append(i).append(": exit ").append(children.get(i).exitValue()).append('\n')
            .append(Files.readString(homes.get(i).resolveSibling(homes.get(i).getFileName() + ".out")));
      }
      for (int i = 0; i < children.size(); i++) {
        Process child = children.get(i);
        String said = Files.readString(homes.get(i).resolveSibling(homes.get(i).getFileName() + ".out"));
        assertThat(child.exitValue()).as(all.toString() + server.coordinator().events()).isZero();
        assertThat(said).contains("took part in 1 of 1 round(s); population model version 1 kept");
      }
      assertThat(server.coordinator().modelVersion()).isEqualTo(1);
      assertThat(server.coordinator().events()).anyMatch(e -> e.contains("closed: 5 clients"));
      PopulationPrior model = server.coordinator().model();
      assertThat(model.weights().get(DesireType.MOVE)).anyMatch(w -> w != 0.0);
      assertThat(CoordinatorServer.load(state).modelVersion()).as("the coordinator's own store").isEqualTo(1);
      for (Path home : homes) {
        try (Autonomy autonomy = Autonomy.open(home, Clock.system(ZONE), new SplittableRandom(1))) {
          List<PrivacyLedger.Entry> ledger = autonomy.federation().ledger();
          assertThat(ledger).hasSize(1);
          PrivacyLedger.Entry e = ledger.get(0);
          assertThat(e.coordinator()).isEqualTo(url + "/");
          assertThat(e.bytesSent()).isBetween(500L, 200_000L);
          assertThat(e.noiseMultiplier()).isEqualTo(1.0);
          assertThat(e.epsilon()).isFinite().isPositive();
          assertThat(e.note()).startsWith("sent: masked update of 60 values");
          assertThat(autonomy.federation().cumulativeEpsilon()).isEqualTo(e.epsilon(), org.assertj.core.api.Assertions.within(1e-9));
          // the model the coordinator ended with is the one the desires now shrink toward
          assertThat(autonomy.federation().prior()).hasValueSatisfying(p -> assertThat(p.weights())
              .isEqualTo(model.weights()));
          // and the ledger is part of the export
          Path exported = dir.resolve("export-" + home.getFileName());
          autonomy.export(exported);
          assertThat(Files.readString(exported.resolve("privacy-ledger.json"))).contains("masked update of 60 values");
        }
      }
    }
  }

  @Test
  void aCoordinatorWhoseModelHasAnotherShapeIsRefusedAndNothingIsSent() throws Exception {
    PopulationTrainer other = new PopulationTrainer(List.of("steps_7d_mean"), PopulationTrainer.WEARABLE_DESIRES, 30, 10,
        false);
    try (CoordinatorServer server = coordinator(dir.resolve("other"), 2, 1.0, other);
        Autonomy autonomy = Autonomy.open(dir.resolve("shape-home"), Clock.system(ZONE), new SplittableRandom(1))) {
      int port = server.start("127.0.0.1", 0);
      int before = autonomy.federation().ledger().size();
      assertThatThrownBy(() -> autonomy.federation().join(URI.create("http://127.0.0.1:" + port), 1,
          Duration.ofSeconds(5), new SecureRandom(), line -> { }))
          .isInstanceOf(RefusedException.class).hasMessageContaining("inputs [steps_7d_mean]")
          .hasMessageContaining("nothing was sent");
      assertThat(autonomy.federation().ledger()).hasSize(before);
    }
  }

  @Test
  void aCoordinatorModelWithAnImpossibleWeightIsRefusedBeforeAnythingIsSent() throws Exception {
    PopulationTrainer trainer = Federation.trainer();
    java.util.Map<DesireType, List<Double>> weights = new java.util.EnumMap<>(DesireType.class);
    for (DesireType t : trainer.types()) {
      List<Double> w = new ArrayList<>(java.util.Collections.nCopies(trainer.inputs().size(), 0.0));
      if (t == DesireType.MOVE) {
        w.set(0, 37.5);
      }
      weights.put(t, w);
    }
    PopulationPrior hostile = new PopulationPrior(PopulationPrior.FORMAT, trainer.inputs(), weights,
        new PopulationPrior.Origin("federated", 9, 3, null, null, "coordinator", 0.0));
    Coordinator.Settings settings = new Coordinator.Settings(2, 2, 1, 0.2, 1.0, 1e-5, Duration.ofSeconds(60));
    try (CoordinatorServer server = new CoordinatorServer(new Coordinator(settings, trainer,
            new Coordinator.State(hostile, 3, 4, 0), Clock.systemUTC(), s -> { }));
        Autonomy autonomy = Autonomy.open(dir.resolve("hostile-home"), Clock.system(ZONE), new SplittableRandom(1))) {
      int port = server.start("127.0.0.1", 0);
      assertThatThrownBy(() -> autonomy.federation().join(URI.create("http://127.0.0.1:" + port), 1,
          Duration.ofSeconds(5), new SecureRandom(), line -> { }))
          .isInstanceOf(RefusedException.class).hasMessageContaining("weight of 37.50")
          .hasMessageContaining("it is not used");
      assertThat(autonomy.federation().ledger()).isEmpty();
      assertThat(autonomy.federation().prior()).isEmpty();
      assertThat(server.coordinator().status().round()).as("it never joined").isEqualTo(4);
    }
  }

  @Test
  void termsThatWouldPassThePersonsBudgetAreRefusedBeforeAnythingIsSent() throws Exception {
    try (CoordinatorServer server = coordinator(dir.resolve("budget"), 2, 1.0, Federation.trainer());
        Autonomy autonomy = Autonomy.open(dir.resolve("budget-home"), Clock.system(ZONE), new SplittableRandom(1))) {
      int port = server.start("127.0.0.1", 0);
      autonomy.federation().setBudget(0.5);
      int before = autonomy.federation().ledger().size();
      assertThatThrownBy(() -> autonomy.federation().join(URI.create("http://127.0.0.1:" + port), 3,
          Duration.ofSeconds(5), new SecureRandom(), line -> { }))
          .isInstanceOf(RefusedException.class).hasMessageContaining("past your budget of 0.5")
          .hasMessageContaining("nothing was sent");
      assertThat(autonomy.federation().ledger()).hasSize(before);
      assertThat(server.coordinator().status().round()).as("no client joined").isEqualTo(1);
    }
  }

  @Test
  void malformedOversizedAndReplayedMessagesAreAnswered400() throws Exception {
    try (CoordinatorServer server = coordinator(dir.resolve("attack"), 2, 1.0, Federation.trainer())) {
      int port = server.start("127.0.0.1", 0);
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port;
      HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create(base + "/rounds/1/input"))
          .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(garbage.statusCode()).isEqualTo(400);
      assertThat(garbage.body()).contains("malformed MaskedInput");
      HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(URI.create(base + "/rounds/1/input"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"roundId\":7,\"clientId\":1,\"masked\":[1,2]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(replayed.statusCode()).isEqualTo(400);
      assertThat(replayed.body()).contains("for round 7 posted to round 1");
      HttpResponse<String> otherRound = http.send(HttpRequest.newBuilder(URI.create(base + "/rounds/9/join"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(otherRound.statusCode()).isEqualTo(400);
      assertThat(otherRound.body()).contains("not the current round");
      HttpResponse<String> huge = http.send(HttpRequest.newBuilder(URI.create(base + "/rounds/1/keys"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 << 20])).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(huge.statusCode()).isIn(400, 413);
      assertThat(server.coordinator().status().phase()).isEqualTo("advertise");
    }
  }
}
