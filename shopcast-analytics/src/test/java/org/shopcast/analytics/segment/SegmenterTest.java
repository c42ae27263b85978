package org.shopcast.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.analytics.TaobaoStore;
import org.shopcast.data.store.EventStore;

class SegmenterTest {
  @TempDir Path dir;

  @Test
  void segment_isDeterministicBySeed() throws Exception {
    try (EventStore store = TaobaoStore.open(dir, "taobao/UserBehavior_head_43users.csv")) {
      Connection db = store.connection();
      SegmentOptions options = new SegmentOptions(2, 5, 7L, 40);
      SegmentResult first = Segmenter.segment(db, options);
      List<Object[]> firstAssign =
          TaobaoStore.query(db, "SELECT user_id, segment FROM user_segments ORDER BY user_id");
      SegmentResult second = Segmenter.segment(db, options);
      List<Object[]> secondAssign =
          TaobaoStore.query(db, "SELECT user_id, segment FROM user_segments ORDER BY user_id");

      assertThat(second.k()).isEqualTo(first.k());
      assertThat(second.silhouette()).isEqualTo(first.silhouette());
      assertThat(second.segments()).isEqualTo(first.segments());
      assertThat(secondAssign)
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(firstAssign);
      assertThat(first.silhouette()).containsOnlyKeys(2, 3, 4, 5);
      assertThat(first.silhouette().get(first.k()))
          .isEqualTo(first.silhouette().values().stream().mapToDouble(d -> d).max().orElseThrow());
      long users = first.segments().stream().mapToLong(s -> (Long) s.get("users")).sum();
      assertThat(users).isEqualTo(firstAssign.size());
      assertThat(first.segments())
          .allSatisfy(s -> assertThat((String) s.get("description")).isNotBlank());
    }
  }

  @Test
  void silhouette_ofTwoSeparatedPairsIsNearOne() {
    double[][] x = {{0, 0}, {0, 0.1}, {10, 10}, {10, 10.1}};
    double s = Silhouette.mean(x, new int[] {0, 0, 1, 1}, new int[] {0, 1, 2, 3});
    assertThat(s).isGreaterThan(0.98);
    double mixed = Silhouette.mean(x, new int[] {0, 1, 0, 1}, new int[] {0, 1, 2, 3});
    assertThat(mixed).isLessThan(0);
  }
}
