package org.shopcast.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class ForecastCommandTest {
  @TempDir Path dir;

  @Test
  void forecastM4Json_meetsTheContract() throws Exception {
    String csv = Fixtures.path("m4/Hourly-train-head5.csv").toString();
    CliRun run =
        CliRun.of(
            "forecast",
            "--csv",
            csv,
            "--layout",
            "m4",
            "--horizon",
            "48",
            "--season",
            "24",
            "--model",
            "snaive",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = Json.mapper().readTree(run.out());
    assertThat(root.get("model").asText()).isEqualTo("snaive");
    JsonNode series = root.get("series");
    assertThat(series).hasSize(5);
    assertThat(series.get(0).get("id").asText()).isEqualTo("H1");
    assertThat(series.get(4).get("id").asText()).isEqualTo("H5");
    for (JsonNode s : series) {
      assertThat(s.get("model").asText()).isEqualTo("snaive");
      assertThat(s.get("forecast")).hasSize(48);
      assertThat(s.get("lower")).hasSize(48);
      assertThat(s.get("upper")).hasSize(48);
    }
    // seasonal naive repeats the last day: independently from the raw file
    String[] h1 = Files.readAllLines(Path.of(csv)).get(1).split(",");
    int n = 700;
    assertThat(series.get(0).get("forecast").get(0).asDouble())
        .isEqualTo(Double.parseDouble(h1[n - 24 + 1].replace("\"", "")));
  }

  @Test
  void forecastText_andAuto() throws Exception {
    Path wide = dir.resolve("w.csv");
    StringBuilder sb = new StringBuilder("day,a,b\n");
    for (int t = 0; t < 60; t++) {
      sb.append(t).append(',').append(10 + t % 7).append(',').append(100 + t).append('\n');
    }
    Files.writeString(wide, sb.toString());
    CliRun run =
        CliRun.of(
            "forecast",
            "--csv",
            wide.toString(),
            "--layout",
            "wide",
            "--horizon",
            "7",
            "--season",
            "7",
            "--model",
            "theta");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("a  theta").contains("b  theta");
  }

  @Test
  void errors_haveUsageAndFailureCodes() throws Exception {
    String csv = Fixtures.path("m4/Weekly-test-head5.csv").toString();
    CliRun bad = CliRun.of("forecast", "--csv", csv, "--layout", "m4", "--horizon", "0", "--json");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--horizon must be >= 1, got 0");
    CliRun missing =
        CliRun.of("forecast", "--csv", dir.resolve("nope.csv").toString(), "--horizon", "3");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("[FileNotFound]");
    CliRun tooShort =
        CliRun.of(
            "forecast",
            "--csv",
            csv,
            "--layout",
            "m4",
            "--horizon",
            "3",
            "--season",
            "24",
            "--model",
            "snaive");
    assertThat(tooShort.exitCode()).isEqualTo(1);
    assertThat(tooShort.err()).contains("series W1").contains("[TooShort]");
  }

  @Test
  void backtest_printsOneRowPerModel() {
    String csv = Fixtures.path("m4/Hourly-train-head5.csv").toString();
    CliRun run =
        CliRun.of(
            "backtest",
            "--csv",
            csv,
            "--layout",
            "m4",
            "--horizon",
            "48",
            "--season",
            "24",
            "--models",
            "naive,snaive,naive2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(4);
    assertThat(run.out()).contains("snaive").contains("naive2").contains("MASE");
  }

  @Test
  void mstlWithSeasons_forecastsEverySeries() throws Exception {
    String csv = Fixtures.path("m4/Hourly-train-head5.csv").toString();
    CliRun run =
        CliRun.of(
            "forecast",
            "--csv",
            csv,
            "--layout",
            "m4",
            "--horizon",
            "48",
            "--seasons",
            "24,168",
            "--model",
            "mstl",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode series = Json.mapper().readTree(run.out()).get("series");
    assertThat(series).hasSize(5);
    for (JsonNode s : series) {
      assertThat(s.get("model").asText()).startsWith("MSTL(24,168)+ETS(");
      assertThat(s.get("forecast")).hasSize(48);
    }
    CliRun bad =
        CliRun.of(
            "forecast",
            "--csv",
            csv,
            "--layout",
            "m4",
            "--horizon",
            "4",
            "--seasons",
            "24,0",
            "--model",
            "mstl");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--seasons: every period must be >= 1, got 0");
  }

  @Test
  void regressionOnAFileWithPositionalRegressors_recoversTheDesign() throws Exception {
    // y = 10 + 2 t + 5 promo exactly; the forecast must extend the same formula
    Path series = dir.resolve("y.csv");
    Path reg = dir.resolve("r.csv");
    StringBuilder y = new StringBuilder("id,time,value\n");
    StringBuilder r = new StringBuilder("time,promo\n");
    double[] promo = new double[36];
    for (int t = 0; t < 36; t++) {
      promo[t] = t % 5 == 0 ? 1 : 0;
      r.append(t).append(',').append(promo[t]).append('\n');
      if (t < 30) {
        y.append("a,").append(t).append(',').append(10 + 2 * (t + 1) + 5 * promo[t]).append('\n');
      }
    }
    Files.writeString(series, y.toString());
    Files.writeString(reg, r.toString());
    CliRun run =
        CliRun.of(
            "forecast",
            "--csv",
            series.toString(),
            "--horizon",
            "6",
            "--model",
            "regression",
            "--regressors",
            reg.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode f = Json.mapper().readTree(run.out()).get("series").get(0).get("forecast");
    for (int h = 0; h < 6; h++) {
      assertThat(f.get(h).asDouble())
          .isCloseTo(
              10 + 2 * (31 + h) + 5 * promo[30 + h], org.assertj.core.api.Assertions.within(1e-8));
    }
    CliRun wrongModel =
        CliRun.of(
            "forecast",
            "--csv",
            series.toString(),
            "--horizon",
            "6",
            "--model",
            "ets",
            "--regressors",
            reg.toString());
    assertThat(wrongModel.exitCode()).isEqualTo(2);
    assertThat(wrongModel.err())
        .contains("--regressors applies to --model regression or arima only");
  }

  @Test
  void arimaWithRegressors_forecastsThePromotionEffect() throws Exception {
    // y = 50 + 8 promo + AR(1) noise; the forecast on promo hours must sit ~8 above the others
    Path series = dir.resolve("ya.csv");
    Path reg = dir.resolve("ra.csv");
    StringBuilder y = new StringBuilder("id,time,value\n");
    StringBuilder r = new StringBuilder("time,promo\n");
    java.util.Random rnd = new java.util.Random(9);
    double e = 0;
    int n = 200;
    for (int t = 0; t < n + 10; t++) {
      int promo = t % 7 < 2 ? 1 : 0;
      r.append(t).append(',').append(promo).append('\n');
      e = 0.5 * e + 0.5 * rnd.nextGaussian();
      if (t < n) {
        y.append("a,").append(t).append(',').append(50 + 8 * promo + e).append('\n');
      }
    }
    Files.writeString(series, y.toString());
    Files.writeString(reg, r.toString());
    CliRun run =
        CliRun.of(
            "forecast",
            "--csv",
            series.toString(),
            "--horizon",
            "10",
            "--model",
            "arima",
            "--regressors",
            reg.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode f = Json.mapper().readTree(run.out()).get("series").get(0).get("forecast");
    for (int h = 0; h < 10; h++) {
      int promo = (n + h) % 7 < 2 ? 1 : 0;
      assertThat(f.get(h).asDouble())
          .isCloseTo(50 + 8 * promo, org.assertj.core.api.Assertions.within(1.5));
    }
  }

  @Test
  void htmlChart_holdsHistoryForecastAndBand() throws Exception {
    String csv = Fixtures.path("m4/Hourly-train-head5.csv").toString();
    Path page = dir.resolve("f.html");
    CliRun run =
        CliRun.of(
            "forecast",
            "--csv",
            csv,
            "--layout",
            "m4",
            "--horizon",
            "48",
            "--season",
            "24",
            "--model",
            "snaive",
            "--html",
            page.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String html = Files.readString(page);
    assertThat(html).contains("<!DOCTYPE html>").contains("echarts.init(").contains("H5 (snaive)");
    assertThat(html).contains("\"95% interval\"").contains("\"areaStyle\"");
    // echarts is inlined, not fetched
    assertThat(html).doesNotContain("<script src=");
    assertThat(html.length()).isGreaterThan(500_000);
    JsonNode first = Json.mapper().readTree(run.out()).get("series").get(0);
    // the first chart's forecast series starts with the last observed value, then the forecasts
    String last = String.valueOf(first.get("forecast").get(47).asDouble());
    assertThat(html).contains(last);
  }
}
