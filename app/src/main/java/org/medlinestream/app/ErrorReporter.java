package org.medlinestream.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns errors into exit codes and short messages: a failure gives exit code 1 and one line
 * ({@code medline-stream local: error: ...}), with the stack trace only under {@code --verbose};
 * a usage error gives exit code 2, the problem and where to find help.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final BooleanSupplier verbose;

  ErrorReporter(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    String line = command.getCommandSpec().qualifiedName() + ": error: " + describe(ex);
    if (verbose.getAsBoolean()) {
      err.println(line);
      ex.printStackTrace(err);
    } else {
      err.println(line + " (--verbose shows details)");
    }
    err.flush();
    return command.getCommandSpec().exitCodeOnExecutionException();
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("See '" + name + " --help'.");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** The first line of the message that says most: wrappers are looked through. */
  static String describe(Throwable error) {
    Throwable t = error;
    while (isWrapper(t) && t.getCause() != null
        && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : t.getMessage().strip().lines().findFirst()
        .orElse("");
    boolean plain = t instanceof IllegalArgumentException
        || t instanceof IllegalStateException
        || t.getClass() == IOException.class
        || t instanceof UncheckedIOException;
    if (message.isEmpty()) {
      return t.getClass().getSimpleName();
    }
    return plain ? message : t.getClass().getSimpleName() + ": " + message;
  }

  private static boolean isWrapper(Throwable t) {
    return t instanceof ExecutionException
        || t instanceof CompletionException
        || t instanceof UncheckedIOException
        || t instanceof InvocationTargetException;
  }
}
