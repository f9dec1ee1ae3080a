package dev.autonomy.cli.access;

import dev.autonomy.cli.Session;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.engine.access.Access;
import dev.autonomy.engine.access.Scope;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.AppGrants;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "app", mixinStandardHelpOptions = true,
    description = {"Apps you let act for you through 'autonomy serve', each with its own token and scopes.",
        "Scopes: recommend, feedback, desires, read:signals, rules, plans."},
    subcommands = {AppCommand.Grant.class, AppCommand.ListApps.class, AppCommand.Revoke.class})
public final class AppCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "grant", mixinStandardHelpOptions = true,
      description = "Give an app a token limited to the scopes named; the token is shown once and kept only as a hash.")
  static final class Grant implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "The app's name: a-z, 0-9, '.', '_', '-'.") String name;
    @Option(names = "--scopes", required = true, split = ",", paramLabel = "SCOPE",
        description = "Comma-separated: recommend, feedback, desires, read:signals, rules, plans, rank.") List<String> scopes;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        Access access = autonomy.access();
        Access.Grant grant = access.grant(name, Scope.parse(scopes), new SecureRandom());
        access.record(AccessLog.CLI, "grant", grant.app() + ": " + String.join(",", grant.scopes()));
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("app", grant.app());
          m.put("token", grant.token());
          m.put("scopes", grant.scopes());
          Session.json(spec, m);
          return 0;
        }
        PrintWriter out = Session.out(spec);
        out.printf("granted %s: %s%n", grant.app(), String.join(", ", grant.scopes()));
        out.printf("token (shown only now; give it to the app as 'Authorization: Bearer TOKEN'):%n%s%n", grant.token());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Apps with access (and revoked ones): scopes, when granted, when last used. Never a token.")
  static final class ListApps implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print one JSON object.") boolean json;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        List<AppGrants.App> apps = autonomy.access().apps();
        if (json) {
          Session.json(spec, Map.of("apps", apps.stream().map(AppCommand::view).toList()));
          return 0;
        }
        PrintWriter out = Session.out(spec);
        if (apps.isEmpty()) {
          out.println("no app has access; 'autonomy app grant NAME --scopes recommend,feedback' gives one");
        }
        for (AppGrants.App a : apps) {
          out.printf("%-20s %-40s granted %s  last used %s%s%n", a.name(), String.join(",", a.scopes()), a.created(),
              a.lastUsed().map(Instant::toString).orElse("never"),
              a.revoked().map(r -> "  REVOKED " + r).orElse(""));
        }
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an app's token: it is refused from now on.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      try (Autonomy autonomy = Session.open(spec)) {
        AppGrants.App revoked = autonomy.access().revoke(name);
        autonomy.access().record(AccessLog.CLI, "revoke", revoked.name());
        Session.out(spec).printf("revoked %s: its token is refused from now on%n", revoked.name());
      }
      return 0;
    }
  }

  /** An app as {@code app list --json} shows it: no token, not even its hash. */
  static Map<String, Object> view(AppGrants.App a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("scopes", a.scopes());
    m.put("created", a.created().toString());
    m.put("last_used", text(a.lastUsed()));
    m.put("revoked", text(a.revoked()));
    return m;
  }

  private static String text(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
