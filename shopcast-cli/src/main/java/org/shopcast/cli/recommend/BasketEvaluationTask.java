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

/**
 * {@code shopcast evaluate recs --protocol basket}: basket completion on a temporal split. With one
 * hidden item per basket the {@code recall} of each model is its HitRate@K.
 */
final class BasketEvaluationTask {
  private BasketEvaluationTask() {}

  /** The JSON output. */
  public record Report(
      String protocol,
      String source,
      int k,
      double testShare,
      long seed,
      int trainBaskets,
      int testBaskets,
      List<ModelScore> models) {}

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
    int train = split.train().size();
    int test = split.test().size();
    if (json) {
      Json.print(out, new Report("basket", source, k, testShare, seed, train, test, scores));
      return 0;
    }
    out.printf(
        "basket completion on %s: train %,d baskets, test %,d baskets (one hidden item each, seed"
            + " %d)%n",
        source, train, test, seed);
    EvaluateRecsCommand.printScores(out, k, "HR@", scores);
    out.flush();
    return 0;
  }
}
