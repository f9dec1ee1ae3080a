package dev.autonomy.cli.access;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.AccessLog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "access", mixinStandardHelpOptions = true,
    description = "Who used your data: API calls by app and scope (allowed or refused), exports, forgets, rule changes.",
    subcommands = {AccessCommand.Log.class})
public final class AccessCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "log", mixinStandardHelpOptions = true,
      description = "The access log, oldest first (append-only; only 'forget --all' erases it).")
  static final class Log implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;
    @Option(names = "--limit", defaultValue = "50", description = "The latest N entries (default ${DEFAULT-VALUE}).") int limit;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        List<AccessLog.Entry> entries = autonomy.access().log(limit);
        if (json) {
          Session.json(spec, Map.of("entries", entries));
          return 0;
        }
        PrintWriter out = Session.out(spec);
        if (entries.isEmpty()) {
          out.println("the access log is empty");
        }
        for (AccessLog.Entry e : entries) {
          String what = e.action().equals("api")
              ? String.format("%s %s%s -> %d %s", e.method(), e.route(), e.scope().isEmpty() ? "" : " [" + e.scope() + "]",
                  e.status(), e.allowed() ? "allowed" : "REFUSED")
              : e.action();
          out.printf("%5d  %s  %-16s %s%s%n", e.id(), e.at(), e.actor(), what, e.detail().isEmpty() ? "" : "  " + e.detail());
        }
      }
      return 0;
    }
  }
}
