package org.shopcast.cli.btyd;

import org.shopcast.cli.RootCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code shopcast btyd}: the buy-till-you-die models of repeat purchasing and spend. */
@Command(
    name = "btyd",
    mixinStandardHelpOptions = true,
    description = {
      "Buy-till-you-die models of repeat purchasing (BG/NBD, Pareto/NBD, MBG/NBD) and spend"
          + " (Gamma-Gamma): fit them on a customer summary and predict purchases, P(alive)"
          + " and lifetime value.",
      "",
      "A summary file is a CSV with a header: id, frequency, recency, T[, monetary_value]"
          + " (lifetimes) or ID, x, t_x, T[, zbar] (BTYD); see docs/btyd.md."
    },
    subcommands = {BtydFitCommand.class, BtydPredictCommand.class})
public final class BtydCommand {
  @ParentCommand RootCommand root;

  /** The root command (for the workspace). */
  RootCommand root() {
    return root;
  }
}
