package org.shopcast.cli.evaluate;

import java.util.concurrent.Callable;
import org.shopcast.cli.RootCommand;
import org.shopcast.cli.predict.EvaluateTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code shopcast evaluate}: offline evaluations; per-user tasks with {@code --task}, the other
 * areas as subcommands.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate models offline against held-out data.",
      EvaluateTask.DESCRIPTION,
      "Recommendations: see the recs subcommand."
    },
    subcommands = {
      org.shopcast.cli.recommend.EvaluateRecsCommand.class,
    })
public final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Mixin EvaluateTask task;

  /** With {@code --task}: the per-user task evaluation; without it a usage error. */
  @Override
  public Integer call() {
    if (task.requested()) {
      return task.run(root.workspace(), spec.commandLine().getOut());
    }
    spec.commandLine().getErr().println("shopcast evaluate: give --task or a subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
