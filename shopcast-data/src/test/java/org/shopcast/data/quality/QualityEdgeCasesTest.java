package org.shopcast.data.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;

/**
 * Validity problems, returns and bot flags the Taobao samples do not have, written straight into
 * the store's tables; the expected figures are recomputed in Java from the same rows.
 */
class QualityEdgeCasesTest {
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
  private static final Set<String> CANONICAL =
      Set.of("VIEW", "SEARCH", "FAVORITE", "CART_ADD", "CART_REMOVE", "PURCHASE", "RETURN");

  @TempDir Path workspace;

  record Ev(
      String id, String user, Instant ts, String type, String item, Double price, String props) {}

  @Test
  void validityReturnsAndBots_matchJavaRecomputation() throws Exception {
    Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
    List<Ev> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String user = i % 7 == 0 ? " u" + (i % 5) : "u" + (i % 5);
      String type =
          i % 13 == 0 ? "CLICK" : i % 4 == 0 ? "PURCHASE" : i % 6 == 0 ? "RETURN" : "VIEW";
      Double price = i % 4 == 0 || i % 6 == 0 ? (i % 8 == 0 ? -1.0 : 9.5) : null;
      String props = i % 5 == 0 ? (i % 10 == 0 ? "{\"a\":1}" : "{broken") : null;
      Instant ts = i == 39 ? NOW.plusSeconds(3 * 86_400) : t0.plusSeconds(600L * i);
      rows.add(new Ev("e" + i, user, ts, type, "i" + (i % 3), price, props));
    }
    try (EventStore store = EventStore.open(workspace)) {
      try (PreparedStatement ps =
          store
              .connection()
              .prepareStatement(
                  "INSERT INTO events (event_id, user_id, ts, type, item_id, price, properties,"
                      + " import_id) VALUES (md5_number(?), ?, ?, ?, ?, ?, ?, 1)")) {
        for (Ev e : rows) {
          ps.setString(1, e.id());
          ps.setString(2, e.user());
          ps.setTimestamp(3, Timestamp.valueOf(e.ts().atOffset(ZoneOffset.UTC).toLocalDateTime()));
          ps.setString(4, e.type());
          ps.setString(5, e.item());
          ps.setObject(6, e.price());
          ps.setString(7, e.props());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      List<String> returns =
          rows.stream().filter(e -> e.type().equals("RETURN")).map(Ev::id).toList();
      List<String> flagged = returns.subList(0, 2);
      try (Statement st = store.connection().createStatement()) {
        for (String id : flagged) {
          st.execute(
              "INSERT INTO event_flags VALUES (md5_number('"
                  + id
                  + "'), 'ReturnWithoutPurchase', 1)");
        }
        st.execute("INSERT INTO user_flags VALUES ('u3', 'BotLikeRate', 99, 1)");
        st.execute("INSERT INTO user_flags VALUES ('nobody', 'BotLikeRate', 99, 1)");
      }

      QualityReport report = new QualityAnalyzer(Clock.fixed(NOW, ZoneOffset.UTC)).analyze(store);

      double n = rows.size();
      assertThat(value(report, "validity.user_id"))
          .isCloseTo(
              rows.stream().filter(e -> e.user().equals(e.user().trim())).count() / n,
              within(1e-12));
      assertThat(value(report, "validity.type"))
          .isCloseTo(
              rows.stream().filter(e -> CANONICAL.contains(e.type())).count() / n, within(1e-12));
      assertThat(value(report, "validity.ts"))
          .isCloseTo(
              rows.stream().filter(e -> !e.ts().isAfter(NOW.plusSeconds(86_400))).count() / n,
              within(1e-12));
      List<Ev> sales =
          rows.stream().filter(e -> Set.of("PURCHASE", "RETURN").contains(e.type())).toList();
      List<Double> prices = sales.stream().map(Ev::price).filter(p -> p != null).toList();
      assertThat(value(report, "completeness.price"))
          .isCloseTo(prices.size() / (double) sales.size(), within(1e-12));
      assertThat(value(report, "validity.price"))
          .isCloseTo(
              prices.stream().filter(p -> p > 0).count() / (double) prices.size(), within(1e-12));
      List<String> props = rows.stream().map(Ev::props).filter(p -> p != null).toList();
      ObjectMapper json = new ObjectMapper();
      long validJson = props.stream().filter(p -> parses(json, p)).count();
      assertThat(value(report, "validity.properties"))
          .isCloseTo(validJson / (double) props.size(), within(1e-12));
      assertThat(value(report, "consistency.returnsWithoutPurchase"))
          .isCloseTo(flagged.size() / (double) returns.size(), within(1e-12));
      long users = rows.stream().map(Ev::user).distinct().count();
      assertThat(value(report, "consistency.botLikeUsers"))
          .as("the flag of a user with no events is not counted")
          .isCloseTo(1.0 / users, within(1e-12));
      assertThat(report.checks())
          .filteredOn(c -> c.name().startsWith("validity."))
          .filteredOn(c -> c.value() != null && c.value() < 0.99)
          .allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckStatus.FAIL));
      assertThat(value(report, "duplicates")).as("no import records").isNull();
    }
  }

  @Test
  void itemCompleteness_skipsImportsThatRecordNoItems() throws Exception {
    // import 1 records items (one row lacks it); import 2 is order-level, with no item ids
    String[][] rows = {
      {"1", "VIEW", "a"},
      {"1", "VIEW", "b"},
      {"1", "CART_ADD", "a"},
      {"1", "VIEW", null},
      {"1", "SEARCH", null},
      {"2", "PURCHASE", null},
      {"2", "PURCHASE", null}
    };
    try (EventStore store = EventStore.open(workspace)) {
      try (PreparedStatement ps =
          store
              .connection()
              .prepareStatement(
                  "INSERT INTO events (event_id, user_id, ts, type, item_id, import_id) VALUES"
                      + " (md5_number(?), 'u', TIMESTAMP '2024-05-01 10:00:00', ?, ?, ?)")) {
        for (int i = 0; i < rows.length; i++) {
          ps.setString(1, "e" + i);
          ps.setString(2, rows[i][1]);
          ps.setString(3, rows[i][2]);
          ps.setLong(4, Long.parseLong(rows[i][0]));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      QualityReport report = new QualityAnalyzer(Clock.fixed(NOW, ZoneOffset.UTC)).analyze(store);

      Set<String> itemImports = new java.util.HashSet<>();
      for (String[] r : rows) {
        if (r[2] != null) {
          itemImports.add(r[0]);
        }
      }
      long judged = 0;
      long filled = 0;
      for (String[] r : rows) {
        if (!r[1].equals("SEARCH") && itemImports.contains(r[0])) {
          judged++;
          filled += r[2] == null ? 0 : 1;
        }
      }
      assertThat(value(report, "completeness.item_id"))
          .isCloseTo(filled / (double) judged, within(1e-12));
    }
  }

  private static boolean parses(ObjectMapper json, String text) {
    try {
      json.readTree(text);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Double value(QualityReport report, String name) {
    return report.checks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
