package org.shopcast.cli.recommend;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.eval.UserEvaluation;
import org.shopcast.recommend.eval.UserScore;
import org.shopcast.recommend.eval.UserSplit;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.workspace.StoreRecommender;

/** {@code shopcast evaluate recs --split ...}: user top-K lists on the workspace's events. */
final class UserEvaluationTask {
  private UserEvaluationTask() {}

  /** The JSON output. */
  public record Report(
      String split,
      int k,
      Instant cutoff,
      long trainEvents,
      long trainUsers,
      long items,
      List<UserScore> models) {}

  static int run(
      Path workspace,
      UserSplit split,
      Instant cutoff,
      double testShare,
      int k,
      List<String> models,
      boolean json,
      PrintWriter out) {
    List<Click> clicks;
    try (EventStore store = EventStore.open(workspace)) {
      clicks = StoreRecommender.userClicks(store.connection());
    }
    long cut =
        split == UserSplit.TEMPORAL
            ? (cutoff != null ? cutoff.toEpochMilli() : UserEvaluation.cutoffAt(clicks, testShare))
            : 0;
    UserEvaluation.Result result =
        UserEvaluation.run(clicks, split, cut, k, UserEvaluation.models(models));
    Instant cutAt = split == UserSplit.TEMPORAL ? Instant.ofEpochMilli(cut) : null;
    if (json) {
      Json.print(
          out,
          new Report(
              split.id(),
              k,
              cutAt,
              result.trainEvents(),
              result.trainUsers(),
              result.items(),
              result.models()));
      return 0;
    }
    out.printf(
        "split %s%s: train %,d events, %,d users, %,d items%n",
        split.id(),
        cutAt == null ? "" : " at " + cutAt,
        result.trainEvents(),
        result.trainUsers(),
        result.items());
    List<String> header = new ArrayList<>(List.of("model", "HR@" + k, "Recall@" + k));
    header.addAll(List.of("MRR@" + k, "NDCG@" + k, "Prec@" + k, "coverage", "pop.bias"));
    out.printf(
        "%-8s %8s %9s %8s %8s %8s %9s %9s %7s %8s%n",
        header.get(0),
        header.get(1),
        header.get(2),
        header.get(3),
        header.get(4),
        header.get(5),
        header.get(6),
        header.get(7),
        "users",
        "seconds");
    for (UserScore s : result.models()) {
      out.printf(
          "%-8s %8.4f %9.4f %8.4f %8.4f %8.4f %9.4f %9.4f %,7d %8.1f%n",
          s.name(),
          s.hitRate(),
          s.recall(),
          s.mrr(),
          s.ndcg(),
          s.precision(),
          s.coverage(),
          s.popularityBias(),
          s.users(),
          s.seconds());
    }
    out.flush();
    return 0;
  }
}
