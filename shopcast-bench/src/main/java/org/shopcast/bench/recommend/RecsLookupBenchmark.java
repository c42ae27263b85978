package org.shopcast.bench.recommend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shopcast.data.generate.EventGenerator;
import org.shopcast.data.generate.Profile;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.workspace.Explained;
import org.shopcast.recommend.workspace.RecsIndex;
import org.shopcast.recommend.workspace.RecsModel;
import org.shopcast.recommend.workspace.RecsTrainer;
import org.shopcast.recommend.workspace.TrainRecsOptions;

/**
 * JMH: a precomputed top-10 lookup from the in-memory {@link RecsIndex} (hash probe plus the ten
 * returned records), for users and for similar items, cycling through every key. Setup imports 300k
 * generated events (default profile, seed 1) into a fresh workspace, trains the item-kNN lists (n =
 * 20) with {@link RecsTrainer} and loads the index.
 *
 * <p>Run from the project root:
 *
 * <pre>
 * ./mvnw -q -o package -pl shopcast-bench -am -DskipTests
 * java -cp "shopcast-bench/target/classes:$(cat shopcast-bench/target/classpath.txt)" \
 *     org.openjdk.jmh.Main RecsLookupBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g"})
public class RecsLookupBenchmark {
  private Path dir;
  private RecsIndex index;
  private String[] users;
  private String[] items;
  private int next;

  /** Generates the events, trains and loads the lists. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    dir = Files.createTempDirectory("shopcast-jmh-recs");
    try (EventStore store = EventStore.open(dir)) {
      EventGenerator.of(Profile.defaultTaobao(), 300_000, 1)
          .importInto(store, Clock.systemUTC(), n -> {});
      RecsTrainer.train(
          store.connection(), TrainRecsOptions.of(RecsModel.IKNN, 20), Clock.systemUTC());
      index = RecsIndex.load(store.connection(), "iknn").orElseThrow();
      users = keys(store, "SELECT DISTINCT user_id FROM events");
      items = keys(store, "SELECT DISTINCT item_id FROM events WHERE item_id IS NOT NULL");
    }
  }

  private static String[] keys(EventStore store, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = store.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    java.util.Collections.shuffle(out, new java.util.Random(1));
    return out.toArray(String[]::new);
  }

  /** Deletes the workspace. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The top 10 of the next user's list. */
  @Benchmark
  public List<Explained> userTop10() {
    String user = users[next++ % users.length];
    return index.forUser(user, 10).orElseThrow();
  }

  /** The 10 items most similar to the next item. */
  @Benchmark
  public List<Explained> similarTop10() {
    String item = items[next++ % items.length];
    return index.similarTo(item, 10).orElseThrow();
  }
}
