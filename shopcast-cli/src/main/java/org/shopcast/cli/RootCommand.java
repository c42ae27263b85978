package org.shopcast.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root {@code shopcast} command: global options and the list of subcommands. */
@Command(
    name = "shopcast",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Understand and predict what an online shop's users will do.",
      "",
      "Exit codes: 0 ok, 1 failed, 2 usage error."
    },
    subcommands = {
      org.shopcast.cli.importing.ImportCommand.class,
      org.shopcast.cli.stats.StatsCommand.class,
      org.shopcast.cli.demo.DemoCommand.class,
      org.shopcast.cli.generate.GenerateCommand.class,
      org.shopcast.cli.quality.QualityCommand.class,
      org.shopcast.cli.btyd.BtydCommand.class,
      org.shopcast.cli.analyze.AnalyzeCommand.class,
      org.shopcast.cli.predict.ExplainCommand.class,
      org.shopcast.cli.predict.TrainCommand.class,
      org.shopcast.cli.predict.PredictCommand.class,
      org.shopcast.cli.predict.ModelsCommand.class,
      org.shopcast.cli.report.ReportCommand.class,
      org.shopcast.cli.evaluate.EvaluateCommand.class,
      org.shopcast.cli.recommend.RecommendCommand.class,
      org.shopcast.cli.serve.ServeCommand.class,
      org.shopcast.cli.forecast.ForecastCommand.class,
      org.shopcast.cli.forecast.BacktestCommand.class,
    })
public final class RootCommand {

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description =
          "Workspace directory holding the store, quarantine and reports (default: ${DEFAULT-VALUE}).",
      defaultValue = "./shopcast-workspace")
  Path workspace = Paths.get("./shopcast-workspace");

  /** The workspace directory given by {@code --workspace}. */
  public Path workspace() {
    return workspace;
  }
}
