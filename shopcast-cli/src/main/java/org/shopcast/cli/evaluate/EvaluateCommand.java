package org.shopcast.cli.evaluate;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shopcast evaluate}: offline evaluations, one subcommand per area. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Evaluate models offline against held-out data (see the subcommands).",
    subcommands = {
      org.shopcast.cli.recommend.EvaluateRecsCommand.class,
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a subcommand: prints the usage to stderr, a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("shopcast evaluate: missing subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
