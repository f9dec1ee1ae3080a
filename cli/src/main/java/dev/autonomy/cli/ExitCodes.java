package dev.autonomy.cli;

import dev.autonomy.core.AutonomyFailure;
import dev.autonomy.core.InvalidInputException;
import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;

/**
 * How an exception out of a command becomes an exit code and a message on stderr, for every entry
 * point: {@code autonomy} and {@code autonomy bench} (which depends on this module; the CLI does not
 * depend on bench). The person's error ({@link InvalidInputException}: bad input, refused by a rule
 * or a limit, unknown id) exits {@value #PERSONS_ERROR} with one line saying what to change, as
 * picocli does for a bad option. Anything else is a failure of ours: exit {@value #FAILURE}, with
 * the stack trace when {@code AUTONOMY_DEBUG} is set.
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
  /** The person's error: change the input and run again. */
  public static final int PERSONS_ERROR = 2;

  /** A failure of ours: the vault, a saved model, the disk. */
  public static final int FAILURE = 1;

  private final String program;

  /** A handler whose messages start with {@code program} ({@code "autonomy"}, {@code "autonomy bench"}). */
  public ExitCodes(String program) {
    this.program = Objects.requireNonNull(program, "program");
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (failure instanceof InvalidInputException) {
      err.println(program + ": " + failure.getMessage());
      err.flush();
      return PERSONS_ERROR;
    }
    // Our own failures carry a message written for the person; anything else shows its type.
    err.println(program + ": failed: " + (failure instanceof AutonomyFailure ? failure.getMessage() : failure.toString()));
    if (System.getenv("AUTONOMY_DEBUG") != null) {
      failure.printStackTrace(err);
    } else {
      err.println("(set AUTONOMY_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return FAILURE;
  }
}
