package dev.autonomy.cli.data;

import dev.autonomy.cli.AutonomyCli;
import dev.autonomy.cli.Session;
import dev.autonomy.core.InvalidInputException;
import dev.autonomy.engine.Autonomy;
import dev.autonomy.vault.AccessLog;
import dev.autonomy.vault.SignalStore;
import dev.autonomy.vault.SourceInfo;
import dev.autonomy.vault.VaultFolder;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "forget", mixinStandardHelpOptions = true,
    description = {"Delete one imported source and what was derived from it, or everything in the vault.",
        "A signal another source brought too stays. What was derived goes: the values logged with every decision",
        "made since the source came in (the decisions, their options, propensities and feedback stay), what the",
        "learned policies learned from them, and the models (rebuilt without it)."})
public final class ForgetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class What {
    @Option(names = "--source", paramLabel = "SOURCE", description = {"The source's id as 'sources' lists it, or the path it was",
        "imported from, or its file name when only one source has it."}) String source;
    @Option(names = "--all", description = "Everything the vault holds: signals, models, recommendations, feedback, rules, caches."
        + " Deletes only what Autonomy created in the folder, and refuses a folder that is not a vault.") boolean all;
  }

  @Option(names = "--yes", description = "Do not ask before forgetting everything (needed when there is no terminal to ask on).")
  boolean yes;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Override
  public Integer call() {
    if (what.all) {
      Path home = AutonomyCli.root(spec).home();
      if (!Files.exists(home)) {
        Session.out(spec).printf("no vault at %s: nothing to forget%n", home);
        return 0;
      }
      if (!VaultFolder.isVault(home)) {
        throw new InvalidInputException(home + " is not an Autonomy vault (no " + VaultFolder.MARKER
            + " and no vault database); nothing deleted");
      }
      if (!yes && !confirmed(home)) {
        Session.out(spec).println("nothing deleted");
        return 0;
      }
      long sent = 0;
      try (Autonomy autonomy = Session.open(spec)) {
        sent = autonomy.federation().ledger().size();
      } catch (RuntimeException e) {
        // a damaged or busy vault is still erased; it only cannot say what it sent
        sent = -1;
      }
      VaultFolder.Erased erased = Autonomy.forgetAll(home);
      PrintWriter out = Session.out(spec);
      if (sent < 0) {
        out.println("note: the privacy ledger could not be read; any contributions already sent to a federation cannot"
            + " be recalled");
      } else if (sent > 0) {
        out.printf("note: %d contribution%s already sent to a federation cannot be recalled; only their privacy bound"
            + " holds%n", sent, sent == 1 ? "" : "s");
      }
      out.printf("forgot everything in %s (%d files deleted)%n", home, erased.deleted().size());
      if (!erased.leftAlone().isEmpty()) {
        out.printf("left alone %d entries Autonomy did not create there, e.g. %s%n",
            erased.leftAlone().size(), erased.leftAlone().get(0).getFileName());
      }
      return 0;
    }
    if (yes) {
      throw new InvalidInputException("--yes goes with --all only");
    }
    if (what.source.isBlank()) {
      throw new InvalidInputException("--source: give the source's id as 'autonomy sources' lists it, or its path");
    }
    try (Autonomy autonomy = Session.open(spec)) {
      SignalStore.Forgotten f = autonomy.forgetSource(what.source);
      autonomy.access().record(AccessLog.CLI, "forget", "source " + what.source + ": "
          + f.sources().stream().map(SourceInfo::id).toList() + ", " + f.removed() + " signals deleted");
      PrintWriter out = Session.out(spec);
      for (SourceInfo s : f.sources()) {
        out.printf("forgot %s %s (%s)%n", s.id(), s.origin(), s.format());
      }
      out.printf("%d signals deleted", f.removed());
      if (f.kept() > 0) {
        out.printf(", %d kept because another source brought them too", f.kept());
      }
      out.printf("; values computed from them cleared in %d logged decisions; models will be rebuilt without it%n",
          f.decisionsCleared());
    }
    return 0;
  }

  /** Asks on the terminal; without one, refuses, because erasing everything must be a decision the person made. */
  private static boolean confirmed(Path home) {
    Console console = System.console();
    if (console == null) {
      throw new InvalidInputException("forget --all erases everything in " + home
          + " and there is no terminal to ask on: add --yes to confirm");
    }
    String answer = console.readLine("Erase everything Autonomy keeps in %s (data, models, log, rules)? Type 'yes': ", home);
    return answer != null && answer.trim().equalsIgnoreCase("yes");
  }
}
