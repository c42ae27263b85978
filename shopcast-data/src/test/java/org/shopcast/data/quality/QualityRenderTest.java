package org.shopcast.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** The empty store, the JSON contract, the HTML page and volume anomalies built on purpose. */
class QualityRenderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path workspace;

  @Test
  void emptyStore_scoresZeroWithOneFailingCheck() throws Exception {
    try (EventStore store = EventStore.open(workspace)) {
      QualityReport report = new QualityAnalyzer(CLOCK).analyze(store);

      assertThat(report.events()).isZero();
      assertThat(report.score()).isZero();
      assertThat(report.minTs()).isNull();
      assertThat(report.checks())
          .singleElement()
          .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.FAIL));
      JsonNode json = new ObjectMapper().readTree(QualityJson.render(report));
      assertThat(json.get("minTs").isNull()).isTrue();
      assertThat(json.get("checks").get(0).get("status").asText()).isEqualTo("fail");
      assertThat(QualityHtml.render(report)).contains("Score 0.000");
    }
  }

  @Test
  void json_holdsTheContractFields() throws Exception {
    try (EventStore store = EventStore.open(workspace)) {
      new Importer(store, CLOCK)
          .importFile(
              Fixtures.path("taobao/UserBehavior_head_43users.csv"),
              ImportOptions.of(Format.TAOBAO));
      QualityReport report = new QualityAnalyzer(CLOCK).analyze(store);
      JsonNode json = new ObjectMapper().readTree(QualityJson.render(report));

      assertThat(json.get("events").asLong()).isEqualTo(store.stats().events());
      assertThat(json.get("users").asLong()).isEqualTo(43);
      assertThat(json.get("items").asLong()).isEqualTo(store.stats().items());
      assertThat(Instant.parse(json.get("minTs").asText())).isEqualTo(store.stats().minTs());
      assertThat(Instant.parse(json.get("maxTs").asText())).isEqualTo(store.stats().maxTs());
      assertThat(json.get("score").asDouble()).isEqualTo(report.score()).isBetween(0.0, 1.0);
      assertThat(json.get("checks")).hasSize(report.checks().size());
      for (JsonNode check : json.get("checks")) {
        assertThat(check.has("name") && check.has("value") && check.has("detail")).isTrue();
        assertThat(check.get("status").asText()).isIn("pass", "warn", "fail");
      }
      String html = QualityHtml.render(report);
      DailyVolume busiest =
          report.volumeByDay().stream()
              .max((a, b) -> Long.compare(a.events(), b.events()))
              .orElseThrow();
      assertThat(html)
          .contains("<div id=\"byDay\"", "<div id=\"byType\"", "<table id=\"checks\"")
          .contains("\"day\":\"" + busiest.day() + "\",\"events\":" + busiest.events())
          .contains("time.badTimestamps")
          .contains(QualityHtml.echarts().substring(0, 200))
          .doesNotContain("<script src");
    }
  }

  @Test
  void volume_findsTheGapHourAndTheSpikeBuiltIntoTheData() throws Exception {
    // six days of 30 events an hour, with 2020-01-03T10 empty and 2020-01-04T15 at 300 events
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    List<String> lines = new ArrayList<>();
    for (int h = 0; h < 6 * 24; h++) {
      int n = h == 2 * 24 + 10 ? 0 : h == 3 * 24 + 15 ? 300 : 30;
      for (int k = 0; k < n; k++) {
        long ts = start.getEpochSecond() + h * 3600L + k * (3600L / n);
        lines.add((k % 50) + "," + (h * 1000 + k) + ",7,pv," + ts);
      }
    }
    Path file = workspace.resolve("hours.csv");
    Files.write(file, lines);
    try (EventStore store = EventStore.open(workspace.resolve("ws"))) {
      new Importer(store, CLOCK)
          .importFile(
              file,
              ImportOptions.of(Format.TAOBAO)
                  .withValidRange(start, Instant.parse("2020-02-01T00:00:00Z")));
      QualityReport report = new QualityAnalyzer(CLOCK).analyze(store);

      assertThat(report.events()).isEqualTo(lines.size());
      assertThat(value(report, "volume.gapHours")).isEqualTo(1.0);
      assertThat(status(report, "volume.gapHours")).isEqualTo(CheckStatus.WARN);
      assertThat(detail(report, "volume.gapHours")).contains("2020-01-03T10:00Z");
      assertThat(value(report, "volume.abnormalHours")).isEqualTo(1.0);
      assertThat(detail(report, "volume.abnormalHours")).contains("2020-01-04T15:00Z 300");
      assertThat(value(report, "volume.emptyDays")).isZero();
      assertThat(report.volumeByDay())
          .filteredOn(DailyVolume::abnormal)
          .extracting(d -> d.day().toString())
          .containsExactly("2020-01-04");
      assertThat(value(report, "consistency.usersWithOneEvent")).isZero();
    }
  }

  private static QualityCheck find(QualityReport report, String name) {
    return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static Double value(QualityReport report, String name) {
    return find(report, name).value();
  }

  private static CheckStatus status(QualityReport report, String name) {
    return find(report, name).status();
  }

  private static String detail(QualityReport report, String name) {
    return find(report, name).detail();
  }
}
