package dev.autonomy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code autonomy} command: a thin shell over the library API. {@code main} wires the command
 * tree in plain code; every subcommand is a {@code Callable<Integer>}.
 */
@Command(
    name = "autonomy",
    mixinStandardHelpOptions = true,
    version = "autonomy 0.1.0",
    description = "A personal AI that works for you, on your machine, with your data.",
    footer = {"", "Benchmarks have their own entry point: ./autonomy bench --help (see docs/benchmarks.md)."},
    subcommands = {CommandLine.HelpCommand.class})
public final class AutonomyCli implements Runnable {

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Vault folder (default: $AUTONOMY_HOME, else ~/.autonomy).")
  Path home;

  @CommandLine.Spec CommandSpec spec;

  // The process environment; tests hand in their own (AUTONOMY_PASSPHRASE cannot be set in-process).
  private Function<String, String> environment = System::getenv;

  // Said on stderr once the command has succeeded: a failed one prints only its one error line.
  private final List<String> notices = new ArrayList<>();

  /** Says {@code line} on stderr after the command, if it succeeds. */
  public void noticeAfterSuccess(String line) {
    notices.add(line);
  }

  /** A variable of the environment the command runs in, or null. */
  public String environment(String name) {
    return environment.apply(name);
  }

  /** The vault folder the person chose, or the default. */
  public Path home() {
    if (home != null) {
      return home;
    }
    String env = System.getenv("AUTONOMY_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".autonomy");
  }

  /** The root command object, from any subcommand's spec. */
  public static AutonomyCli root(CommandSpec spec) {
    return (AutonomyCli) spec.root().userObject();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command tree: the one place that lists every command. */
  public static CommandLine commandLine() {
    return commandLine(System::getenv);
  }

  /** The command tree reading its environment variables from {@code environment}. */
  public static CommandLine commandLine(Function<String, String> environment) {
    AutonomyCli root = new AutonomyCli();
    root.environment = environment;
    CommandLine cli = new CommandLine(root);
    cli.setExecutionStrategy(parsed -> {
      int exit = new CommandLine.RunLast().execute(parsed);
      if (exit == 0) {
        root.notices.forEach(cli.getErr()::println);
        cli.getErr().flush();
      }
      root.notices.clear();
      return exit;
    });
    Commands.register(cli);
    cli.setExecutionExceptionHandler(new ExitCodes("autonomy"));
    return cli;
  }

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    int exit = cli.execute(args);
    // Commands print with print() as well as println(); nothing may be lost at exit.
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(exit);
  }
}
