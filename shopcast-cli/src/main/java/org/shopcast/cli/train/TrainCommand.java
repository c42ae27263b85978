package org.shopcast.cli.train;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shopcast train}: groups the commands that train and store models in the workspace. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train models from the workspace's events and store their output in the workspace.",
      "Recommendations: see the recs subcommand."
    },
    subcommands = {
      org.shopcast.cli.recommend.TrainRecsCommand.class,
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a subcommand: a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("shopcast train: give a subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
