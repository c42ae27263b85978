package org.shopcast.cli.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** The {@code btyd fit} contract and {@code btyd predict} on the CDNOW fixtures. */
class BtydCommandTest {
  private static final String SUMMARY =
      Fixtures.path("cdnow/cdnow_customers_summary.csv").toString();
  private static final String WITH_SPEND =
      Fixtures.path("cdnow/cdnow_customers_summary_with_transactions.csv").toString();

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  @Test
  void fitBgnbd_printsContractJsonWithPublishedParameters() throws Exception {
    JsonNode result =
        json(CliRun.of("btyd", "fit", "--model", "bgnbd", "--summary", SUMMARY, "--json"));
    assertThat(result.get("model").asText()).isEqualTo("bgnbd");
    JsonNode p = result.get("params");
    assertThat(p.get("r").asDouble()).isCloseTo(0.2426, withinPercentage(0.1));
    assertThat(p.get("alpha").asDouble()).isCloseTo(4.4137, withinPercentage(0.1));
    assertThat(p.get("a").asDouble()).isCloseTo(0.7930, withinPercentage(0.1));
    assertThat(p.get("b").asDouble()).isCloseTo(2.4262, withinPercentage(0.1));
    assertThat(result.get("logLikelihood").asDouble()).isCloseTo(-9582.43, withinPercentage(0.1));
    assertThat(result.get("customers").asLong()).isEqualTo(2357);
  }

  @Test
  void fitParetoNbd_onBtydColumnNames() throws Exception {
    JsonNode result =
        json(CliRun.of("btyd", "fit", "--model", "pareto-nbd", "--summary", WITH_SPEND, "--json"));
    JsonNode p = result.get("params");
    assertThat(p.get("r").asDouble()).isCloseTo(0.553, withinPercentage(0.1));
    assertThat(p.get("alpha").asDouble()).isCloseTo(10.58, withinPercentage(0.1));
    assertThat(p.get("s").asDouble()).isCloseTo(0.606, withinPercentage(0.1));
    assertThat(p.get("beta").asDouble()).isCloseTo(11.66, withinPercentage(0.1));
    assertThat(result.get("logLikelihood").asDouble()).isCloseTo(-9594.98, withinPercentage(0.1));
  }

  @Test
  void fitGammaGamma_printsPqv() throws Exception {
    JsonNode result =
        json(CliRun.of("btyd", "fit", "--model", "gamma-gamma", "--summary", WITH_SPEND, "--json"));
    JsonNode p = result.get("params");
    // published to two decimals; same tolerance as GammaGammaModelTest
    assertThat(p.get("p").asDouble()).isCloseTo(6.25, within(0.015));
    assertThat(p.get("q").asDouble()).isCloseTo(3.74, within(0.015));
    assertThat(p.get("v").asDouble()).isCloseTo(15.44, within(0.015));
    assertThat(result.get("customers").asLong()).isEqualTo(946);
  }

  @Test
  void fit_unknownModel_isUsageError() {
    CliRun run = CliRun.of("btyd", "fit", "--model", "nbd", "--summary", SUMMARY);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("bgnbd, pareto-nbd, mbgnbd, gamma-gamma").contains("'nbd'");
  }

  @Test
  void fit_missingFile_failsNamingIt(@TempDir Path dir) {
    CliRun run =
        CliRun.of("btyd", "fit", "--model", "bgnbd", "--summary", dir.resolve("no.csv").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no.csv");
  }

  @Test
  void predict_customer1516_matchesVignette() throws Exception {
    JsonNode result =
        json(
            CliRun.of(
                "btyd",
                "predict",
                "--summary",
                WITH_SPEND,
                "--horizon",
                "52",
                "--top",
                "0",
                "--json"));
    assertThat(result.get("customers").asInt()).isEqualTo(2357);
    JsonNode c1516 = null;
    for (JsonNode row : result.get("predictions")) {
      if (row.get("id").asText().equals("1516")) {
        c1516 = row;
      }
    }
    assertThat(c1516).isNotNull();
    // the file rounds t_x to 30.86 weeks; the vignette uses 30.85714
    assertThat(c1516.get("expectedPurchases").asDouble()).isCloseTo(25.757, withinPercentage(0.2));
    assertThat(c1516.get("pAlive").asDouble()).isCloseTo(0.9689, withinPercentage(0.1));
    assertThat(c1516.get("clv").asDouble()).isPositive();
    // sorted by expected purchases, highest first
    assertThat(result.get("predictions").get(0).get("expectedPurchases").asDouble())
        .isGreaterThanOrEqualTo(c1516.get("expectedPurchases").asDouble());
  }

  @Test
  void predict_fromStore_equalsPredictFromTheSummaryFile(@TempDir Path dir) throws Exception {
    Path workspace = dir.resolve("ws");
    try (EventStore store = EventStore.open(workspace);
        Statement statement = store.connection().createStatement()) {
      statement.execute(
          "INSERT INTO events (event_id, user_id, ts, type, quantity, price, import_id)"
              + " SELECT md5_number('cdnow-' || row_number() OVER ()),"
              + " CAST(CAST(f[2] AS INT) AS VARCHAR),"
              + " CAST(strptime(f[3], '%Y%m%d') AS TIMESTAMP), 'PURCHASE', 1,"
              + " CAST(f[5] AS DECIMAL(18, 4)), 0 FROM (SELECT string_split_regex(trim(line),"
              + " '\\s+') AS f FROM read_csv('"
              + Fixtures.path("cdnow/CDNOW_sample.txt")
              + "', columns = {'line': 'VARCHAR'}, header = false, delim = '|'))");
    }
    JsonNode fromStore =
        json(
            CliRun.of(
                "--workspace",
                workspace.toString(),
                "btyd",
                "predict",
                "--cutoff",
                "1997-09-30",
                "--json"));
    JsonNode fromFile = json(CliRun.of("btyd", "predict", "--summary", WITH_SPEND, "--json"));
    assertThat(fromStore.get("customers").asInt()).isEqualTo(2357);
    for (String name : new String[] {"r", "alpha", "a", "b"}) {
      assertThat(fromStore.get("params").get(name).asDouble())
          .isCloseTo(fromFile.get("params").get(name).asDouble(), withinPercentage(0.5));
    }
    assertThat(fromStore.get("spendParams").get("p").asDouble())
        .isCloseTo(6.25, withinPercentage(1));
    assertThat(fromStore.get("predictions").get(0).get("id").asText())
        .isEqualTo(fromFile.get("predictions").get(0).get("id").asText());
  }

  @Test
  void predict_writesCsvOfEveryCustomer(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("p.csv");
    CliRun run = CliRun.of("btyd", "predict", "--summary", SUMMARY, "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2358);
    assertThat(Files.readAllLines(out).get(0))
        .isEqualTo("id,frequency,recency,T,expected_purchases,p_alive");
  }
}
