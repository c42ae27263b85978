package org.shopcast.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the runnable jar: runs the root command and exits with its code. */
public final class Shopcast {
  private Shopcast() {}

  /** Runs {@code shopcast} with the given arguments and exits: 0 ok, 1 failed, 2 usage error. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code shopcast} with the given arguments and returns the exit code. */
  public static int run(String... args) {
    return commandLine(
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8))
        .execute(args);
  }

  /** The configured command line writing to the given streams (tests use their own). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new RootCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpWidth(100);
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }
}
