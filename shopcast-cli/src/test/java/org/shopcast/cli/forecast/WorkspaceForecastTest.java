package org.shopcast.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

/** {@code shopcast --workspace W forecast|backtest --metric ...} on the Online Retail invoices. */
class WorkspaceForecastTest {
  @TempDir static Path dir;
  static String ws;

  @BeforeAll
  static void importInvoices() {
    ws = dir.resolve("ws").toString();
    String file =
        Fixtures.path("online-retail/online_retail_invoice_level_first4000_and_1000C.csv")
            .toString();
    CliRun run = CliRun.of("--workspace", ws, "import", file, "--format", "online-retail-invoices");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** Daily orders as {@code shopcast analyze kpis} reports them. */
  private static JsonNode dailyKpis() throws Exception {
    CliRun run = CliRun.of("--workspace", ws, "analyze", "kpis", "--grain", "day", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out()).get("rows");
  }

  @Test
  void forecastOrders_hasHorizonValuesOnTheFollowingDays() throws Exception {
    CliRun run =
        CliRun.of(
            "--workspace",
            ws,
            "forecast",
            "--metric",
            "orders",
            "--grain",
            "day",
            "--horizon",
            "14",
            "--model",
            "snaive",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    assertThat(root.get("model").asText()).isEqualTo("snaive");
    assertThat(root.get("grain").asText()).isEqualTo("day");
    assertThat(root.get("season").asInt()).isEqualTo(7);
    JsonNode s = root.get("series").get(0);
    assertThat(s.get("id").asText()).isEqualTo("orders");
    assertThat(s.get("forecast")).hasSize(14);
    assertThat(s.get("lower")).hasSize(14);
    assertThat(s.get("upper")).hasSize(14);
    JsonNode rows = dailyKpis();
    LocalDate last =
        OffsetDateTime.parse(rows.get(rows.size() - 1).get("t").asText()).toLocalDate();
    JsonNode dates = root.get("dates");
    assertThat(dates).hasSize(14);
    for (int h = 0; h < 14; h++) {
      assertThat(OffsetDateTime.parse(dates.get(h).asText()).toLocalDate())
          .isEqualTo(last.plusDays(h + 1));
      // seasonal naive with the default daily season 7: the same weekday of the last week
      int n = rows.size();
      assertThat(s.get("forecast").get(h).asDouble())
          .isEqualTo(rows.get(n - 7 + h % 7).get("orders").asDouble());
    }
  }

  @Test
  void backtestOrders_matchesSeasonalNaiveByHand() throws Exception {
    int horizon = 14;
    CliRun run =
        CliRun.of(
            "--workspace",
            ws,
            "backtest",
            "--metric",
            "orders",
            "--horizon",
            String.valueOf(horizon),
            "--models",
            "snaive,ets",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = Json.mapper().readTree(run.out());
    assertThat(out.get("season").asInt()).isEqualTo(7);
    JsonNode snaive = out.get("rows").get(0);
    assertThat(snaive.get("model").asText()).isEqualTo("snaive");
    assertThat(snaive.get("failed").asInt()).isZero();

    JsonNode rows = dailyKpis();
    int n = rows.size();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rows.get(i).get("orders").asDouble();
    }
    int origin = n - horizon;
    double abs = 0;
    double sq = 0;
    for (int h = 0; h < horizon; h++) {
      double f = y[origin - 7 + h % 7];
      abs += Math.abs(y[origin + h] - f);
      sq += (y[origin + h] - f) * (y[origin + h] - f);
    }
    double scale = 0;
    for (int t = 7; t < origin; t++) {
      scale += Math.abs(y[t] - y[t - 7]);
    }
    scale /= origin - 7;
    double mae = abs / horizon;
    assertThat(snaive.get("mae").asDouble()).isCloseTo(mae, within(1e-9));
    assertThat(snaive.get("rmse").asDouble()).isCloseTo(Math.sqrt(sq / horizon), within(1e-9));
    assertThat(snaive.get("mase").asDouble()).isCloseTo(mae / scale, within(1e-9));

    CliRun text =
        CliRun.of(
            "--workspace",
            ws,
            "backtest",
            "--metric",
            "orders",
            "--models",
            "snaive,ets",
            "--horizon",
            "14");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("orders per day").contains("season 7").contains("MASE");
    assertThat(text.out().lines().filter(l -> l.startsWith("snaive")).findFirst().orElseThrow())
        .contains(String.format(java.util.Locale.ROOT, "%.4f", mae / scale));
  }

  @Test
  void errors_nameTheProblem() {
    CliRun unknown =
        CliRun.of("--workspace", ws, "forecast", "--metric", "sales", "--horizon", "7");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown KPI 'sales'").contains("orders, buyers");

    CliRun empty =
        CliRun.of(
            "--workspace",
            dir.resolve("empty").toString(),
            "forecast",
            "--metric",
            "orders",
            "--horizon",
            "7");
    assertThat(empty.exitCode()).isEqualTo(1);
    assertThat(empty.err()).contains("holds no events");

    CliRun neither = CliRun.of("--workspace", ws, "forecast", "--horizon", "7");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("either --csv FILE or --metric KPI");

    // a few weeks of invoices hold far fewer than the 2 x 52 weeks snaive needs
    CliRun tooShort =
        CliRun.of(
            "--workspace",
            ws,
            "forecast",
            "--metric",
            "orders",
            "--grain",
            "week",
            "--horizon",
            "4",
            "--model",
            "snaive");
    assertThat(tooShort.exitCode()).isEqualTo(1);
    assertThat(tooShort.err()).contains("KPI orders").contains("[TooShort]");

    CliRun shortBacktest =
        CliRun.of(
            "--workspace",
            ws,
            "backtest",
            "--metric",
            "orders",
            "--grain",
            "week",
            "--horizon",
            "4",
            "--models",
            "naive");
    assertThat(shortBacktest.exitCode()).as(shortBacktest.err()).isZero();
    assertThat(shortBacktest.out()).contains("naive failed: orders: backtest needs at least");

    // the invoice importer records no prices, so revenue is 0 every day
    CliRun revenue =
        CliRun.of("--workspace", ws, "forecast", "--metric", "revenue", "--horizon", "7");
    assertThat(revenue.exitCode()).isEqualTo(1);
    assertThat(revenue.err()).contains("[Constant]").contains("were prices imported?");
  }

  @Test
  void regressionWithPromotionFile_needsFutureRows() throws Exception {
    JsonNode rows = dailyKpis();
    StringBuilder reg = new StringBuilder("time,promo\n");
    LocalDate first = OffsetDateTime.parse(rows.get(0).get("t").asText()).toLocalDate();
    int n = rows.size();
    for (int t = 0; t < n + 14; t++) {
      reg.append(first.plusDays(t)).append(',').append(t % 10 == 0 ? 1 : 0).append('\n');
    }
    Path file = dir.resolve("promo.csv");
    java.nio.file.Files.writeString(file, reg.toString());
    CliRun run =
        CliRun.of(
            "--workspace",
            ws,
            "forecast",
            "--metric",
            "orders",
            "--horizon",
            "14",
            "--model",
            "regression",
            "--regressors",
            file.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode s = Json.mapper().readTree(run.out()).get("series").get(0);
    assertThat(s.get("model").asText()).isEqualTo("regression");
    assertThat(s.get("forecast")).hasSize(14);
    for (int h = 0; h < 14; h++) {
      assertThat(s.get("lower").get(h).asDouble()).isLessThan(s.get("forecast").get(h).asDouble());
      assertThat(s.get("upper").get(h).asDouble())
          .isGreaterThan(s.get("forecast").get(h).asDouble());
    }
    // one day short of the horizon: the error names the file and the missing future bucket
    Path shortFile = dir.resolve("short.csv");
    String text = reg.toString();
    java.nio.file.Files.writeString(
        shortFile, text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1));
    CliRun bad =
        CliRun.of(
            "--workspace",
            ws,
            "forecast",
            "--metric",
            "orders",
            "--horizon",
            "14",
            "--model",
            "regression",
            "--regressors",
            shortFile.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err())
        .contains("short.csv")
        .contains("step 14 of the horizon: future values are required");
  }

  @Test
  void varOverSeveralKpis_forecastsThemTogether() throws Exception {
    CliRun run =
        CliRun.of(
            "--workspace",
            ws,
            "forecast",
            "--metric",
            "orders,buyers,items_sold",
            "--horizon",
            "7",
            "--model",
            "var",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode series = Json.mapper().readTree(run.out()).get("series");
    assertThat(series).hasSize(3);
    assertThat(series.get(0).get("id").asText()).isEqualTo("orders");
    assertThat(series.get(2).get("id").asText()).isEqualTo("items_sold");
    for (JsonNode s : series) {
      assertThat(s.get("model").asText()).startsWith("VAR(");
      assertThat(s.get("forecast")).hasSize(7);
      assertThat(s.get("upper").get(6).asDouble() - s.get("lower").get(6).asDouble())
          .isGreaterThan(s.get("upper").get(0).asDouble() - s.get("lower").get(0).asDouble());
    }
    CliRun text =
        CliRun.of(
            "--workspace",
            ws,
            "forecast",
            "--metric",
            "orders,buyers",
            "--horizon",
            "7",
            "--model",
            "var");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("orders per day").contains("buyers per day");
  }
}
