package org.shopcast.cli.recommend;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shopcast.analytics.rules.BasketReader;
import org.shopcast.analytics.rules.Baskets;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.eval.BasketEvaluation;
import org.shopcast.recommend.eval.ModelScore;
import org.shopcast.recommend.fbt.FbtModel;

/** {@code shopcast evaluate recs --protocol basket}: basket completion on a temporal split. */
final class BasketEvaluationTask {
  private BasketEvaluationTask() {}

  /** One model's line of the JSON output (HitRate@K equals Recall@K with one hidden item). */
  public record ModelLine(
      String name,
      double hitRate,
      double mrr,
      double ndcg,
      double precision,
      double coverage,
      double popularityBias,
      long baskets,
      double seconds) {}

  /** The JSON output. */
  public record Report(
      String protocol,
      String source,
      int k,
      double testShare,
      long seed,
      int trainBaskets,
      int testBaskets,
      List<ModelLine> models) {}

  /** Reads the baskets ({@code file}, else the workspace's orders), evaluates, prints. */
  static int run(
      Path file,
      Path workspace,
      double testShare,
      int k,
      List<String> models,
      long seed,
      boolean json,
      PrintWriter out) {
    List<List<String>> baskets;
    String source;
    if (file != null) {
      Baskets read = BasketReader.read(file);
      baskets = new ArrayList<>(read.size());
      for (int b = 0; b < read.size(); b++) {
        List<String> items = new ArrayList<>();
        for (int id : read.basket(b)) {
          items.add(read.itemName(id));
        }
        baskets.add(items);
      }
      source = file.toString();
    } else {
      try (EventStore store = EventStore.open(workspace)) {
        baskets = FbtModel.storeBaskets(store.connection());
      }
      source = workspace + " (orders by first event time)";
    }
    BasketEvaluation.Split split = BasketEvaluation.split(baskets, testShare);
    List<ModelScore> scores = BasketEvaluation.run(split, k, models, seed);
    List<ModelLine> lines = new ArrayList<>();
    for (ModelScore s : scores) {
      lines.add(
          new ModelLine(
              s.name(),
              s.recall(),
              s.mrr(),
              s.ndcg(),
              s.precision(),
              s.coverage(),
              s.popularityBias(),
              s.predictions(),
              s.seconds()));
    }
    int train = split.train().size();
    int test = split.test().size();
    if (json) {
      Json.print(out, new Report("basket", source, k, testShare, seed, train, test, lines));
      return 0;
    }
    out.printf(
        "basket completion on %s: train %,d baskets, test %,d baskets (one hidden item each, seed"
            + " %d)%n",
        source, train, test, seed);
    out.printf(
        "%-9s %8s %8s %8s %8s %9s %9s %8s %8s%n",
        "model",
        "HR@" + k,
        "MRR@" + k,
        "NDCG@" + k,
        "Prec@" + k,
        "coverage",
        "pop.bias",
        "baskets",
        "seconds");
    for (ModelLine s : lines) {
      out.printf(
          "%-9s %8.4f %8.4f %8.4f %8.4f %9.4f %9.4f %,8d %8.1f%n",
          s.name(),
          s.hitRate(),
          s.mrr(),
          s.ndcg(),
          s.precision(),
          s.coverage(),
          s.popularityBias(),
          s.baskets(),
          s.seconds());
    }
    out.flush();
    return 0;
  }
}
