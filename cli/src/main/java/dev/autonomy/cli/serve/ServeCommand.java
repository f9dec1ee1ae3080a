package dev.autonomy.cli.serve;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.server.AccessToken;
import dev.autonomy.server.AutonomyServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"A local HTTP API for apps acting for you: every request needs the token printed at start.",
        "Endpoints: GET /desires /recommend /why/{id} /rules /audit /health, POST /feedback/{id} /rules, DELETE /rules/{id}.",
        "Runs until Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "" + AutonomyServer.DEFAULT_PORT,
      description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = AutonomyServer.LOOPBACK,
      description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
  String host;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Read the token from FILE, or write a new one there (owner-only) when it does not exist; default: a new token each start.")
  Path tokenFile;

  @Override
  public Integer call() throws InterruptedException {
    SecureRandom random = new SecureRandom();
    AccessToken token = tokenFile == null ? AccessToken.generate(random) : AccessToken.fromFile(tokenFile, random);
    boolean loopback = AutonomyServer.isLoopback(host);
    Autonomy autonomy = Session.open(spec);
    AutonomyServer server = new AutonomyServer(autonomy, token);
    CountDownLatch stopped = new CountDownLatch(1);
    int bound;
    try {
      bound = server.start(host, port);
    } catch (RuntimeException e) {
      server.close();
      autonomy.close();
      throw e;
    }
    // Ctrl-C: stop taking requests, then close the vault so SQLite ends cleanly.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      autonomy.close();
      stopped.countDown();
    }, "autonomy-serve-shutdown"));
    PrintWriter out = Session.out(spec);
    if (!loopback) {
      spec.commandLine().getErr().println("autonomy: WARNING: listening on " + host
          + ", not only this machine: anyone who can reach it and holds the token can read and change your data");
      spec.commandLine().getErr().flush();
    }
    out.printf("Autonomy API on http://%s:%d (Ctrl-C to stop)%n", host.contains(":") ? "[" + host + "]" : host, bound);
    out.println(tokenFile == null ? "token (new each start; send as 'Authorization: Bearer TOKEN'):" : "token (from " + tokenFile + "):");
    out.println(token.value());
    out.flush();
    stopped.await();
    return 0;
  }
}
