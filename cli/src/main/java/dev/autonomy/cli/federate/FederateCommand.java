package dev.autonomy.cli.federate;

import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.federate.Coordinator;
import dev.autonomy.engine.federate.Federation;
import dev.autonomy.server.AutonomyServer;
import dev.autonomy.server.federate.CoordinatorServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "federate", mixinStandardHelpOptions = true,
    description = {"Learn a population prior for the desire models together with others, without pooling data:",
        "'serve' runs a coordinator; 'join' sends, per round, only a clipped, noised and masked model update,",
        "recorded in your privacy ledger first; 'leave' stops. Joining is opt-in."},
    subcommands = {FederateCommand.Serve.class, FederateCommand.Join.class, FederateCommand.Leave.class})
public final class FederateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = {"Run a coordinator: rounds of secure aggregation over the engines that join; it learns only",
          "each round's sum. Its state lives in its own folder (--state), never in a vault. Runs until Ctrl-C."})
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--port", defaultValue = "8766", description = "Port (default ${DEFAULT-VALUE}; 0: any free one).")
    int port;
    @Option(names = "--host", defaultValue = AutonomyServer.LOOPBACK,
        description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host;
    @Option(names = "--state", paramLabel = "DIR",
        description = "The coordinator's own folder (default: ~/.autonomy-coordinator).")
    Path state;
    @Option(names = "--cohort", defaultValue = "5", description = "Fewest clients a round starts with (default ${DEFAULT-VALUE}).")
    int cohort;
    @Option(names = "--threshold", description = "Secret-sharing threshold: fewest clients a round survives with"
        + " (default: more than half the cohort).")
    Integer threshold;
    @Option(names = "--rounds", defaultValue = "10", description = "Rounds to run (default ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--clip", defaultValue = "0.2", description = "Clip norm of an update (default ${DEFAULT-VALUE}).")
    double clip;
    @Option(names = "--noise-multiplier", defaultValue = "1.0",
        description = "Noise of each round's sum in units of the clip norm, shared out among the cohort (default ${DEFAULT-VALUE}).")
    double noise;
    @Option(names = "--delta", defaultValue = "1e-5", description = "DP delta (default ${DEFAULT-VALUE}).")
    double delta;
    @Option(names = "--phase-timeout", defaultValue = "60",
        description = "Seconds a phase waits for its last clients before it goes on without them (default ${DEFAULT-VALUE}).")
    long phaseTimeout;

    @Override
    public Integer call() throws InterruptedException {
      if (cohort < 2) {
        throw new InvalidInputException("--cohort must be >= 2 (a sum of one is that person's update), was " + cohort);
      }
      Path folder = state != null ? state : Path.of(System.getProperty("user.home"), ".autonomy-coordinator");
      int t = threshold != null ? threshold : cohort / 2 + 1;
      Coordinator.Settings settings = new Coordinator.Settings(cohort, t, rounds, clip, noise, delta,
          Duration.ofSeconds(phaseTimeout));
      Coordinator coordinator = new Coordinator(settings, Federation.trainer(), CoordinatorServer.load(folder),
          Clock.systemUTC(), s -> CoordinatorServer.save(folder, s));
      CoordinatorServer server = new CoordinatorServer(coordinator);
      int bound = server.start(host, port);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "autonomy-coordinator-shutdown"));
      PrintWriter out = Session.out(spec);
      out.printf("Coordinator on http://%s:%d: cohort %d, threshold %d, %d rounds, clip %s, noise multiplier %s;"
          + " state in %s (Ctrl-C to stop)%n", host, bound, cohort, t, rounds, clip, noise, folder);
      out.flush();
      stopped.await();
      return 0;
    }
  }

  @Command(name = "join", mixinStandardHelpOptions = true,
      description = {"Take part in N rounds of the coordinator at URL: train on your own vault, send only a clipped,",
          "noised, masked update. Refused, sending nothing, when its model has another shape or its terms would",
          "pass your privacy budget (autonomy privacy budget). Each contribution is in your privacy ledger."})
  static final class Join implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "URL", description = "The coordinator, e.g. http://127.0.0.1:8766") String url;
    @Option(names = "--rounds", defaultValue = "1", description = "Rounds to take part in (default ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--wait", defaultValue = "300",
        description = "Seconds to wait for a phase of a round before giving up (default ${DEFAULT-VALUE}).")
    long wait;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      if (rounds < 1) {
        throw new InvalidInputException("--rounds must be >= 1, was " + rounds);
      }
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("URL '" + url + "': " + e.getMessage(), e);
      }
      try (Autonomy autonomy = Session.open(spec)) {
        PrintWriter out = Session.out(spec);
        Federation.JoinReport report = autonomy.federation().join(uri, rounds, Duration.ofSeconds(wait),
            new SecureRandom(), line -> {
              if (!json) {
                out.println(line);
                out.flush();
              }
            });
        if (json) {
          Session.json(spec, report);
        } else {
          out.printf("took part in %d of %d round(s); population model version %d kept; cumulative epsilon %s%n",
              report.contributed(), rounds, report.modelVersion(), PrivacyCommand.epsilon(report.cumulativeEpsilon()));
          report.notes().stream().filter(n -> !n.startsWith("round ")).forEach(out::println);
        }
      }
      return 0;
    }
  }

  @Command(name = "leave", mixinStandardHelpOptions = true,
      description = {"Stop taking part: a running 'join' stops before its next round. With --forget-prior the",
          "desire models stop using the population prior (contributions already sent cannot be recalled)."})
  static final class Leave implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--forget-prior", description = "Also stop using the population prior received.") boolean forget;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        autonomy.federation().leave(forget);
        Session.out(spec).printf("left the federation%s; contributions already sent cannot be recalled, only their"
            + " privacy bound holds (autonomy privacy ledger)%n", forget ? " and stopped using its prior" : "");
      }
      return 0;
    }
  }
}
