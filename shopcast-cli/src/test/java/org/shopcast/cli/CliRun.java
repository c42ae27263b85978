package org.shopcast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {
  /** Runs {@code shopcast args...}. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Shopcast.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code shopcast --workspace workspace args...}. */
  public static CliRun inWorkspace(java.nio.file.Path workspace, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--workspace";
    all[1] = workspace.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return of(all);
  }
}
