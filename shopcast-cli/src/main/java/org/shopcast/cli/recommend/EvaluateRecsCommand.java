package org.shopcast.cli.recommend;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.recommend.eval.BasketEvaluation;
import org.shopcast.recommend.eval.ModelScore;
import org.shopcast.recommend.eval.SessionEvaluation;
import org.shopcast.recommend.eval.SessionModels;
import org.shopcast.recommend.gru.Gru4RecLoss;
import org.shopcast.recommend.gru.Gru4RecOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;
import org.shopcast.recommend.session.SessionFormat;
import org.shopcast.recommend.session.SessionReader;
import org.shopcast.recommend.session.SessionSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shopcast evaluate recs}: the next-item protocol on session click logs. */
@Command(
    name = "recs",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Evaluate the session recommenders with the next-item protocol: for every test session",
      "and every position, each model sees the events so far and its top-K list is scored",
      "against the next item (Recall@K = HitRate@K, MRR@K, NDCG@K, precision@K, catalogue",
      "coverage, popularity bias). Test clicks on items absent from training are dropped,",
      "then test sessions shorter than 2. The popularity baseline is always reported.",
      "",
      "Models: popular, trending (24 h half-life), iknn (item kNN, last item), sknn and",
      "vsknn (Ludewig & Jannach 2018), als (implicit ALS, Hu et al. 2008, folded in),",
      "gru4rec (GRU session model, Hidasi et al. 2016/2018, trained with DJL on the CPU;",
      "the slowest: minutes on the 100k YOOCHOOSE split; --gru-* options tune it).",
      "Give --sessions-train and --sessions-test, or --sessions with --test-days to split",
      "one log by time. See docs/recommend.md.",
      "",
      "User lists on the workspace's events instead: --split temporal|leave-last-out (models",
      "popular, iknn, uknn, als; HitRate, Recall, MRR, NDCG, precision, coverage, popularity",
      "bias at K; --test-share or --cutoff place the temporal cutoff).",
      "",
      "Basket completion instead: --protocol basket (baskets from --baskets FILE in time order,",
      "else the workspace's orders by time; the last --test-share are the test set). In each",
      "test basket one item (seeded by --seed) is hidden and each model ranks the items not in",
      "the basket from the others: popular, iknn (item-kNN over baskets), fbt (bought together,",
      "confidence) and fbt-lift; HitRate, MRR, NDCG, precision, coverage, popularity bias at K.",
      "",
      "Exit codes: 0 ok, 1 a file is missing or malformed, 2 usage error."
    })
public final class EvaluateRecsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--sessions-train", paramLabel = "FILE", description = "Training click log.")
  Path train;

  @Option(names = "--sessions-test", paramLabel = "FILE", description = "Test click log.")
  Path test;

  @Option(
      names = "--sessions",
      paramLabel = "FILE",
      description = "One click log to split by time instead (with --test-days).")
  Path sessions;

  @Option(
      names = "--test-days",
      paramLabel = "N",
      description = "With --sessions: sessions ending in the last N days are the test set.")
  Integer testDays;

  @Option(
      names = "--split",
      paramLabel = "NAME",
      description =
          "Evaluate user top-K lists on the workspace's store: temporal or leave-last-out.")
  String split;

  @Option(
      names = "--test-share",
      paramLabel = "F",
      defaultValue = "0.2",
      description =
          "--split temporal: share of the events after the cutoff; --protocol basket: share of"
              + " the baskets in the test set (default: 0.2).")
  double testShare;

  @Option(
      names = "--cutoff",
      paramLabel = "TIME",
      description = "--split temporal: the cutoff instead, ISO-8601 (2017-12-02T00:00:00Z).")
  java.time.Instant cutoff;

  @Option(
      names = "--protocol",
      paramLabel = "NAME",
      description = "basket: basket completion on a temporal split (see above).")
  String protocol;

  @Option(
      names = "--baskets",
      paramLabel = "FILE",
      description =
          "--protocol basket: one basket per line, comma-separated items, oldest first (default:"
              + " the workspace's orders).")
  Path baskets;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "--protocol basket: seed of the hidden-item choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "NAME",
      description = "Click log format: yoochoose or diginetica.")
  String format;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "20",
      description = "List length (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--models",
      paramLabel = "NAME",
      split = ",",
      defaultValue = "popular,iknn,sknn,vsknn,als",
      description =
          "Models to evaluate, comma-separated; add gru4rec for the GRU session model (minutes"
              + " on YOOCHOOSE 100k) (default: ${DEFAULT-VALUE}).")
  List<String> models = new ArrayList<>();

  @Option(
      names = "--gru-epochs",
      paramLabel = "N",
      description = "gru4rec: passes over the training sessions (default: 3).")
  Integer gruEpochs;

  @Option(
      names = "--gru-hidden",
      paramLabel = "N",
      description = "gru4rec: GRU units and embedding size (default: 100).")
  Integer gruHidden;

  @Option(
      names = "--gru-batch",
      paramLabel = "N",
      description = "gru4rec: parallel sessions per mini-batch (default: 32).")
  Integer gruBatch;

  @Option(
      names = "--gru-lr",
      paramLabel = "RATE",
      description = "gru4rec: Adam learning rate (default: 0.005).")
  Double gruLearningRate;

  @Option(
      names = "--gru-loss",
      paramLabel = "NAME",
      description = "gru4rec: cross-entropy or bpr-max (default: cross-entropy).")
  String gruLoss;

  @Option(
      names = "--gru-negatives",
      paramLabel = "N",
      description = "gru4rec: extra sampled negatives per mini-batch (default: 128).")
  Integer gruNegatives;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: {\"k\", \"models\": [{name, recall, mrr, ndcg, coverage}]};"
              + " --protocol basket: {protocol, source, k, testShare, seed, trainBaskets,"
              + " testBaskets, models: [{name, recall (= HitRate), mrr, ndcg, precision, coverage,"
              + " popularityBias, predictions, seconds}]}.")
  boolean json;

  /** One model's line of the JSON output. */
  public record ModelLine(String name, double recall, double mrr, double ndcg, double coverage) {}

  /** The JSON output. */
  public record Report(int k, List<ModelLine> models) {}

  private int userSplit() {
    if (train != null || test != null || sessions != null) {
      throw new IllegalArgumentException(
          "--split evaluates the workspace's store: it excludes --sessions-train,"
              + " --sessions-test and --sessions");
    }
    boolean modelsGiven = spec.commandLine().getParseResult().hasMatchedOption("--models");
    List<String> names = modelsGiven ? models : org.shopcast.recommend.eval.UserEvaluation.NAMES;
    RootCommand root = (RootCommand) spec.root().userObject();
    return UserEvaluationTask.run(
        root.workspace(),
        org.shopcast.recommend.eval.UserSplit.parse(split),
        cutoff,
        testShare,
        k,
        names,
        json,
        spec.commandLine().getOut());
  }

  private int basketProtocol() {
    if (!"basket".equals(protocol)) {
      throw new IllegalArgumentException("--protocol must be basket, got '" + protocol + "'");
    }
    if (train != null || test != null || sessions != null || format != null) {
      throw new IllegalArgumentException(
          "--protocol basket reads --baskets FILE or the workspace's orders: it excludes"
              + " --sessions-train, --sessions-test, --sessions and --format");
    }
    boolean modelsGiven = spec.commandLine().getParseResult().hasMatchedOption("--models");
    RootCommand root = (RootCommand) spec.root().userObject();
    return BasketEvaluationTask.run(
        baskets,
        root.workspace(),
        testShare,
        k,
        modelsGiven ? models : BasketEvaluation.NAMES,
        seed,
        json,
        spec.commandLine().getOut());
  }

  @Override
  public Integer call() {
    if (k < 1) {
      throw new IllegalArgumentException("--k must be >= 1, got " + k);
    }
    if (split != null) {
      return userSplit();
    }
    if (protocol != null) {
      return basketProtocol();
    }
    if (format == null) {
      throw new IllegalArgumentException("give --format (yoochoose or diginetica), or --split");
    }
    SessionFormat sessionFormat = SessionFormat.parse(format);
    List<Click> trainClicks;
    List<Click> testClicks;
    if (sessions != null) {
      if (train != null || test != null || testDays == null) {
        throw new IllegalArgumentException(
            "--sessions needs --test-days and excludes --sessions-train/--sessions-test");
      }
      SessionSplit split =
          SessionSplit.lastDays(SessionReader.read(sessions, sessionFormat), testDays);
      trainClicks = split.train();
      testClicks = split.test();
    } else {
      if (train == null || test == null) {
        throw new IllegalArgumentException(
            "give --sessions-train and --sessions-test, or --sessions with --test-days");
      }
      trainClicks = SessionReader.read(train, sessionFormat);
      testClicks = SessionReader.read(test, sessionFormat);
    }
    for (String name : models) {
      if (!SessionModels.NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "--models: unknown model '"
                + name
                + "', expected "
                + String.join(", ", SessionModels.NAMES));
      }
    }
    SessionDataset trainData = SessionDataset.train(trainClicks);
    SessionDataset testData = SessionDataset.test(testClicks, trainData.items(), 2);
    List<ModelScore> scores = SessionEvaluation.run(trainData, testData, k, models, gruOptions());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<ModelLine> lines = new ArrayList<>();
      for (ModelScore s : scores) {
        lines.add(new ModelLine(s.name(), s.recall(), s.mrr(), s.ndcg(), s.coverage()));
      }
      Json.print(out, new Report(k, lines));
    } else {
      out.printf(
          "train: %,d sessions, %,d clicks, %,d items; test: %,d sessions, %,d clicks (%,d dropped)%n",
          trainData.sessions().size(),
          trainData.clicks(),
          trainData.items().size(),
          testData.sessions().size(),
          testData.clicks(),
          testData.droppedClicks());
      printScores(out, k, "Recall@", scores);
      out.flush();
    }
    return 0;
  }

  /** Prints one line per model; {@code recall} is headed {@code recallLabel} + K. */
  static void printScores(PrintWriter out, int k, String recallLabel, List<ModelScore> scores) {
    out.printf(
        "%-9s %9s %9s %9s %9s %9s %9s %12s %8s%n",
        "model",
        recallLabel + k,
        "MRR@" + k,
        "NDCG@" + k,
        "Prec@" + k,
        "coverage",
        "pop.bias",
        "predictions",
        "seconds");
    for (ModelScore s : scores) {
      out.printf(
          "%-9s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %,12d %8.1f%n",
          s.name(),
          s.recall(),
          s.mrr(),
          s.ndcg(),
          s.precision(),
          s.coverage(),
          s.popularityBias(),
          s.predictions(),
          s.seconds());
    }
  }

  /** The GRU4Rec settings: the defaults with the --gru-* options given. */
  private Gru4RecOptions gruOptions() {
    Gru4RecOptions o = new Gru4RecOptions();
    if (gruEpochs != null) {
      o = o.withEpochs(gruEpochs);
    }
    if (gruHidden != null) {
      o = o.withHiddenSize(gruHidden);
    }
    if (gruBatch != null) {
      o = o.withBatchSize(gruBatch);
    }
    if (gruLearningRate != null) {
      o = o.withLearningRate(gruLearningRate);
    }
    if (gruLoss != null || gruNegatives != null) {
      o =
          o.withLoss(
              gruLoss == null ? o.loss() : Gru4RecLoss.parse(gruLoss),
              gruNegatives == null ? o.negatives() : gruNegatives);
    }
    return o;
  }
}
