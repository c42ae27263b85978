package org.shopcast.analytics.segment;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.shopcast.analytics.internal.Sql;
import org.shopcast.analytics.profile.UserProfiles;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Segments users with Tribuo's k-means (Lloyd's algorithm with k-means++ seeding, Arthur &amp;
 * Vassilvitskii 2007) on standardised features of the {@code user_profiles} table; k is chosen in a
 * range by the highest mean silhouette (Rousseeuw 1987) on a seeded sample of users. Single
 * threaded and seeded, so the same store and options give the same segments. Each cluster is
 * described in words from its centroid in standard deviations (e.g. "frequent night browsers who
 * rarely buy"). The assignment is stored as the table {@value #TABLE} (user_id, segment).
 */
public final class Segmenter {
  /** Tribuo logs each k-means iteration at INFO; held here so the setting is not collected. */
  private static final Logger TRIBUO_LOG = Logger.getLogger(KMeansTrainer.class.getName());

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  /** The table of assignments. */
  public static final String TABLE = "user_segments";

  /** The features, each from a profile column (counts and money on a log scale). */
  static final List<String> FEATURES =
      List.of(
          "recency_days",
          "log_events",
          "log_sessions",
          "log_carts",
          "log_favourites",
          "log_orders",
          "log_value",
          "night_share",
          "weekend_share",
          "cart_abandonment",
          "log_session_minutes");

  private Segmenter() {}

  /** Reads (building when absent) the profiles of the store and segments the users. */
  public static SegmentResult segment(Connection connection, SegmentOptions options) {
    Object exists =
        Sql.scalar(
            connection,
            "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                + UserProfiles.TABLE
                + "'");
    if (((Long) exists) == 0) {
      UserProfiles.build(connection, ZoneOffset.UTC);
    }
    List<Map<String, Object>> rows =
        Sql.rows(
            connection,
            """
            SELECT user_id, recency_days, ln(1 + events) AS log_events,
              ln(1 + sessions) AS log_sessions, ln(1 + carts) AS log_carts,
              ln(1 + favourites) AS log_favourites, ln(1 + orders) AS log_orders,
              ln(1 + CASE WHEN (SELECT sum(revenue) FROM user_profiles) > 0 THEN revenue
                          ELSE items_bought END) AS log_value,
              night_share, weekend_share, coalesce(cart_abandonment, 0) AS cart_abandonment,
              ln(1 + mean_session_minutes) AS log_session_minutes
            FROM user_profiles ORDER BY user_id
            """);
    int n = rows.size();
    int d = FEATURES.size();
    if (n < options.maxK()) {
      throw new IllegalArgumentException(
          "segments need at least maxK (" + options.maxK() + ") users, the store has " + n);
    }
    double[][] raw = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        raw[i][j] = ((Number) rows.get(i).get(FEATURES.get(j))).doubleValue();
      }
    }
    double[] mean = new double[d];
    double[] sd = new double[d];
    double[][] z = Standardise.apply(raw, mean, sd);
    int[] sample = sample(n, options.sample(), options.seed());
    Map<Integer, Double> scores = new TreeMap<>();
    int bestK = -1;
    double best = Double.NEGATIVE_INFINITY;
    int[] bestAssign = null;
    double[][] bestCentroids = null;
    for (int k = options.minK(); k <= options.maxK(); k++) {
      double[][] centroids = new double[k][];
      int[] assign = fit(z, k, options.seed(), centroids);
      double s = Silhouette.mean(z, assign, sample);
      scores.put(k, s);
      if (s > best) {
        best = s;
        bestK = k;
        bestAssign = assign;
        bestCentroids = centroids;
      }
    }
    store(connection, rows, bestAssign);
    List<Map<String, Object>> segments = new ArrayList<>();
    int[] sizes = new int[bestK];
    for (int a : bestAssign) {
      sizes[a]++;
    }
    for (int c = 0; c < bestK; c++) {
      Map<String, Object> row = new LinkedHashMap<>();
      Map<String, Double> zc = new LinkedHashMap<>();
      Map<String, Double> centroid = new LinkedHashMap<>();
      for (int j = 0; j < d; j++) {
        zc.put(FEATURES.get(j), bestCentroids[c][j]);
        centroid.put(FEATURES.get(j), mean[j] + bestCentroids[c][j] * sd[j]);
      }
      row.put("segment", (long) c);
      row.put("users", (long) sizes[c]);
      row.put("share", (double) sizes[c] / n);
      row.put("description", Describe.of(zc));
      row.put("centroid", centroid);
      row.put("z", zc);
      segments.add(row);
    }
    return new SegmentResult(bestK, options.seed(), scores, FEATURES, segments);
  }

  /** Fits k-means with Tribuo; fills {@code centroids} (in z units) and returns assignments. */
  static int[] fit(double[][] z, int k, long seed, double[][] centroids) {
    ClusteringFactory factory = new ClusteringFactory();
    MutableDataset<ClusterID> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "user_profiles",
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                factory),
            factory);
    String[] names = new String[FEATURES.size()];
    for (int j = 0; j < names.length; j++) {
      names[j] = String.format(java.util.Locale.ROOT, "f%02d", j);
    }
    for (double[] row : z) {
      data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, row));
    }
    KMeansTrainer trainer =
        new KMeansTrainer(
            k, 100, DistanceType.L2.getDistance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
    KMeansModel model = trainer.train(data);
    DenseVector[] vectors = model.getCentroidVectors();
    var featureIds = model.getFeatureIDMap();
    for (int c = 0; c < k; c++) {
      centroids[c] = new double[names.length];
      for (int j = 0; j < names.length; j++) {
        centroids[c][j] = vectors[c].get(featureIds.getID(names[j]));
      }
    }
    int[] assign = new int[z.length];
    for (int i = 0; i < z.length; i++) {
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double dist = 0;
        for (int j = 0; j < names.length; j++) {
          double diff = z[i][j] - centroids[c][j];
          dist += diff * diff;
        }
        if (dist < bestDistance) {
          bestDistance = dist;
          assign[i] = c;
        }
      }
    }
    return assign;
  }

  private static int[] sample(int n, int size, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int m = Math.min(n, size);
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = new int[m];
    System.arraycopy(all, 0, out, 0, m);
    return out;
  }

  private static void store(Connection connection, List<Map<String, Object>> rows, int[] assign) {
    StringBuilder values = new StringBuilder();
    Sql.execute(
        connection, "CREATE OR REPLACE TABLE " + TABLE + " (user_id VARCHAR, segment INTEGER)");
    for (int i = 0; i < rows.size(); i++) {
      if (values.length() > 0) {
        values.append(',');
      }
      values
          .append('(')
          .append(Sql.literal((String) rows.get(i).get("user_id")))
          .append(',')
          .append(assign[i])
          .append(')');
      if ((i + 1) % 5000 == 0 || i == rows.size() - 1) {
        Sql.execute(connection, "INSERT INTO " + TABLE + " VALUES " + values);
        values.setLength(0);
      }
    }
  }
}
