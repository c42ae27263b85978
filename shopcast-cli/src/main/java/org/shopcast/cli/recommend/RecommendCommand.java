package org.shopcast.cli.recommend;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.EventType;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.workspace.Explained;
import org.shopcast.recommend.workspace.RecsIndex;
import org.shopcast.recommend.workspace.RecsInfo;
import org.shopcast.recommend.workspace.RecsModel;
import org.shopcast.recommend.workspace.StoreRecommender;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast recommend}: lists for a user, an item or a session from the workspace. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Recommend items from the workspace's events, each with a short reason.",
      "",
      "--user U: item-kNN over the user's history (recent events weigh more); items the user",
      "  bought are left out unless --include-purchased.",
      "--item I: the items most often in the same sessions as I (regularised cosine); with",
      "  --model fbt the items most often bought in the same orders as I (confidence).",
      "--session FILE: continue a session given as lines 'item_id[,type]' (type: view,",
      "  favorite, cart_add, purchase; default view), oldest first; V-SKNN, then item-kNN;",
      "  the last item itself is left out; --model gru4rec puts GRU4Rec first instead, and",
      "  --model fbt completes a basket: the items most often bought with all of them.",
      "Cold start: when a model has too few items, the list is filled from the popular items",
      "of the latest item's category, then from the items popular this week.",
      "--user and --item read the lists precomputed by `shopcast train recs` (fast; the latest",
      "trained model, or --model NAME); an unknown user gets the stored cold-start list. Without",
      "stored lists, or with --live, the models are trained from the store on this call.",
      "--session always trains on the call. See docs/recommend.md.",
      "",
      "Exit codes: 0 ok, 1 failed (unknown item, unreadable file, empty store), 2 usage error."
    })
public final class RecommendCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Target target;

  /** Exactly one of the three questions. */
  static final class Target {
    @Option(names = "--user", paramLabel = "U", required = true, description = "For this user.")
    String user;

    @Option(
        names = "--item",
        paramLabel = "I",
        required = true,
        description = "Items similar to this item.")
    String item;

    @Option(
        names = "--session",
        paramLabel = "FILE",
        required = true,
        description = "Continue the session in FILE.")
    Path session;
  }

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      defaultValue = "10",
      description = "How many items (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--include-purchased",
      description = "Allow items already purchased (trains on the call, like --live).")
  boolean includePurchased;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description =
          "With --user/--item: read the precomputed lists of this model (iknn, uknn, als,"
              + " popular, fbt: bought together). With --session: the model first in the chain,"
              + " vsknn (default), gru4rec (GRU4Rec, trained on the store's sessions on each call;"
              + " slower) or fbt (bought together with the session's items, counted on the call).")
  String model;

  @Option(names = "--live", description = "Train from the store on this call (no stored lists).")
  boolean live;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: {query, lists, items: [{itemId, score, source, reason}]};"
              + " lists is the stored lists' provenance, or null when trained on the call.")
  boolean json;

  private static final java.util.Set<String> SESSION_MODELS =
      java.util.Set.of("vsknn", "gru4rec", "fbt");

  /** The JSON output. */
  public record Report(String query, RecsInfo lists, List<Explained> items) {}

  @Override
  public Integer call() {
    if (count < 1) {
      throw new IllegalArgumentException("-n must be >= 1, got " + count);
    }
    if (target.session != null && model != null && !SESSION_MODELS.contains(model)) {
      throw new IllegalArgumentException(
          "--model with --session must be vsknn, gru4rec or fbt, got '" + model + "'");
    }
    Rules rules = new Rules(!includePurchased, false, java.util.Set.of(), null, null, 0);
    List<Explained> items;
    String query;
    List<Click> session = target.session == null ? null : readSession(target.session);
    RecsInfo lists = null;
    try (EventStore store = EventStore.open(root.workspace())) {
      if (model != null && target.session == null) {
        RecsModel.parse(model);
        if (live || includePurchased) {
          throw new IllegalArgumentException(
              "--model with --user or --item reads precomputed lists: it excludes --live and"
                  + " --include-purchased");
        }
      }
      if (!live && !includePurchased && target.session == null) {
        Optional<RecsInfo> stored =
            RecsIndex.stored(store.connection()).stream()
                .filter(i -> model == null || i.model().equals(RecsModel.parse(model).id()))
                .findFirst();
        if (stored.isEmpty() && model != null) {
          throw new IllegalStateException(
              "no precomputed lists of model '"
                  + model
                  + "' in "
                  + root.workspace()
                  + "; run: shopcast train recs --model "
                  + model);
        }
        if (stored.isEmpty()) {
          spec.commandLine()
              .getErr()
              .println(
                  "note: no precomputed lists in the workspace (shopcast train recs builds"
                      + " them); training from the store for this call");
        } else {
          lists = stored.get();
        }
      }
      if (lists != null) {
        Stored answer = readStored(store, lists);
        query = answer.query();
        items = answer.items();
      } else {
        StoreRecommender recommender =
            StoreRecommender.train(store.connection(), "fbt".equals(model));
        if (target.user != null) {
          query = "user " + target.user + (recommender.knowsUser(target.user) ? "" : " (unknown)");
          items = recommender.forUser(target.user, count, rules);
        } else if (target.item != null) {
          query = "similar to item " + target.item;
          Optional<List<Explained>> similar = recommender.similarTo(target.item, count, rules);
          if (similar.isEmpty()) {
            throw new IllegalStateException(
                "item '" + target.item + "' has no events in the store " + root.workspace());
          }
          items = similar.get();
        } else {
          query = "session " + target.session;
          items = recommender.forSession(session, count, rules, model == null ? "vsknn" : model);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, new Report(query, lists, items));
    } else {
      out.println(query);
      if (lists != null) {
        out.printf(
            "(precomputed %s lists, version %d, trained %s)%n",
            lists.model(), lists.version(), lists.trainedAt());
      }
      int rank = 1;
      for (Explained e : items) {
        out.printf("%3d  %-14s %-20s %s%n", rank++, e.itemId(), e.source(), e.reason());
      }
      out.flush();
    }
    return 0;
  }

  private record Stored(String query, List<Explained> items) {}

  private Stored readStored(EventStore store, RecsInfo lists) {
    if (target.user != null) {
      Optional<List<Explained>> list =
          RecsIndex.queryUser(store.connection(), lists, target.user, count);
      if (list.isPresent()) {
        return new Stored("user " + target.user, list.get());
      }
      return new Stored(
          "user " + target.user + " (unknown when the lists were trained: cold-start list)",
          RecsIndex.queryUser(store.connection(), lists, null, count).orElse(List.of()));
    }
    Optional<List<Explained>> similar =
        RecsIndex.querySimilar(store.connection(), lists, target.item, count);
    if (similar.isEmpty()) {
      throw new IllegalStateException(
          "item '"
              + target.item
              + "' had no events when the "
              + lists.model()
              + " lists were trained (version "
              + lists.version()
              + "); retrain with shopcast train recs, or use --live");
    }
    String about =
        RecsModel.FBT.id().equals(lists.model())
            ? "bought together with item "
            : "similar to item ";
    return new Stored(about + target.item, similar.get());
  }

  private static List<Click> readSession(Path file) {
    String name = String.valueOf(file.getFileName());
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DataException(
          new RowError(file.toString(), 0, null, ErrorCode.FileNotFound, "a readable file", null),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(",", -1);
      long lineNo = i + 1L;
      EventType type = EventType.VIEW;
      if (fields.length > 2 || fields[0].isBlank()) {
        throw new DataException(
            new RowError(name, i + 1, null, ErrorCode.MalformedRow, "item_id[,type]", line));
      }
      if (fields.length == 2) {
        type =
            EventType.parse(fields[1])
                .orElseThrow(
                    () ->
                        new DataException(
                            new RowError(
                                name,
                                lineNo,
                                "type",
                                ErrorCode.UnknownEventType,
                                "view, favorite, cart_add or purchase",
                                fields[1])));
      }
      clicks.add(new Click("session", null, fields[0].strip(), i, type, i + 1));
    }
    if (clicks.isEmpty()) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.EmptyFile, "at least one item line", null));
    }
    return clicks;
  }
}
