package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Segment Java client (analytics-java 3.5.4) pointed at the server. */
class SegmentClientTest {
  @TempDir Path workspace;

  @Test
  void officialClient_eventsLandWithUserTypeItemPriceAndTime() throws Exception {
    try (TestServer t = new TestServer(workspace)) {
      CountDownLatch delivered = new CountDownLatch(5);
      AtomicInteger failures = new AtomicInteger();
      List<String> why = new java.util.concurrent.CopyOnWriteArrayList<>();
      Analytics analytics =
          Analytics.builder(TestServer.WRITE)
              .endpoint(t.server.url())
              .flushQueueSize(5)
              .callback(
                  new Callback() {
                    @Override
                    public void success(Message message) {
                      delivered.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                      failures.incrementAndGet();
                      why.add(String.valueOf(throwable));
                      delivered.countDown();
                    }
                  })
              .build();
      Date viewed = Date.from(Instant.parse("2024-06-01T10:00:00.250Z"));
      Date bought = Date.from(Instant.parse("2024-06-01T10:05:00Z"));
      analytics.enqueue(IdentifyMessage.builder().userId("u-42").traits(Map.of("plan", "gold")));
      analytics.enqueue(
          TrackMessage.builder("Product Viewed")
              .userId("u-42")
              .messageId("c-1")
              .timestamp(viewed)
              .properties(Map.of("product_id", "sku-1", "category", "hats", "price", 19.99)));
      analytics.enqueue(
          PageMessage.builder("Product page")
              .userId("u-42")
              .messageId("c-2")
              .timestamp(viewed)
              .properties(Map.of("product_id", "sku-2")));
      analytics.enqueue(
          TrackMessage.builder("Product Added")
              .anonymousId("anon-7")
              .messageId("c-3")
              .timestamp(viewed)
              .properties(Map.of("product_id", "sku-1", "price", 19.99, "quantity", 3)));
      analytics.enqueue(
          TrackMessage.builder("Order Completed")
              .userId("u-42")
              .messageId("c-4")
              .timestamp(bought)
              .properties(
                  Map.of(
                      "order_id",
                      "o-1",
                      "products",
                      List.of(Map.of("product_id", "sku-1", "price", 19.99, "quantity", 2)))));
      analytics.flush();
      assertThat(delivered.await(60, TimeUnit.SECONDS)).isTrue();
      analytics.shutdown();

      assertThat(failures.get()).as("failures: %s", why).isZero();
      assertThat(
              t.strings(
                  "SELECT m.k || '|' || user_id || '|' || type || '|' || item_id || '|' ||"
                      + " coalesce(CAST(price AS VARCHAR), '') || '|' || quantity || '|' ||"
                      + " strftime(ts, '%Y-%m-%dT%H:%M:%S.%g') FROM events LEFT JOIN (VALUES"
                      + " ('c-1'), ('c-2'), ('c-3'), ('c-4:0')) m(k) ON event_id ="
                      + " md5_number(m.k) ORDER BY m.k"))
          .containsExactly(
              "c-1|u-42|VIEW|sku-1|19.9900|1|2024-06-01T10:00:00.250",
              "c-2|u-42|VIEW|sku-2||1|2024-06-01T10:00:00.250",
              "c-3|anon-7|CART_ADD|sku-1|19.9900|3|2024-06-01T10:00:00.250",
              "c-4:0|u-42|PURCHASE|sku-1|19.9900|2|2024-06-01T10:05:00.000");
      assertThat(t.strings("SELECT order_id FROM events WHERE type = 'PURCHASE'"))
          .containsExactly("o-1");
      assertThat(
              t.strings(
                  "SELECT json_extract_string(attributes, '$.plan') FROM users WHERE user_id ="
                      + " 'u-42'"))
          .containsExactly("gold");
    }
  }
}
