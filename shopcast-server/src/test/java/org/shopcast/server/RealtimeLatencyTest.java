package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.registry.ModelRegistry;
import org.shopcast.predict.registry.ModelTrainer;
import org.shopcast.predict.registry.TrainRequest;
import org.shopcast.predict.sequence.SequenceOptions;
import org.shopcast.predict.tasks.UserTask;
import org.shopcast.recommend.workspace.RecsModel;
import org.shopcast.recommend.workspace.RecsTrainer;
import org.shopcast.recommend.workspace.TrainRecsOptions;

/**
 * Latency of the real-time read endpoints on the UCI Online Retail 20k-line sample (purchase model
 * and item-kNN lists trained first): 100 sequential requests each for user state, scores,
 * recommendations and similar items, over distinct users. Writes the medians and maxima to {@code
 * target/realtime-latency.txt}. Slow: {@code ./mvnw -o test -pl shopcast-server -am -Pslow
 * -Dtest=RealtimeLatencyTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class RealtimeLatencyTest {
  private static final Path DATA =
      Path.of("/work/shared/data/uci-online-retail/online_retail_random20k.csv");

  @TempDir Path workspace;

  @Test
  void readEndpoints_answerAndAreTimed() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(DATA), "the UCI Online Retail sample is absent: " + DATA);
    List<String> users = new ArrayList<>();
    List<String> items = new ArrayList<>();
    try (EventStore store = EventStore.open(workspace)) {
      new Importer(store, Clock.systemUTC())
          .importFile(DATA, ImportOptions.of(Format.ONLINE_RETAIL));
      ModelTrainer.train(
          new ModelRegistry(store.connection(), workspace),
          store.connection(),
          new TrainRequest(
              UserTask.PURCHASE, 30, "xgboost", 2, List.of(), 42, 6, new SequenceOptions()));
      RecsTrainer.train(
          store.connection(), TrainRecsOptions.of(RecsModel.IKNN, 20), Clock.systemUTC());
      try (Statement st = store.connection().createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT user_id, any_value(item_id) FROM events GROUP BY user_id"
                      + " ORDER BY hash(user_id) LIMIT 100")) {
        while (rs.next()) {
          users.add(rs.getString(1));
          items.add(rs.getString(2));
        }
      }
    }
    StringBuilder report = new StringBuilder();
    try (TestServer t = new TestServer(workspace)) {
      report.append(time(t, "/api/v1/users/%s?include=none", users));
      report.append(time(t, "/api/v1/users/%s/scores", users));
      report.append(time(t, "/api/v1/users/%s/recommendations", users));
      report.append(time(t, "/api/v1/items/%s/similar", items));
      report.append(time(t, "/api/v1/users/%s", users));
    }
    Files.writeString(Path.of("target/realtime-latency.txt"), report);
  }

  private static String time(TestServer t, String path, List<String> ids) throws Exception {
    double[] ms = new double[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      long start = System.nanoTime();
      HttpResponse<String> r =
          t.get(String.format(Locale.ROOT, path, ids.get(i)), TestServer.bearer(TestServer.READ));
      ms[i] = (System.nanoTime() - start) / 1e6;
      assertThat(r.statusCode()).as(path + " " + r.body()).isIn(200, 404);
    }
    Arrays.sort(ms);
    return String.format(
        Locale.ROOT,
        "%-40s n=%d median %.1f ms, p90 %.1f ms, max %.1f ms%n",
        path,
        ms.length,
        ms[ms.length / 2],
        ms[(int) (ms.length * 0.9)],
        ms[ms.length - 1]);
  }
}
