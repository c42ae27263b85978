package org.shopcast.cli.analyze;

import org.shopcast.cli.RootCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code shopcast analyze}: the behaviour analyses over the workspace's event store. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Behaviour analytics over the workspace's event store (or a basket file for rules).",
      "Each analysis prints a text table, or one JSON object with --json.",
      "Definitions and options: docs/analytics.md."
    },
    subcommands = {
      KpisCommand.class,
      FunnelCommand.class,
      RetentionCommand.class,
      PathsCommand.class,
      ProfilesCommand.class,
      RfmCommand.class,
      SegmentsCommand.class,
      RulesCommand.class,
      SequencesCommand.class
    })
public final class AnalyzeCommand {
  @ParentCommand RootCommand root;
}
