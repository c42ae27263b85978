package org.shopcast.cli;

import org.shopcast.core.error.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one clear line on stderr and exit code 1; a caller mistake detected while
 * running ({@link IllegalArgumentException}) is a usage error, exit code 2. Set {@code
 * SHOPCAST_DEBUG=1} to see the stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cli.getErr().println("shopcast: " + message);
    if (System.getenv("SHOPCAST_DEBUG") != null) {
      ex.printStackTrace(cli.getErr());
    }
    cli.getErr().flush();
    if (ex instanceof DataException) {
      return FAILED;
    }
    return ex instanceof IllegalArgumentException ? USAGE : FAILED;
  }
}
