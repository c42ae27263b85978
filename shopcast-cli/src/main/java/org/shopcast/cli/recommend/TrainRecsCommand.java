package org.shopcast.cli.recommend;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.workspace.RecsInfo;
import org.shopcast.recommend.workspace.RecsModel;
import org.shopcast.recommend.workspace.RecsTrainer;
import org.shopcast.recommend.workspace.TrainRecsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shopcast train recs}: precomputes serving lists into the workspace. */
@Command(
    name = "recs",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train recommendation models from the workspace's events and store, per model, the top-N",
      "list of every user, one cold-start list and the similar-items list of every item, with",
      "a reason per item and the provenance (model, version, trained-at, options, data",
      "fingerprint). `shopcast recommend` then reads these lists instead of retraining.",
      "",
      "Models: iknn (item-kNN over the user's history), uknn (user-kNN), als (implicit ALS,",
      "Hu et al. 2008), popular (trending, 7-day half-life), fbt (frequently bought together:",
      "pairs of items in the same orders, else sessions, with co-count >= 2, ranked by",
      "confidence; Agrawal et al. 1993). Each list is filled from popular in the category of",
      "the user's latest item, then trending (cold-start chain). Item lists come from item-kNN,",
      "except for fbt: the items most often bought with the item, then its item-kNN neighbours.",
      "Items a user bought are left out of that user's list unless --include-purchased.",
      "",
      "Atomic: the new lists replace the model's previous ones in one transaction; a failed",
      "train leaves the previous lists. Tables: recs_models, recs_user_lists, recs_item_lists.",
      "See docs/recommend.md.",
      "",
      "Exit codes: 0 ok, 1 failed (empty store, workspace in use), 2 usage error."
    })
public final class TrainRecsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      split = ",",
      defaultValue = "iknn",
      description =
          "Models to train, comma-separated: iknn, uknn, als, popular, fbt (default: iknn).")
  List<String> models = new ArrayList<>();

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      defaultValue = "50",
      description = "List length per user and per item (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--include-purchased", description = "Keep items a user bought in their list.")
  boolean includePurchased;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: {models: [{model, version, trainedAt, listLength, options,"
              + " fingerprint, users, items, seconds}]}.")
  boolean json;

  /** The JSON output. */
  public record Report(List<RecsInfo> models) {}

  @Override
  public Integer call() {
    if (count < 1 || count > 1000) {
      throw new IllegalArgumentException("-n must be in [1, 1000], got " + count);
    }
    List<RecsModel> chosen = new ArrayList<>();
    for (String name : models) {
      chosen.add(RecsModel.parse(name));
    }
    RootCommand root = (RootCommand) spec.root().userObject();
    List<RecsInfo> trained = new ArrayList<>();
    try (EventStore store = EventStore.open(root.workspace())) {
      for (RecsModel model : chosen) {
        TrainRecsOptions defaults = TrainRecsOptions.of(model, count);
        TrainRecsOptions options =
            new TrainRecsOptions(
                model,
                count,
                !includePurchased,
                defaults.itemKnn(),
                defaults.userNeighbours(),
                defaults.als(),
                defaults.fbt());
        trained.add(RecsTrainer.train(store.connection(), options, Clock.systemUTC()));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, new Report(trained));
    } else {
      for (RecsInfo info : trained) {
        out.printf(
            "%s: version %d, %,d user lists + 1 cold-start list, %,d similar-items lists of %d,"
                + " %.1f s%n  data %s%n",
            info.model(),
            info.version(),
            info.users(),
            info.items(),
            info.listLength(),
            info.seconds(),
            info.fingerprint());
      }
      out.flush();
    }
    return 0;
  }
}
