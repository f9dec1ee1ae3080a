package dev.autonomy.bench.serve;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.ThrowAwayFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./autonomy bench serve-load}: the local API under 1, 8 and 64 concurrent clients, on loopback. */
@Command(name = "serve-load", mixinStandardHelpOptions = true,
    description = {"The local API on loopback over a generated vault: 1, 8 and 64 concurrent clients asking for a list and"
        + " giving feedback on it, a fixed time each; throughput, p50, p99, errors and lost feedback (accepted, not in the"
        + " vault after). Stops by itself."})
public final class BenchServeLoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "10", description = "Seconds per level of concurrency (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--clients", defaultValue = "1,8,64", split = ",",
      description = "Levels of concurrency, one after the other (default ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(names = "--days", defaultValue = "90", description = "Days of the generated person (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--vault", defaultValue = "clear,encrypted", split = ",",
      description = "How the vault is opened, each measured in turn in the same run: clear, encrypted (default ${DEFAULT-VALUE}).")
  List<String> vaults;

  @Option(names = "--seed", defaultValue = "1") long seed;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || seconds > 600) {
      throw new InvalidInputException("--seconds must be in 1..600, was " + seconds);
    }
    if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1 || c > 512)) {
      throw new InvalidInputException("--clients must be levels in 1..512, were " + clients);
    }
    List<ServeLoad.VaultKind> kinds = new java.util.ArrayList<>();
    for (String vault : vaults) {
      try {
        kinds.add(ServeLoad.VaultKind.valueOf(vault.strip().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--vault must be one of " + List.of(ServeLoad.VaultKind.values())
            .stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", was '" + vault + "'", e);
      }
    }
    Path work = ThrowAwayFolder.create("autonomy-bench-serve-load-");
    try {
      var out = spec.commandLine().getOut();
      // The 1, 5 and 15-minute load averages: on a shared machine, what else was running.
      Path loadavg = Path.of("/proc/loadavg");
      String load = Files.isReadable(loadavg)
          ? String.join(" ", java.util.Arrays.asList(Files.readString(loadavg).strip().split("\\s+")).subList(0, 3)) : "n/a";
      boolean clean = true;
      for (ServeLoad.VaultKind kind : kinds) {
        ServeLoad.Result result = ServeLoad.run(work.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)), kind, days,
            clients, Duration.ofSeconds(seconds), seed, spec.commandLine().getErr());
        out.printf("Local API under load on loopback: %d days of a synthetic person (%d signals), %s vault, %d s per"
            + " level; %d CPU(s), load average before the run %s%n%n", days, result.signals(),
            kind.name().toLowerCase(java.util.Locale.ROOT), seconds, Runtime.getRuntime().availableProcessors(), load);
        out.print(ServeLoad.table(result));
        out.println();
        out.flush();
        clean &= result.lost() == 0 && result.rows().stream().allMatch(r -> r.errors() == 0);
      }
      return clean ? 0 : 1;
    } finally {
      ThrowAwayFolder.delete(work);
    }
  }
}
